package vn.cchc.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.security.test.TestTokens;

/** The main flow (units, draft, issue, event) against real MongoDB and Kafka images; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestTokens.PUBLIC_KEY_PROPERTY)
class PlanContainersTest {
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("cchc-plan"));
        registry.add("cchc.kafka.brokers", KAFKA::getBootstrapServers);
    }

    @LocalServerPort
    int port;

    @Test
    void issuesAPlanAndPublishesAValidEvent() {
        String base = "http://127.0.0.1:" + port;
        String admin = TestTokens.bearer(TestTokens.provinceAdmin("vinh-long"));
        assertThat(Http.postJson(base + "/api/units", "{\"unitId\":\"vinh-long\",\"name\":\"Tỉnh Vĩnh Long\",\"kind\":\"PROVINCE\"}", "Authorization", admin).status()).isEqualTo(201);
        assertThat(Http.postJson(base + "/api/units", "{\"unitId\":\"vinh-long.phu-khuong\",\"name\":\"Phường Phú Khương\",\"kind\":\"WARD\"}", "Authorization", admin).status()).isEqualTo(201);
        Http.Response created = Http.postJson(base + "/api/plans", """
                {"issuingUnitId":"vinh-long.phu-khuong","title":"Kế hoạch thông tin, tuyên truyền CCHC năm 2026","year":2026,
                 "targets":[{"description":"12 tin/bài","kinds":["ARTICLE"],"channels":["WEBSITE"],"minimum":12,"period":"YEAR","scope":"SUBTREE"}]}""", "Authorization", admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.header("Location").substring("/api/plans/".length());
        Http.Response issued = Http.send(HttpRequest.newBuilder(URI.create(base + "/api/plans/" + id + "/issue"))
                .POST(HttpRequest.BodyPublishers.noBody()), "If-Match", created.header("ETag"), "Authorization", admin);
        assertThat(issued.status()).isEqualTo(200);

        try (TopicReader reader = new TopicReader(KAFKA.getBootstrapServers(), PlanEvents.TOPIC)) {
            var event = await().atMost(Duration.ofSeconds(60))
                    .until(() -> reader.poll().stream().filter(r -> id.equals(r.key())).findFirst(), java.util.Optional::isPresent).get();
            assertThat(ContractSchemas.validate(PlanEvents.ISSUED, TopicReader.value(event))).isEmpty();
        }
    }
}
