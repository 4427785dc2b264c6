package vn.cchc.reporting.live;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 Problem Details with {@code Retry-After} (seconds): a live-stream cap is reached. */
public class TooManyStreamsException extends ErrorResponseException {
    public static final URI TYPE = URI.create("https://cchc.vn/problems/too-many-streams");
    private final HttpHeaders headers = new HttpHeaders();

    public TooManyStreamsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(detail), null);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setType(TYPE);
        problem.setTitle("Too many live streams");
        return problem;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
