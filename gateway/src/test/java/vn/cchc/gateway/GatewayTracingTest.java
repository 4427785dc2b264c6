package vn.cchc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The gateway continues the caller's W3C {@code traceparent} (or starts a trace) and the service it proxies to gets
 * the trace; the response names the trace in {@code X-Trace-Id}, which is also the request id when the caller sent none.
 * The service is a JDK HTTP server (outside the gateway under test) answering with the headers it received.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestTokens.PUBLIC_KEY_PROPERTY)
class GatewayTracingTest {
    static final HttpServer SERVICE = echoHeaders();
    static final String VIEWER = TestTokens.bearer(TestTokens.viewer("vinh-long"));
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN = "00f067aa0ba902b7";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + SERVICE.getAddress().getPort();
        registry.add("cchc.services.plan", () -> url);
        registry.add("cchc.services.task", () -> url);
        registry.add("cchc.services.publication", () -> url);
        registry.add("cchc.services.reporting", () -> url);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        SERVICE.stop(0);
    }

    @Test
    void theCallersTraceReachesTheServiceInAChildSpan() {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/api/plans", "Authorization", VIEWER,
                "traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");

        assertThat(response.status()).isEqualTo(200);
        String received = received(response, "traceparent");
        assertThat(received).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(received).doesNotContain(CALLER_SPAN); // the gateway's own span is the service's parent
        assertThat(response.header("X-Trace-Id")).isEqualTo(TRACE_ID);
        assertThat(response.header("X-Request-Id")).isEqualTo(TRACE_ID);
        assertThat(received(response, "x-request-id")).isEqualTo(TRACE_ID);
    }

    @Test
    void withoutTraceparentTheGatewayStartsTheTraceTheServiceGets() {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/api/reports/x", "Authorization", VIEWER,
                "X-Request-Id", "ho-tro-42");

        String traceId = response.header("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(received(response, "traceparent")).startsWith("00-" + traceId + "-");
        // a caller's own request id is kept beside the trace id
        assertThat(response.header("X-Request-Id")).isEqualTo("ho-tro-42");
        assertThat(received(response, "x-request-id")).isEqualTo("ho-tro-42");
    }

    @Test
    void refusedRequestsNameTheirTraceToo() {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/api/plans",
                "traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("X-Trace-Id")).isEqualTo(TRACE_ID);
    }

    /** The value the service saw for a header: its body has one "name: value" line per header (names in lower case). */
    static String received(Http.Response response, String name) {
        return response.body().lines().filter(line -> line.startsWith(name + ": "))
                .map(line -> line.substring(name.length() + 2)).findFirst().orElse(null);
    }

    static HttpServer echoHeaders() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                StringBuilder body = new StringBuilder();
                exchange.getRequestHeaders().forEach((name, values) ->
                        values.forEach(value -> body.append(name.toLowerCase()).append(": ").append(value).append('\n')));
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
