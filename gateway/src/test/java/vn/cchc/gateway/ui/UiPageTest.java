package vn.cchc.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
@org.springframework.test.context.ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UiPageTest {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) throws Exception {
        Path keyDir = Files.createTempDirectory("cchc-ui-keys");
        registry.add("cchc.auth.key-dir", keyDir::toString);
    }

    /** Every module of the UI as its URL path (/js/main.js, /js/core/…, /js/pages/…), read from the sources. */
    static final List<String> MODULES = modules();

    static List<String> modules() {
        Path root = Path.of("src/main/resources/static");
        try (Stream<Path> files = Files.walk(root.resolve("js"))) {
            List<String> paths = files.filter(f -> f.toString().endsWith(".js"))
                    .map(f -> "/" + root.relativize(f).toString().replace('\\', '/')).sorted().toList();
            assertThat(paths).contains("/js/main.js", "/js/core/api.js", "/js/pages/dashboard.js");
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                .contains("<script type=\"module\" src=\"/js/main.js\"></script>", "<link rel=\"stylesheet\" href=\"/app.css\">");
        assertThat(Http.get(url("/index.html")).body()).isEqualTo(page.body());
    }

    @Test
    void theModulesAndStylesheetAreReachableWithoutAToken() {
        for (String module : MODULES) {
            Http.Response script = Http.get(url(module));
            assertThat(script.status()).as(module).isEqualTo(200);
            // a module script is refused by the browser unless it comes with a JavaScript MIME type
            assertThat(script.header("Content-Type")).as(module).contains("javascript");
        }
        assertThat(Http.get(url("/js/core/labels.js")).body())
                .contains("Đạt", "Đúng tiến độ", "Có nguy cơ", "Không đạt", "Chưa đến kỳ");
        assertThat(Http.get(url("/js/core/auth.js")).body())
                .contains("code_challenge_method: 'S256'", "crypto.subtle.digest('SHA-256'");
        assertThat(Http.get(url("/js/core/api.js")).body()).contains("'Bearer ' + ctx.token");
        Http.Response css = Http.get(url("/app.css"));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void theRegisteredRedirectUriServesTheSamePage() {
        Http.Response callback = Http.get(url("/ui/callback?code=abc&state=xyz"), "Accept", "text/html");
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.header("Content-Type")).startsWith("text/html");
        assertThat(callback.body()).contains("<html lang=\"vi\">", "/js/main.js");
    }

    @Test
    void thePublicPageItsChartLibraryAndItsFiguresNeedNoToken() {
        Http.Response page = Http.get(url("/cong-khai?province=vinh-long&year=2026"), "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"vi\">", "Công khai kết quả tuyên truyền cải cách hành chính",
                "Tỉnh, thành phố", "<script type=\"module\" src=\"/js/pages/public.js\"></script>")
                .doesNotContain("<script>", "onclick=");
        assertThat(Http.get(url("/css/overview.css")).status()).isEqualTo(200);
        // Chart.js from the gateway's webjar, never from a CDN
        Http.Response chart = Http.get(url("/webjars/chart.js/4.5.1/dist/chart.umd.min.js"));
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.header("Content-Type")).contains("javascript");
        assertThat(chart.body()).contains("Chart.js v4.5.1");
        // the public figures are routed without a token (reporting-service decides which provinces publish them);
        // the service is not running here, so the gateway answers 503 - but never 401
        assertThat(Http.get(url("/api/public/provinces/vinh-long/transparency")).status()).isNotEqualTo(401);
        assertThat(Http.get(url("/api/reports/units/vinh-long/overview?year=2026")).status()).isEqualTo(401);
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
            assertThat(scripts.group(1)).contains("type=\"module\"", "src=\"/js/main.js\"");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isEqualTo(1);
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("javascript:");
        for (String module : MODULES) {
            assertThat(Http.get(url(module)).body()).as(module).doesNotContain("eval(", "new Function(", "innerHTML");
        }

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
