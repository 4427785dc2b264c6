package vn.cchc.publication.plans;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * plan-service could not say whether the caller may use a plan (down, 5xx, timeout): 503 Problem Details with
 * {@code Retry-After}; nothing was stored, and the request may be sent again.
 */
public class PlanServiceUnavailableException extends ErrorResponseException {
    PlanServiceUnavailableException(String why, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        setDetail(problem().getDetail() + " (" + why + ")");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The plan service cannot confirm the planId now; nothing was changed. Try again shortly.");
        problem.setTitle("Service Unavailable");
        return problem;
    }
}
