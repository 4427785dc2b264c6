package vn.cchc.plan.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import vn.cchc.platform.web.ConflictException;

/** Optimistic locking over HTTP: {@code ETag: "<version>"} out, {@code If-Match} in. */
public final class ETags {
    private ETags() {
    }

    public static String of(Long version) {
        return "\"" + (version == null ? 0 : version) + "\"";
    }

    /**
     * Checks an If-Match header against the current version: 428 when required and missing, 412 when stale.
     * A missing header on an optional check passes.
     */
    public static void check(String ifMatch, Long currentVersion, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
                        "This change needs an If-Match header with the ETag you last read.");
                throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
            }
            return;
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (!value.equals(of(currentVersion)) && !value.equals(String.valueOf(currentVersion == null ? 0 : currentVersion))) {
            throw new ConflictException("The resource was changed since you read it (ETag " + of(currentVersion)
                    + "); reload it and try again.", true);
        }
    }
}
