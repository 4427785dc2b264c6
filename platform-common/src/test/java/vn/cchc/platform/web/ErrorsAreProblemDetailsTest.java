package vn.cchc.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;

/**
 * Every error a service can answer is Problem Details: Spring MVC's own refusals name the field and the rule, and
 * what Tomcat refuses before any servlet runs (encoded slash, a 100k-character query, a malformed method) or what is
 * sent to {@code /error} gets {@code application/problem+json} too, never an HTML page. Real HTTP (raw sockets where
 * a client library would refuse to send the request) against a small application with platform-common's wiring.
 */
@SpringBootTest(classes = ErrorsAreProblemDetailsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorsAreProblemDetailsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ThingsController.class)
    static class App {
    }

    record Thing(String title, Integer year) {
    }

    @RestController
    @Validated
    static class ThingsController {
        @GetMapping(path = "/things", produces = MediaType.APPLICATION_JSON_VALUE)
        List<Thing> list(@RequestParam Integer year, @RequestParam(required = false) @Pattern(regexp = "[a-z.-]+") String unitId) {
            return List.of(new Thing("bài " + unitId, year));
        }

        @GetMapping(path = "/things/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        Thing get(@PathVariable String id, @RequestHeader("X-Unit") String unit) {
            return new Thing(id + " " + unit, 2026);
        }

        @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Thing create(@RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/teapot")
        void teapot(HttpServletResponse response) throws IOException {
            response.sendError(418); // an error sent outside Spring MVC's exception handling goes to /error
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("platform-errors-test"));
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    JsonNode problem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body;
    }

    JsonNode onlyError(JsonNode problem) {
        assertThat(problem.get("errors")).hasSize(1);
        return problem.get("errors").get(0);
    }

    @Test
    void missingAndMistypedParametersHeadersAndConstraintsNameTheFieldAndTheRule() {
        JsonNode missing = onlyError(problem(Http.get(url("/things")), 400));
        assertThat(missing.get("field").asString()).isEqualTo("year");
        assertThat(missing.get("rule").asString()).isEqualTo("required");

        JsonNode mistyped = onlyError(problem(Http.get(url("/things?year=hai-nghin")), 400));
        assertThat(mistyped.get("field").asString()).isEqualTo("year");
        assertThat(mistyped.get("rule").asString()).isEqualTo("type");

        JsonNode pattern = onlyError(problem(Http.get(url("/things?year=2026&unitId=KHONG_HOP_LE")), 400));
        assertThat(pattern.get("field").asString()).isEqualTo("unitId");
        assertThat(pattern.get("rule").asString()).isEqualTo("pattern");

        JsonNode header = onlyError(problem(Http.get(url("/things/1")), 400));
        assertThat(header.get("field").asString()).isEqualTo("X-Unit");
        assertThat(header.get("rule").asString()).isEqualTo("required");
    }

    @Test
    void wrongMethodMediaTypeAcceptOrJsonAreProblemDetails() {
        Http.Response put = Http.putJson(url("/things"), "{\"title\":\"x\"}");
        JsonNode method = problem(put, 405);
        assertThat(put.header("Allow")).contains("GET", "POST");
        assertThat(onlyError(method).get("field").asString()).isEqualTo("method");

        Http.Response xml = Http.send(HttpRequest.newBuilder(URI.create(url("/things"))).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<thing/>")));
        JsonNode contentType = onlyError(problem(xml, 415));
        assertThat(contentType.get("field").asString()).isEqualTo("Content-Type");
        assertThat(contentType.get("rule").asString()).isEqualTo("media-type");

        JsonNode accept = onlyError(problem(Http.get(url("/things?year=2026"), "Accept", "image/png"), 406));
        assertThat(accept.get("field").asString()).isEqualTo("Accept");

        JsonNode malformed = onlyError(problem(Http.postJson(url("/things"), "{\"title\": \"x\", \"year\": "), 400));
        assertThat(malformed.get("rule").asString()).isEqualTo("json");
        JsonNode wrongType = onlyError(problem(Http.postJson(url("/things"), "{\"title\":\"x\",\"year\":\"năm nay\"}"), 400));
        assertThat(wrongType.get("field").asString()).isEqualTo("year");

        problem(Http.get(url("/khong-co-gi")), 404);
        problem(Http.send(HttpRequest.newBuilder(URI.create(url("/things"))).method("BREW", HttpRequest.BodyPublishers.noBody())), 405);
        problem(Http.get(url("/teapot")), 418);
    }

    @Test
    void whatTomcatRefusesBeforeAnyServletIsProblemDetailsToo() throws IOException {
        for (String requestLine : List.of(
                "GET /things/a%2Fb HTTP/1.1",                                        // an encoded slash
                "GET /things?year=2026&q=" + "a".repeat(100_000) + " HTTP/1.1",      // a 100k-character query
                "G@T /things HTTP/1.1",                                              // not a method token
                "GET /things/\u0001 HTTP/1.1")) {                                    // a control character
            String response = raw(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            assertThat(head).as(requestLine.substring(0, Math.min(40, requestLine.length()))).startsWith("HTTP/1.1 400");
            assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
            JsonNode body = json.readTree(response.substring(response.indexOf("\r\n\r\n") + 4).strip());
            assertThat(body.get("status").asInt()).isEqualTo(400);
            assertThat(body.get("title").asString()).isEqualTo("Bad Request");
            assertThat(response).doesNotContain("<html", "Apache Tomcat");
        }
    }

    /** One request on a raw socket, the whole response as text (the server closes: Connection: close). */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // a chunked body: keep the JSON object only
            int start = text.indexOf("\r\n\r\n") + 4;
            String body = text.substring(start);
            if (body.contains("{") && !body.startsWith("{")) {
                body = body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1);
            }
            return text.substring(0, start) + body;
        }
    }
}
