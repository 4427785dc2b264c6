package vn.cchc.platform.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.test.Http;

/**
 * MongoDB goes away under a running service (its own wire server here, on a fixed port, stopped and started again):
 * a request gets 503 Problem Details within about the 2 s server-selection timeout instead of hanging, readiness goes
 * DOWN, and both recover without a restart when the server is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = MongoDownTest.App.class,
        properties = {"spring.config.import=classpath:cchc-defaults.properties", "spring.application.name=mongo-down-test",
                "spring.cloud.function.definition="})
class MongoDownTest {
    static final int PORT = freePort();
    static MongoServer server = start();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT + "/mongo-down-test");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MongoServer start() {
        MongoServer s = new MongoServer(new MemoryBackend());
        s.bind("127.0.0.1", PORT);
        return s;
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {
        @Autowired
        MongoTemplate mongo;

        @GetMapping("/things/count")
        Map<String, Long> count() {
            return Map.of("count", mongo.count(new Query(), "things"));
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void mongoDownIsA503WithinSecondsAndReadinessFollowsBothWays() {
        assertThat(Http.get(url("/things/count")).status()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/health/readiness")).status()).isEqualTo(200);

        server.shutdownNow();

        long started = System.nanoTime();
        Http.Response down = Http.get(url("/things/count"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Content-Type")).startsWith("application/problem+json");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.body()).contains("\"status\":503", "nothing was changed");
        assertThat(millis).as("answered within the server-selection timeout, not the driver's 30 s").isLessThan(10_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/actuator/health/readiness")).status() == 503);
        assertThat(Http.get(url("/actuator/health/liveness")).status()).as("liveness never depends on MongoDB").isEqualTo(200);

        server = start();

        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(url("/actuator/health/readiness")).status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(url("/things/count")).status() == 200);
    }
}
