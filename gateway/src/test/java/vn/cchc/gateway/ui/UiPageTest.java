package vn.cchc.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.cchc.platform.test.Http;

/**
 * The single-page UI as static files of the gateway: reachable without a token, Vietnamese, and written so that the
 * gateway's Content-Security-Policy lets it run (no inline script or handler).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UiPageTest {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) throws Exception {
        Path keyDir = Files.createTempDirectory("cchc-ui-keys");
        registry.add("cchc.auth.key-dir", keyDir::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void theRootServesTheVietnamesePageWithoutAToken() {
        Http.Response page = Http.get(url("/"), "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("<html lang=\"vi\">", "<meta charset=\"utf-8\">", "name=\"viewport\"")
                .contains("Tổng quan", "Ghi nhận tin bài", "Nhiệm vụ", "Báo cáo", "Đăng nhập", "Đăng xuất", "Đơn vị",
                        "Tiêu đề", "Thời gian đăng, phát", "Tài liệu kiểm chứng", "Kế hoạch tuyên truyền cải cách hành chính")
                .contains("<script src=\"/app.js\" defer></script>", "<link rel=\"stylesheet\" href=\"/app.css\">");
        assertThat(Http.get(url("/index.html")).body()).isEqualTo(page.body());
    }

    @Test
    void theScriptAndStylesheetAreReachableWithoutAToken() {
        Http.Response script = Http.get(url("/app.js"));
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(script.body()).contains("Đạt", "Đúng tiến độ", "Có nguy cơ", "Không đạt", "Chưa đến kỳ",
                "code_challenge_method: 'S256'", "crypto.subtle.digest('SHA-256'", "'Bearer ' + state.token");
        Http.Response css = Http.get(url("/app.css"));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void theRegisteredRedirectUriServesTheSamePage() {
        Http.Response callback = Http.get(url("/ui/callback?code=abc&state=xyz"), "Accept", "text/html");
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.header("Content-Type")).startsWith("text/html");
        assertThat(callback.body()).contains("<html lang=\"vi\">", "/app.js");
    }

    @Test
    void theGatewaysContentSecurityPolicyLetsThePageRun() {
        Http.Response page = Http.get(url("/"));
        String html = page.body();
        // no inline script, no inline event handler, no javascript: URL: the page works under any script-src 'self'
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"/app.js\"");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isEqualTo(1);
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("javascript:");
        assertThat(Http.get(url("/app.js")).body()).doesNotContain("eval(", "new Function(", "innerHTML");

        // the policy the gateway sends (on its own API chain and on the page) does not forbid a same-origin script
        for (String path : new String[] {"/", "/api/units"}) {
            String csp = Http.get(url(path)).header("Content-Security-Policy");
            assertThat(csp).as(path).contains("frame-ancestors 'none'");
            for (String directive : csp.split(";")) {
                String d = directive.trim();
                if (d.startsWith("script-src ") || d.startsWith("default-src ")) {
                    assertThat(d).as(path).contains("'self'");
                }
            }
        }
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
