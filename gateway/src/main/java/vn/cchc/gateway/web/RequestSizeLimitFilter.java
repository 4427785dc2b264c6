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
import vn.cchc.security.ProblemResponses;

/** Bodies declared larger than {@code cchc.gateway.max-request-size} are refused (413) before anything reads them. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;

    public RequestSizeLimitFilter(GatewayProperties properties) {
        this.maxBytes = properties.getMaxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close");
            ProblemResponses.write(request, response, 413, "Content Too Large", "https://cchc.vn/problems/too-large",
                    "The request body is larger than " + maxBytes / (1024 * 1024) + " MB.");
            return;
        }
        chain.doFilter(request, response);
    }
}
