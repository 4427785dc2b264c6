package vn.cchc.platform.web;

import java.util.List;

/** Thrown by domain code when a request breaks a business rule; answered with 400 Problem Details. */
public class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String rule, String message) {
        this(List.of(new FieldError(field, rule, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
