package io.tollgate.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;

/** Checks a command's Bean Validation constraints, so that the API and the portal share one set of rules. */
@ApplicationScoped
public class InputValidator {

    private final Validator validator;

    InputValidator(Validator validator) {
        this.validator = validator;
    }

    public void check(Object input) {
        if (input == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldError> errors = validator.validate(input).stream()
                .map(InputValidator::toFieldError)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static FieldError toFieldError(ConstraintViolation<?> violation) {
        return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
