package vn.cchc.platform.web;

/**
 * One rule broken by one field of a request, as listed under {@code errors} in a Problem Details body.
 *
 * @param field   JSON path of the field, e.g. {@code durationSeconds} or {@code targets[0].minimum}
 * @param rule    the rule, e.g. {@code required}, {@code pattern}, {@code max-length}
 * @param message a sentence for the user
 */
public record FieldError(String field, String rule, String message) {
}
