package vn.cchc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.task.tasks.Task;
import vn.cchc.task.tasks.TaskRepository;
import vn.cchc.task.tasks.TaskStatus;

/** The main flow against real MongoDB and Kafka images, where Docker exists; skipped cleanly elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = vn.cchc.security.test.TestTokens.PUBLIC_KEY_PROPERTY)
class TaskFlowContainersTest {
    @Container
    static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
    @Container
    static KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl("task-service-tc"));
        registry.add("cchc.kafka.brokers", kafka::getBootstrapServers);
    }

    @Autowired
    TaskRepository tasks;
    @Autowired
    JsonMapper json;

    @Test
    void aBroadcastInTheWindowCompletesTheRadioProgramme() throws Exception {
        String plan;
        try (InputStream in = getClass().getResourceAsStream("/plans/bac-binh-2026.issued.json")) {
            plan = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String planId = json.readTree(plan).get("planId").asString();
        ObjectNode broadcast = (ObjectNode) json.readTree(ContractSchemas.example("vn.cchc.publication.recorded.v1"));
        String unit = "lam-dong.bac-binh.dai-truyen-thanh";
        broadcast.put("unitId", unit);
        broadcast.set("unitPath", json.valueToTree(UnitPath.of(unit)));
        broadcast.put("channel", "RADIO");
        broadcast.put("kind", "BROADCAST");
        broadcast.putNull("url");
        broadcast.put("durationSeconds", 1800);
        broadcast.put("publishedAt", Instant.parse("2026-01-23T13:15:00Z").toString());
        try (CloudEventSender sender = new CloudEventSender(kafka.getBootstrapServers())) {
            sender.send("cchc.plan.events", "vn.cchc.plan.issued.v1", planId, plan);
            sender.send("cchc.publication.events", "vn.cchc.publication.recorded.v1",
                    broadcast.get("publicationId").asString(), json.writeValueAsString(broadcast));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.findById(Task.idFor(planId, "radio-01"))
                .map(t -> t.getStatus() == TaskStatus.DONE).orElse(false));
        assertThat(tasks.findByPlanId(planId)).hasSize(15);
    }
}
