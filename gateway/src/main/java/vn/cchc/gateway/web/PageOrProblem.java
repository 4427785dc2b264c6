package vn.cchc.gateway.web;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import vn.cchc.gateway.error.ErrorPages;

/**
 * Spring Security's 401 and 403: the Vietnamese error page for a browser outside {@code /api/**} (through
 * {@code sendError}, rendered at {@code /error}), the given Problem Details answer for everything else.
 */
final class PageOrProblem {
    private PageOrProblem() {
    }

    static AuthenticationEntryPoint unauthorized(AuthenticationEntryPoint problem) {
        return (request, response, exception) -> {
            if (ErrorPages.wantsPage(request)) {
                response.sendError(401);
            } else {
                problem.commence(request, response, exception);
            }
        };
    }

    static AccessDeniedHandler forbidden(AccessDeniedHandler problem) {
        return (request, response, exception) -> {
            if (ErrorPages.wantsPage(request)) {
                response.sendError(403);
            } else {
                problem.handle(request, response, exception);
            }
        };
    }
}
