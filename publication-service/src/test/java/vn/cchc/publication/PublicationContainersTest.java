package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
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
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.publication.units.UnitDirectory;

/** The main flow against real MongoDB and Kafka images; runs wherever Docker exists and is skipped here. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = vn.cchc.security.test.TestTokens.PUBLIC_KEY_PROPERTY)
class PublicationContainersTest {
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("cchc-publication"));
        registry.add("cchc.kafka.brokers", KAFKA::getBootstrapServers);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers); // beats an embedded broker's system property
    }

    @LocalServerPort
    int port;
    @Autowired
    UnitDirectory units;
    @Autowired
    JsonMapper json;

    @Test
    void recordsADuplicateOnceAndEmitsAValidEvent() {
        try (CloudEventSender sender = new CloudEventSender(KAFKA.getBootstrapServers())) {
            sender.send("cchc.unit.events", "vn.cchc.unit.changed.v1", "vinh-long.phu-khuong",
                    ServiceTestBase.unitEvent("vinh-long.phu-khuong", 1, "WARD", "ACTIVE", "Phường Phú Khương", List.of("WEBSITE")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> units.find("vinh-long.phu-khuong").isPresent());
        String url = "http://127.0.0.1:" + port + "/api/publications";

        Http.Response first = Api.postJson(url, PublicationApiTest.ARTICLE);
        Http.Response again = Api.postJson(url, PublicationApiTest.ARTICLE);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String id = json.readTree(first.body()).get("id").asString();
        try (TopicReader topic = new TopicReader(KAFKA.getBootstrapServers(), PublicationEvents.TOPIC)) {
            var events = await().atMost(Duration.ofSeconds(60)).until(
                    () -> topic.poll().stream().filter(r -> id.equals(r.key())).toList(), e -> !e.isEmpty());
            assertThat(events).hasSize(1);
            assertThat(ContractSchemas.validate(PublicationEvents.RECORDED, TopicReader.value(events.get(0)))).isEmpty();
        }
    }
}
