package vn.cchc.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The caller is authenticated but may not do this here. An {@link ErrorResponseException}, so any
 * {@code ResponseEntityExceptionHandler} (platform-common's ProblemDetailsAdvice included) answers it as a
 * 403 Problem Details; {@link SecurityProblemAdvice} does when no such handler exists.
 */
public class ForbiddenException extends ErrorResponseException {
    public static final URI TYPE = URI.create("https://cchc.vn/problems/forbidden");

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(TYPE);
        problem.setTitle("Forbidden");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
