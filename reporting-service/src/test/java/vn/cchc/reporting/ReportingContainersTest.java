package vn.cchc.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.Http;
import vn.cchc.security.test.TestTokens;

/** The scripted year against a real MongoDB and a real Kafka broker; runs where Docker exists, skips cleanly here. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"server.shutdown=immediate", TestTokens.PUBLIC_KEY_PROPERTY})
class ReportingContainersTest {
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("reporting"));
        registry.add("cchc.kafka.brokers", KAFKA::getBootstrapServers);
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    @Test
    void theFirstQuarterReportFromRealInfrastructure() {
        try (CloudEventSender sender = new CloudEventSender(KAFKA.getBootstrapServers())) {
            for (Scenario.Event e : new Scenario(json).events()) {
                sender.send(e.topic(), e.type(), e.key(), e.json());
            }
        }
        String base = "http://127.0.0.1:" + port + "/api/reports/units/" + Scenario.WARD;
        String[] auth = {"Authorization", TestTokens.bearer(TestTokens.coordinator(Scenario.WARD))};
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(json.readTree(Http.get(base + "/periodic/2026-Q1", auth).body()).get("items")).hasSize(7);
            assertThat(json.readTree(Http.get(base + "/periodic/2026-H1", auth).body()).get("items")).hasSize(11);
        });
        assertThat(Http.get(base + "/periodic/2026-Q1.docx", auth).status()).isEqualTo(200);
    }
}
