package vn.cchc.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cchc.gateway.auth.RevokedTokens;
import vn.cchc.security.ProblemResponses;

/**
 * A signed-out access token is refused (401) until it expires, although its signature is still good: runs after
 * Spring Security, so the token has been validated (or taken from the validated-token cache) and its {@code jti} is
 * known. Only the built-in issuer revokes; with an external issuer the list is absent and this does nothing.
 */
@Component
@Order(-1)
public class RevokedTokenFilter extends OncePerRequestFilter {
    private final ObjectProvider<RevokedTokens> revoked;

    public RevokedTokenFilter(ObjectProvider<RevokedTokens> revoked) {
        this.revoked = revoked;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RevokedTokens list = revoked.getIfAvailable();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (list != null && authentication instanceof JwtAuthenticationToken token && list.isRevoked(token.getToken().getId())) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"The token was revoked\"");
            ProblemResponses.write(request, response, 401, "Unauthorized", "https://cchc.vn/problems/unauthorized",
                    "The token was revoked (signed out).");
            return;
        }
        chain.doFilter(request, response);
    }
}
