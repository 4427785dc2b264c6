package vn.cchc.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cchc.security.ProblemResponses;

/**
 * A rate limit (RateLimiter) per user for {@code /api/**}; per client address for unauthenticated calls such as
 * {@code POST /api/auth/token}, which also slows password guessing. Runs after Spring Security (order 0 &gt; -100),
 * so the caller is known. Over the limit: 429 Problem Details with {@code Retry-After} in seconds.
 */
@Component
@Order(0)
public class RateLimitFilter extends OncePerRequestFilter {
    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Allowance allowance = limiter.consume(caller(request));
        response.setHeader("X-RateLimit-Remaining", Long.toString(allowance.remaining()));
        if (!allowance.allowed()) {
            long seconds = allowance.retryAfterSeconds();
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(request, response, 429, "Too Many Requests", "https://cchc.vn/problems/rate-limited",
                    "Too many requests; try again in " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return "user:" + token.getToken().getSubject();
        }
        return RateLimiter.byAddress(request);
    }
}
