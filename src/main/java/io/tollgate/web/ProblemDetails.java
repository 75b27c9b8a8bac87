package io.tollgate.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tollgate.platform.FieldError;

import java.util.List;

/**
 * An RFC 9457 problem document, with the fields that failed when input was refused, and for a refused report the
 * format tried, the position in the report, the scan that records the attempt and the supported formats.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, String instance,
                             List<FieldError> errors, String format, String position, Long scan,
                             List<String> supportedFormats) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDetails(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null, null, null, null);
    }
}
