package vn.cchc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.cchc.platform.test.Http;
import vn.cchc.security.test.TestTokens;

/**
 * Each API prefix reaches its own service; the services here are JDK HTTP servers that echo what they received.
 * Runs in production mode: no local issuer, tokens from an external issuer whose key is the test key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = TestTokens.PUBLIC_KEY_PROPERTY)
class GatewayRoutesTest {
    static final HttpServer PLAN = echo("plan");
    static final HttpServer TASK = echo("task");
    static final HttpServer PUBLICATION = echo("publication");
    static final HttpServer REPORTING = echo("reporting");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cchc.services.plan", () -> url(PLAN));
        registry.add("cchc.services.task", () -> url(TASK));
        registry.add("cchc.services.publication", () -> url(PUBLICATION));
        registry.add("cchc.services.reporting", () -> url(REPORTING));
    }

    static final String VIEWER = TestTokens.bearer(TestTokens.viewer("vinh-long", "lam-dong"));

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        for (HttpServer server : new HttpServer[] {PLAN, TASK, PUBLICATION, REPORTING}) {
            server.stop(0);
        }
    }

    @Test
    void routesEachApiToItsService() {
        assertThat(get("/api/plans?year=2026")).isEqualTo("plan GET /api/plans?year=2026");
        assertThat(get("/api/units/lam-dong.bac-binh")).isEqualTo("plan GET /api/units/lam-dong.bac-binh");
        assertThat(get("/api/tasks/calendar/lam-dong.bac-binh.ics")).isEqualTo("task GET /api/tasks/calendar/lam-dong.bac-binh.ics");
        assertThat(get("/api/reports/units/vinh-long.phu-khuong/counts?year=2026"))
                .isEqualTo("reporting GET /api/reports/units/vinh-long.phu-khuong/counts?year=2026");
    }

    @Test
    void forwardsTheBodyOfAPost() {
        Http.Response response = Http.postJson("http://127.0.0.1:" + port + "/api/publications", "{\"title\":\"Tin CCHC\"}",
                "Authorization", TestTokens.bearer(TestTokens.editor("vinh-long.phu-khuong")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("publication POST /api/publications {\"title\":\"Tin CCHC\"}");
    }

    @Test
    void unknownPathsAreNotRouted() {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/api/secrets", "Authorization", VIEWER);
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("plan", "task", "publication", "reporting");
    }

    @Test
    void tokensOfTheExternalIssuerAreCheckedAndRelayed() {
        Http.Response relayed = Http.get("http://127.0.0.1:" + port + "/api/plans", "Authorization", VIEWER);
        assertThat(relayed.status()).isEqualTo(200);
        Http.Response none = Http.get("http://127.0.0.1:" + port + "/api/plans");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        Http.Response forged = Http.get("http://127.0.0.1:" + port + "/api/plans", "Authorization",
                TestTokens.bearer(TestTokens.wronglySigned("viewer", java.util.List.of("VIEWER"), java.util.List.of("vinh-long"))));
        assertThat(forged.status()).isEqualTo(401);
        // no local issuer in production mode
        assertThat(Http.postJson("http://127.0.0.1:" + port + "/api/auth/token", "{\"username\":\"admin\",\"password\":\"Admin@2026\"}")
                .status()).isNotEqualTo(200);
    }

    String get(String path) {
        Http.Response response = Http.get("http://127.0.0.1:" + port + path, "Authorization", VIEWER);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static HttpServer echo(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String reply = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body).strip();
                byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
