package vn.cchc.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.events.retry.EventRetries;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.DeadLetters;
import vn.cchc.platform.test.StoppableMongoServer;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.security.test.TestTokens;

/**
 * The batch binding of publication events with MongoDB gone (the wire server stopped while events arrive, a refused
 * one among them): the batch waits and is tried again with the back-off, nothing valid is dead-lettered, and once
 * MongoDB is back every event is counted and the refused one is in the dead-letter topic exactly once (not once per
 * try).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", TestTokens.PUBLIC_KEY_PROPERTY,
                "cchc.events.retry.initial-interval=200ms", "cchc.events.retry.max-interval=1s",
                "cchc.mongo.server-selection-timeout=500ms"})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events",
        "cchc.publication.events", "cchc.compliance.events"})
class PublicationsWaitForMongoTest {
    static final String TOPIC = "cchc.publication.events";
    static final String TYPE = "vn.cchc.publication.recorded.v1";
    static final String DLQ = "cchc.publication.events.reporting-service.dlq";
    static final StoppableMongoServer MONGO = new StoppableMongoServer();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("reporting-wait-test"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    String publication(String id) {
        ObjectNode data = (ObjectNode) json.readTree(ContractSchemas.example(TYPE));
        data.put("publicationId", id);
        return json.writeValueAsString(data);
    }

    boolean counted(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), ReadModels.FACTS);
    }

    double transientRetries() {
        Counter counter = meters.find(EventRetries.RETRIES).tags("binding", "publicationEvents-in-0", "kind", "transient").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void publicationEventsArrivingWhileMongoIsDownAreAllCountedOnceItIsBack() {
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, TYPE, "wait-warm-up", publication("wait-warm-up"));
            await().atMost(Duration.ofSeconds(60)).until(() -> counted("wait-warm-up"));
            double before = transientRetries();

            MONGO.stop();
            sender.send(TOPIC, TYPE, "wait-1", publication("wait-1"));
            sender.sendFrom("/outside/system", TOPIC, TYPE, "wait-forged", publication("wait-forged"));
            for (int i = 2; i <= 5; i++) {
                sender.send(TOPIC, TYPE, "wait-" + i, publication("wait-" + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> transientRetries() - before >= 5);
        } finally {
            MONGO.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("wait-1", "wait-2", "wait-3", "wait-4", "wait-5")
                .stream().allMatch(this::counted));
        ConsumerGroups.awaitCaughtUp(brokers, "reporting-service", TOPIC);
        assertThat(counted("wait-forged")).isFalse();
        assertThat(DeadLetters.await(brokers, DLQ, "wait-forged").reason()).startsWith("refused [wrong-source]");
        try (TopicReader reader = new TopicReader(brokers, DLQ)) {
            assertThat(reader.pollToEnd()).extracting(r -> r.key())
                    .as("the refused one once, not once per try; no valid one").containsOnlyOnce("wait-forged")
                    .doesNotContain("wait-1", "wait-2", "wait-3", "wait-4", "wait-5");
        }
    }
}
