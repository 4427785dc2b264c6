package vn.cchc.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security filter chain as RFC 9457 Problem Details, never an HTML page. The 401 keeps
 * the {@code WWW-Authenticate: Bearer} header that RFC 6750 asks for.
 */
public final class ProblemResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            boolean badToken = exception instanceof OAuth2AuthenticationException;
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken
                    ? "Bearer error=\"invalid_token\", error_description=\"The token is invalid or expired\""
                    : "Bearer");
            write(request, response, 401, "Unauthorized", "https://cchc.vn/problems/unauthorized", badToken
                    ? "The bearer token is invalid, expired or not signed by a trusted issuer."
                    : "Authentication required: send 'Authorization: Bearer <token>'.");
        };
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(request, response, 403, "Forbidden",
                ForbiddenException.TYPE.toString(), "Your roles do not allow this request.");
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                             String type, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
