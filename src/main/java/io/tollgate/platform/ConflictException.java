package io.tollgate.platform;

import java.util.List;

/** The request clashes with existing state (a duplicate, a binding that exists elsewhere); nothing was changed. */
public class ConflictException extends InvalidInputException {

    public ConflictException(String field, String message) {
        super(List.of(new FieldError(field, message)));
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
