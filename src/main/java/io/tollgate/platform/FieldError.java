package io.tollgate.platform;

/** One invalid input: the field (JSON property, form field or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
