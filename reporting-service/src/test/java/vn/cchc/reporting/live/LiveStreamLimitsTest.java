package vn.cchc.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.security.test.TestTokens;

/**
 * Caps on live streams, through real HTTP: at most 2 per user and 3 per instance here. Over a cap the answer is an
 * immediate 429 Problem Details with Retry-After (the connection is not held); a stream the client closes frees its
 * slot (the next heartbeat's write fails).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", "server.shutdown=immediate",
                TestTokens.PUBLIC_KEY_PROPERTY, "cchc.reporting.live.heartbeat=PT0.2S",
                "cchc.reporting.live.max-streams-per-user=2", "cchc.reporting.live.max-streams=3",
                "cchc.reporting.live.retry-after=PT20S"})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events",
        "cchc.publication.events", "cchc.compliance.events"})
class LiveStreamLimitsTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("reporting-live-limits-test"));
    }

    @LocalServerPort
    int port;
    @Autowired
    LiveStreamLimits limits;
    @Autowired
    JsonMapper json;

    final HttpClient client = HttpClient.newHttpClient();
    final List<HttpResponse<Stream<String>>> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(s -> s.body().close());
        await().atMost(WAIT).until(() -> limits.open() == 0);
    }

    static String viewer(String name) {
        return TestTokens.token(name, List.of("VIEWER"), List.of("vinh-long.phu-khuong"));
    }

    HttpResponse<Stream<String>> stream(String token) throws Exception {
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/reports/stream"))
                .header("Authorization", TestTokens.bearer(token)).header("Accept", "text/event-stream")
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() == 200) {
            open.add(response);
        }
        return response;
    }

    /** The refusal comes at once and complete (its body reads to the end), as Problem Details with Retry-After. */
    void assertRefused(HttpResponse<Stream<String>> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("20");
        JsonNode problem = json.readTree(String.join("\n", response.body().toList()));
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("type").asString()).isEqualTo("https://cchc.vn/problems/too-many-streams");
    }

    @Test
    void aUserHoldsAtMostTwoStreamsAndAClosedStreamFreesItsSlot() throws Exception {
        String lan = viewer("lan-" + UUID.randomUUID());
        HttpResponse<Stream<String>> first = stream(lan);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(stream(lan).statusCode()).isEqualTo(200);
        assertThat(limits.open()).isEqualTo(2);

        assertRefused(stream(lan));
        assertRefused(stream(lan));
        assertThat(limits.open()).as("refusals hold nothing").isEqualTo(2);
        // another user is not affected by Lan's cap
        assertThat(stream(viewer("minh-" + UUID.randomUUID())).statusCode()).isEqualTo(200);

        // Lan closes one stream (a browser tab): the slot comes back
        first.body().close();
        open.remove(first);
        await().atMost(WAIT).until(() -> limits.open() == 2);
        assertThat(stream(lan).statusCode()).isEqualTo(200);
        assertRefused(stream(lan));
    }

    @Test
    void theInstanceHoldsAtMostThreeStreamsWhoeverOpensThem() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(stream(viewer("user-" + i + "-" + UUID.randomUUID())).statusCode()).isEqualTo(200);
        }
        String newcomer = viewer("newcomer-" + UUID.randomUUID());
        assertRefused(stream(newcomer));

        HttpResponse<Stream<String>> closing = open.removeFirst();
        closing.body().close();
        await().atMost(WAIT).until(() -> limits.open() == 2);
        assertThat(stream(newcomer).statusCode()).isEqualTo(200);
    }
}
