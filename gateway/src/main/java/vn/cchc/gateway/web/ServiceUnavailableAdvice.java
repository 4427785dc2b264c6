package vn.cchc.gateway.web;

import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.cchc.gateway.error.ErrorPages;

/**
 * A service that refuses the connection, resets it or does not answer within the read timeout becomes a
 * 503 Problem Details with {@code Retry-After}, never a hang or a stack trace. Spring MVC's own errors (404, 405…) are
 * Problem Details through the parent class. A browser outside {@code /api/**} gets the Vietnamese error page instead
 * ({@link ErrorPages}: the status goes to the container, which renders it at {@code /error}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ServiceUnavailableAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception ex, jakarta.servlet.http.HttpServletRequest request,
                                         HttpServletResponse response) throws Exception {
        if (ex instanceof org.springframework.security.core.AuthenticationException
                || ex instanceof org.springframework.security.access.AccessDeniedException) {
            throw ex; // Spring Security's ExceptionTranslationFilter answers these (401/403 Problem Details)
        }
        ResponseEntity<ProblemDetail> problem = problem(ex, request);
        if (ErrorPages.wantsPage(request)) {
            problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.sendError(problem.getStatusCode().value());
            return null;
        }
        return problem;
    }

    private ResponseEntity<ProblemDetail> problem(Exception ex, jakarta.servlet.http.HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(RequestSizeLimitFilter.TOO_LARGE))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than the gateway accepts.");
            problem.setTitle("Content Too Large");
            problem.setType(URI.create("https://cchc.vn/problems/too-large"));
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header("Connection", "close").body(problem);
        }
        if (ioCause(ex)) {
            log.warn("Service unreachable: {}", ex.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service behind this path is not answering; try again shortly.");
            problem.setTitle("Service Unavailable");
            problem.setType(URI.create("https://cchc.vn/problems/service-unavailable"));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
        }
        log.error("Unexpected gateway error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal Server Error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** Spring MVC's own errors (404, 405, 415…): for a browser outside /api/** the page, else the parent's Problem Details. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && ErrorPages.wantsPage(servlet.getRequest())) {
            HttpServletResponse response = servlet.getResponse();
            headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            try {
                response.sendError(statusCode.value());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    static boolean ioCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof java.io.UncheckedIOException
                    || t instanceof org.springframework.web.client.ResourceAccessException) {
                return true;
            }
        }
        return false;
    }
}
