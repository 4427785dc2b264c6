package vn.cchc.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;

/**
 * Every error the gateway can show, over real HTTP: a browser ({@code Accept: text/html}) gets a Vietnamese page with
 * a way back to the start page, never Spring's "Whitelabel Error Page" or Tomcat's English report; {@code /api/**}
 * and programs get Problem Details. Also the favicon, the Chart.js webjar and the public transparency route.
 * reporting-service is a JDK HTTP server recording what reaches it; plan-service is down (a closed port).
 */
@org.springframework.test.context.ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cchc.gateway.rate-limit.capacity=15", "cchc.gateway.rate-limit.period=10m", "cchc.gateway.max-request-size=64KB"})
@Import(ErrorPagesTest.Failing.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErrorPagesTest {
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> REPORTING_CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer REPORTING = reporting();
    static final java.net.Socket DOWN = closedPort();
    static final Path KEY_DIR = tempDir();

    /** A handler that fails: the one error no real request can provoke on purpose. */
    @TestConfiguration
    @RestController
    static class Failing {
        @GetMapping("/test/fails")
        String fails() {
            throw new IllegalStateException("a bug");
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cchc.services.plan", () -> "http://127.0.0.1:" + DOWN.getLocalPort());
        registry.add("cchc.services.reporting", () -> "http://127.0.0.1:" + REPORTING.getAddress().getPort());
        registry.add("cchc.auth.key-dir", KEY_DIR::toString);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() throws IOException {
        REPORTING.stop(0);
        DOWN.close();
    }

    @Test
    @Order(1)
    void anUnknownAddressIsAVietnamese404Page() {
        Http.Response page = Http.get(url("/khong-co-trang-nay"), "Accept", HTML);
        assertVietnamesePage(page, 404, "Không tìm thấy trang");

        Http.Response direct = Http.get(url("/error"), "Accept", HTML);
        assertVietnamesePage(direct, 404, "Không tìm thấy trang");
    }

    @Test
    @Order(2)
    void apiErrorsAreProblemDetailsEvenForABrowser() throws IOException {
        Http.Response unknown = Http.get(url("/api/khong-co"), "Accept", HTML, "Authorization", "Bearer " + token());
        assertProblem(unknown, 404);

        RawHttp.Response encoded = RawHttp.send(port, "GET /api/plans%2F..%2Fx HTTP/1.1", "Host: 127.0.0.1",
                "Accept: " + HTML, "Connection: close");
        assertThat(encoded.status()).isEqualTo(400);
        assertThat(encoded.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(encoded.body()).get("status").asInt()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void requestsTomcatRefusesGetTheVietnamesePageToo() throws IOException {
        RawHttp.Response encodedSlash = RawHttp.send(port, "GET /a%2Fb HTTP/1.1", "Host: 127.0.0.1",
                "Accept: " + HTML, "Connection: close");
        assertVietnamesePage(encodedSlash, 400, "Yêu cầu không hợp lệ");

        RawHttp.Response longQuery = RawHttp.send(port, "GET /?q=" + "a".repeat(100_000) + " HTTP/1.1", "Host: 127.0.0.1",
                "Accept: " + HTML, "Connection: close");
        // over 8 KB: LongAddressFilter answers while the path and Accept are known
        assertVietnamesePage(longQuery, 400, "Yêu cầu không hợp lệ");

        RawHttp.Response longApiQuery = RawHttp.send(port, "GET /api/publications/x?q=" + "a".repeat(100_000) + " HTTP/1.1",
                "Host: 127.0.0.1", "Connection: close");
        assertThat(longApiQuery.status()).isEqualTo(400);
        assertThat(longApiQuery.header("Content-Type")).startsWith("application/problem+json");
        assertThat(longApiQuery.body()).contains("longer than 8192 characters");
    }

    @Test
    @Order(4)
    void withoutRightsOrSignInTheBrowserGets401And403Pages() {
        Http.Response unauthenticated = Http.send(HttpRequest.newBuilder(URI.create(url("/ui/notes")))
                .PUT(HttpRequest.BodyPublishers.ofString("x")), "Accept", HTML);
        assertVietnamesePage(unauthenticated, 401, "Cần đăng nhập");

        // the sign-in form posted without its CSRF token (e.g. a page left open past the session)
        Http.Response noCsrf = Http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=x")), "Accept", HTML);
        assertVietnamesePage(noCsrf, 403, "Không có quyền truy cập");
    }

    @Test
    @Order(5)
    void aMethodAPageDoesNotTakeIsA405Page() {
        Http.Response delete = Http.send(HttpRequest.newBuilder(URI.create(url("/index.html"))).DELETE(),
                "Accept", HTML, "Authorization", "Bearer " + token());
        assertVietnamesePage(delete, 405, "Thao tác không được hỗ trợ");
        assertThat(delete.header("Allow")).contains("GET");
    }

    @Test
    @Order(6)
    void aBodyOverTheLimitIsA413Page() throws IOException {
        // announced, never sent: the gateway refuses on the declared length alone
        RawHttp.Response tooLarge = RawHttp.send(port, "POST /login HTTP/1.1", "Host: 127.0.0.1", "Accept: " + HTML,
                "Content-Type: application/x-www-form-urlencoded", "Content-Length: 20000000", "Connection: close");
        assertVietnamesePage(tooLarge, 413, "Dữ liệu gửi lên quá lớn");
    }

    @Test
    @Order(7)
    void aFailureInsideTheGatewayIsA500PageOrProblem() {
        assertVietnamesePage(Http.get(url("/test/fails"), "Accept", HTML), 500, "Lỗi hệ thống");
        assertProblem(Http.get(url("/test/fails"), "Accept", "application/json"), 500);
    }

    @Test
    @Order(8)
    void aServiceThatIsDownIsA503PageForABrowserAndAProblemForTheApi() {
        Http.Response docs = Http.get(url("/docs/plan/v3/api-docs"), "Accept", HTML);
        assertVietnamesePage(docs, 503, "Dịch vụ tạm thời không phản hồi");
        assertThat(docs.header("Retry-After")).isEqualTo("5");

        assertProblem(Http.get(url("/api/plans"), "Accept", HTML, "Authorization", "Bearer " + token()), 503);
    }

    @Test
    @Order(9)
    void theAuthorizationServersErrorsAreVietnamesePagesAndLocalhostMaySignIn() {
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        String authorize = "/oauth2/authorize?response_type=code&client_id=cchc-web&scope=openid&state=s"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri=";

        Http.Response foreign = Http.get(url(authorize + enc("https://evil.example/ui/callback")), "Accept", HTML);
        assertVietnamesePage(foreign, 400, "Không thể đăng nhập");

        // http://localhost:8080 is registered beside http://127.0.0.1:8080: the browser is sent on to the sign-in page
        Http.Response localhost = Http.send(HttpRequest.newBuilder(URI.create(url(authorize + enc("http://localhost:8080/ui/callback"))))
                .GET(), "Accept", HTML);
        assertThat(localhost.status()).isEqualTo(302);
        assertThat(localhost.header("Location")).endsWith("/login");
    }

    @Test
    @Order(10)
    void theFaviconIsServedAsIcoAndSvg() {
        Http.Response ico = Http.get(url("/favicon.ico"));
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.header("Content-Type")).isIn("image/x-icon", "image/vnd.microsoft.icon");
        Http.Response svg = Http.get(url("/favicon.svg"));
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg", "#b3261e");
    }

    @Test
    @Order(11)
    void chartJsIsServedFromItsWebjarWithoutAToken() {
        Http.Response chart = Http.get(url("/webjars/chart.js/4.5.1/dist/chart.umd.js"));
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.header("Content-Type")).contains("javascript");
        assertThat(chart.body()).contains("Chart.js v4.5.1");
    }

    @Test
    @Order(12)
    void thePublicTransparencyFiguresNeedNoTokenAndThePublicPageHasItsVietnameseAddress() {
        Http.Response json = Http.get(url("/api/public/provinces/vinh-long/transparency?year=2026"));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"provinceId\":\"vinh-long\"}");
        assertThat(json.header("X-RateLimit-Remaining")).as("the per-address rate limit still applies").isNotNull();
        Http.Response csv = Http.get(url("/api/public/provinces/vinh-long/transparency.csv?year=2026"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(REPORTING_CALLS).contains("GET /api/public/provinces/vinh-long/transparency?year=2026 token=none",
                "GET /api/public/provinces/vinh-long/transparency.csv?year=2026 token=none");

        // reading only: a write without a token stops at the gateway
        assertProblem(Http.postJson(url("/api/public/provinces/vinh-long/transparency"), "{}"), 401);

        // /cong-khai is public.html (written by the web UI), without a token
        Http.Response congKhai = Http.get(url("/cong-khai"), "Accept", HTML);
        Http.Response publicHtml = Http.get(url("/public.html"), "Accept", HTML);
        assertThat(congKhai.status()).isEqualTo(publicHtml.status()).isIn(200, 404);
        assertThat(congKhai.body()).isEqualTo(publicHtml.body());
        assertThat(Http.get(url("/js/khong-co.js")).status()).as("no sign-in asked for static files").isEqualTo(404);
    }

    @Test
    @Order(100) // last: it uses up the address's budget
    void tooManySignInAttemptsAreA429Page() {
        Http.Response response = null;
        for (int i = 0; i < 20; i++) {
            response = Http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=sai")), "Accept", HTML);
            if (response.status() == 429) {
                break;
            }
            assertThat(response.status()).isEqualTo(403); // no CSRF token: refused, but counted
        }
        assertVietnamesePage(response, 429, "Quá nhiều yêu cầu");
        assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
        // the same budget as the token endpoint's: guessing there instead does not help
        assertProblem(Http.postJson(url("/api/auth/token"), "{\"username\":\"admin\",\"password\":\"sai\"}"), 429);
    }

    // --- helpers

    static void assertVietnamesePage(Http.Response response, int status, String text) {
        assertVietnamesePage(response.status(), response.header("Content-Type"), response.body(), status, text);
    }

    static void assertVietnamesePage(RawHttp.Response response, int status, String text) {
        assertVietnamesePage(response.status(), response.header("Content-Type"), response.body(), status, text);
    }

    static void assertVietnamesePage(int actualStatus, String contentType, String body, int status, String text) {
        assertThat(actualStatus).isEqualTo(status);
        assertThat(contentType).startsWithIgnoringCase("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(body).contains("<html lang=\"vi\">", text, "Mã lỗi: " + status, "<a href=\"/\">Về trang đầu</a>",
                        "Kế hoạch tuyên truyền CCHC</title>")
                .doesNotContain("Whitelabel", "HTTP Status", "Apache Tomcat", "Exception");
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    String token() {
        Http.Response response = Http.postJson(url("/api/auth/token"),
                "{\"username\":\"admin\",\"password\":\"Admin@2026\"}");
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpServer reporting() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                REPORTING_CALLS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                        + " token=" + (authorization == null ? "none" : "sent"));
                byte[] body = exchange.getRequestURI().getPath().endsWith(".csv")
                        ? "tinh;ty_le\nvinh-long;80\n".getBytes(StandardCharsets.UTF_8)
                        : "{\"provinceId\":\"vinh-long\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type",
                        exchange.getRequestURI().getPath().endsWith(".csv") ? "text/csv" : "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port held bound but never listening: connections to it are refused. */
    static java.net.Socket closedPort() {
        try {
            java.net.Socket socket = new java.net.Socket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("cchc-gateway-errors");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
