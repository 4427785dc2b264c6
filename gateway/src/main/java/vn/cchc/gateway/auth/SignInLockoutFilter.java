package vn.cchc.gateway.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cchc.gateway.error.ErrorPages;
import vn.cchc.security.ProblemResponses;

/**
 * The lock-out of {@link SignInGuard} at the doors Spring Security answers itself: the sign-in form
 * ({@code POST /login}, failures recorded by the form's failure handler) and the OAuth2 token endpoint
 * ({@code POST /oauth2/token}: no password there, but a refused code or refresh token counts against the address).
 * Runs before Spring Security. Locked: 429 with {@code Retry-After}, a Vietnamese page for the form.
 */
public class SignInLockoutFilter extends OncePerRequestFilter {
    static final String LOCKED_TYPE = "https://cchc.vn/problems/sign-in-locked";
    private final SignInGuard guard;

    public SignInLockoutFilter(SignInGuard guard) {
        this.guard = guard;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !(isForm(request) || isOAuth2Token(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = isForm(request) ? request.getParameter("username") : null;
        String endpoint = isForm(request) ? "form" : "oauth2";
        Optional<Duration> locked = guard.lockedFor(username, request.getRemoteAddr());
        if (locked.isPresent()) {
            guard.refusedWhileLocked(username, request.getRemoteAddr(), endpoint);
            long seconds = SignInGuard.seconds(locked.get());
            response.setHeader("Retry-After", Long.toString(seconds));
            if (isForm(request) && ErrorPages.wantsPage(request)) {
                lockedPage(response, seconds);
            } else {
                problem(request, response, seconds);
            }
            return;
        }
        chain.doFilter(request, response);
        if (isOAuth2Token(request) && (response.getStatus() == 400 || response.getStatus() == 401)) {
            guard.failed(null, request.getRemoteAddr(), endpoint);
        }
    }

    static void problem(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        ProblemResponses.write(request, response, 429, "Too Many Requests", LOCKED_TYPE,
                "Too many failed sign-ins; try again in " + seconds + " s.");
    }

    private static void lockedPage(HttpServletResponse response, long seconds) throws IOException {
        response.setStatus(429);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // our own text and a number: nothing to escape
        String message = "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + seconds + " giây.";
        response.getOutputStream().write(("""
                <!DOCTYPE html>
                <html lang="vi">
                <head><meta charset="utf-8"><title>Tạm khóa đăng nhập – Kế hoạch tuyên truyền CCHC</title></head>
                <body><main><h1>Tạm khóa đăng nhập</h1><p role="alert">%s</p>
                <p><a href="/login">Quay lại trang đăng nhập</a></p></main></body>
                </html>
                """.formatted(message)).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isForm(HttpServletRequest request) {
        return "/login".equals(request.getRequestURI());
    }

    private static boolean isOAuth2Token(HttpServletRequest request) {
        return "/oauth2/token".equals(request.getRequestURI());
    }
}
