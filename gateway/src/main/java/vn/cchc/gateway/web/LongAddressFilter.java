package vn.cchc.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cchc.gateway.error.ErrorPages;
import vn.cchc.security.ProblemResponses;

/**
 * An address (path and query) longer than 8 KB is refused with 400 here, where the gateway still knows the path and the
 * {@code Accept} header: Problem Details for {@code /api/**} and programs, the Vietnamese page for a browser. The
 * gateway's Tomcat takes request lines up to {@code server.max-http-request-header-size} (128 KB) for this; beyond
 * that Tomcat refuses before any header is read and its error valve can only guess.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LongAddressFilter extends OncePerRequestFilter {
    static final int MAX_ADDRESS = 8 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1) <= MAX_ADDRESS) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Connection", "close");
        if (ErrorPages.wantsPage(request)) {
            response.sendError(400);
            return;
        }
        ProblemResponses.write(request, response, 400, "Bad Request", "https://cchc.vn/problems/address-too-long",
                "The address (path and query) is longer than " + MAX_ADDRESS + " characters.");
    }
}
