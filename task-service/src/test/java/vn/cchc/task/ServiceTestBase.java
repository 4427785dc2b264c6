package vn.cchc.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.security.test.TestTokens;
import vn.cchc.task.tasks.Task;
import vn.cchc.task.tasks.TaskEvents;
import vn.cchc.task.tasks.TaskRepository;

/**
 * The running service on a real (embedded KRaft) broker and the MongoDB wire server, with a clock the tests
 * move. Subclasses share one Spring context; each test uses its own plan and publication ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestTokens.PUBLIC_KEY_PROPERTY, "cchc.kafka.brokers=${spring.embedded.kafka.brokers}",
                "cchc.tasks.overdue-check-initial-delay=1h"})
@EmbeddedKafka(partitions = 1, topics = {"cchc.plan.events", "cchc.publication.events", TaskEvents.TOPIC})
@Import(ServiceTestBase.ClockConfig.class)
public abstract class ServiceTestBase {
    public static final String PLANS = "cchc.plan.events";
    public static final String PUBLICATIONS = "cchc.publication.events";
    public static final String RECORDED = "vn.cchc.publication.recorded.v1";
    /** A province admin of the four sample provinces, like the demo account {@code admin}. */
    public static final String ADMIN = TestTokens.token("admin", java.util.List.of("PROVINCE_ADMIN"),
            java.util.List.of("vinh-long", "hai-phong", "lam-dong", "lai-chau"));

    @TestConfiguration
    static class ClockConfig {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("task-service-test"));
    }

    @LocalServerPort
    protected int port;
    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected TaskRepository tasks;
    @Autowired
    protected TestClock clock;
    protected CloudEventSender sender;
    protected TopicReader taskEvents;

    @BeforeEach
    void resetWorld() {
        clock.set(TestClock.START);
        awaitConsumersCaughtUp();
        mongo.remove(new Query(), "tasks");
        mongo.remove(new Query(), "publication_facts");
        sender = new CloudEventSender(brokers);
        taskEvents = new TopicReader(brokers, TaskEvents.TOPIC);
    }

    /**
     * Waits until task-service has processed every event earlier tests sent: otherwise a lagging publication event of
     * a previous test could land in this test's fresh collections (same unit, channel and air time) and link itself as
     * evidence to this test's tasks.
     */
    protected void awaitConsumersCaughtUp() {
        ConsumerGroups.awaitCaughtUp(brokers, "task-service", PLANS, PUBLICATIONS);
    }

    @AfterEach
    void closeClients() {
        sender.close();
        taskEvents.close();
    }

    protected String api() {
        return "http://127.0.0.1:" + port + "/api/tasks";
    }

    /** Request headers: the bearer token, then any others ({@code as(token, "If-Match", etag)}). */
    protected static String[] as(String token, String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Authorization";
        headers[1] = TestTokens.bearer(token);
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A sample plan event from test resources, under its own plan id and revision. */
    protected ObjectNode plan(String file, String planId, long revision) {
        try (InputStream in = getClass().getResourceAsStream("/plans/" + file)) {
            ObjectNode plan = (ObjectNode) json.readTree(in);
            plan.put("planId", planId);
            plan.put("revision", revision);
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected void sendPlan(String type, ObjectNode plan) {
        sender.send(PLANS, type, plan.get("planId").asString(), json.writeValueAsString(plan));
    }

    /** The published example of a recorded publication, re-addressed; {@code taskId} may be null. */
    protected ObjectNode publication(String id, long revision, String unitId, String channel, String kind,
                                     Instant publishedAt, String taskId) {
        ObjectNode p = (ObjectNode) json.readTree(ContractSchemas.example(RECORDED));
        p.put("publicationId", id);
        p.put("revision", revision);
        p.put("unitId", unitId);
        p.set("unitPath", json.valueToTree(UnitPath.of(unitId)));
        p.put("channel", channel);
        p.put("kind", kind);
        p.put("publishedAt", publishedAt.toString());
        if ("BROADCAST".equals(kind)) {
            p.put("durationSeconds", 1800);
            p.putNull("url");
        }
        if (taskId != null) {
            p.put("taskId", taskId);
        }
        return p;
    }

    protected void sendPublication(String type, ObjectNode publication) {
        sender.send(PUBLICATIONS, type, publication.get("publicationId").asString(), json.writeValueAsString(publication));
    }

    protected Task task(String planId, String entryId) {
        return tasks.findById(Task.idFor(planId, entryId)).orElseThrow();
    }

    protected static Map<String, Object> map(Object... keyValues) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
