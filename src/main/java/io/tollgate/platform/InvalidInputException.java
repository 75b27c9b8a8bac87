package io.tollgate.platform;

import java.util.List;

/** Input that breaks a business rule; nothing was changed. Answered with 400 or an inline form error. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "Invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    /** 400 for invalid input; subclasses for clashes answer 409. */
    public int httpStatus() {
        return 400;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
