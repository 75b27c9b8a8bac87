package io.tollgate.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tollgate.platform.FieldError;

import java.util.List;

/** An RFC 9457 problem document, with the fields that failed when input was refused. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, String instance,
                             List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
