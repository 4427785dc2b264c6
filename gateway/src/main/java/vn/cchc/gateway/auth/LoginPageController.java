package vn.cchc.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The local issuer's sign-in page (Vietnamese), posted to Spring Security's form login at {@code POST /login}. */
@Controller
@ConditionalOnProperty(name = "cchc.auth.demo", havingValue = "true")
public class LoginPageController {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String error = request.getParameter("error") != null
                ? "<p class=\"error\" role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng.</p>" : "";
        String loggedOut = request.getParameter("logout") != null ? "<p>Bạn đã đăng xuất.</p>" : "";
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Đăng nhập – Kế hoạch tuyên truyền CCHC</title>
                  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                  <link rel="icon" href="/favicon.ico" sizes="32x32">
                  <style>
                    body { font-family: system-ui, sans-serif; background: #f3f5f8; display: flex; justify-content: center; padding-top: 10vh; }
                    form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; width: 20rem; }
                    h1 { font-size: 1.2rem; margin-top: 0; }
                    label { display: block; margin-top: 1rem; }
                    input { width: 100%%; padding: .5rem; box-sizing: border-box; }
                    button { margin-top: 1.5rem; width: 100%%; padding: .6rem; background: #b3261e; color: #fff; border: 0; border-radius: 4px; }
                    .error { color: #b3261e; }
                  </style>
                </head>
                <body>
                  <main>
                  <form method="post" action="/login">
                    <h1>Hệ thống theo dõi Kế hoạch tuyên truyền cải cách hành chính</h1>
                    %s%s
                    <label for="username">Tên đăng nhập</label>
                    <input id="username" name="username" autocomplete="username" required autofocus>
                    <label for="password">Mật khẩu</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit">Đăng nhập</button>
                  </form>
                  </main>
                </body>
                </html>
                """.formatted(error, loggedOut, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
