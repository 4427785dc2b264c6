package vn.cchc.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.cchc.gateway.error.ErrorPages;
import vn.cchc.security.ProblemResponses;

/**
 * The sign-in form ({@code POST /login}) counts against the caller's address like {@code POST /api/auth/token}: it
 * runs before Spring Security, which answers the form itself and would never pass it on to {@link RateLimitFilter}.
 * Over the limit: 429 with {@code Retry-After}, the Vietnamese page for a browser.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
public class SignInRateLimitFilter extends org.springframework.web.filter.OncePerRequestFilter {
    private final RateLimiter limiter;

    public SignInRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Allowance allowance = limiter.consume(RateLimiter.byAddress(request));
        if (allowance.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", Long.toString(allowance.retryAfterSeconds()));
        if (ErrorPages.wantsPage(request)) {
            response.sendError(429);
        } else {
            ProblemResponses.write(request, response, 429, "Too Many Requests", "https://cchc.vn/problems/rate-limited",
                    "Too many sign-in attempts; try again later.");
        }
    }
}
