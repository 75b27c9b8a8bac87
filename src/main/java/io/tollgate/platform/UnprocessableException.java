package io.tollgate.platform;

import java.util.List;

/**
 * Well-formed input that names something it may not use here (e.g. a gate decision that cannot be a baseline);
 * nothing was changed. Answered with 422.
 */
public class UnprocessableException extends InvalidInputException {

    public UnprocessableException(String field, String message) {
        super(List.of(new FieldError(field, message)));
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
