package vn.cchc.platform.events.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.events.EventGate;
import vn.cchc.platform.events.InboundEvent;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.DeadLetters;
import vn.cchc.platform.test.StoppableMongoServer;
import vn.cchc.platform.test.TopicReader;

/**
 * A record-mode consumer binding on a real broker, writing to the MongoDB wire server over TCP, as every service's
 * consumers do. MongoDB stopped while events arrive: they wait (retried with the back-off, the WARN lines and the
 * metrics saying so), nothing is dead-lettered, and once MongoDB is back every one is applied, once, in its partition's
 * order. A refused event goes to the dead-letter topic at once; a bug's failure after the binding's three attempts.
 */
@SpringBootTest(classes = ConsumerFailuresTest.App.class, properties = {
        "spring.config.import=classpath:cchc-defaults.properties", "spring.application.name=failures-test",
        "cchc.kafka.brokers=${spring.embedded.kafka.brokers}",
        "spring.cloud.function.definition=unitEvents",
        "spring.cloud.stream.bindings.unitEvents-in-0.destination=cchc.unit.events",
        "spring.cloud.stream.bindings.unitEvents-in-0.group=failures-test",
        "spring.cloud.stream.bindings.unitEvents-in-0.content-type=application/octet-stream",
        "spring.cloud.stream.bindings.unitEvents-in-0.consumer.max-attempts=3",
        "spring.cloud.stream.bindings.unitEvents-in-0.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.kafka.bindings.unitEvents-in-0.consumer.enable-dlq=true",
        "spring.cloud.stream.kafka.bindings.unitEvents-in-0.consumer.dlq-name=" + ConsumerFailuresTest.DLQ,
        "spring.cloud.stream.kafka.bindings.unitEvents-in-0.consumer.start-offset=earliest",
        "cchc.events.retry.initial-interval=200ms", "cchc.events.retry.max-interval=1s",
        "cchc.mongo.server-selection-timeout=500ms"})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events"})
class ConsumerFailuresTest {
    static final String TOPIC = "cchc.unit.events";
    static final String TYPE = "vn.cchc.unit.changed.v1";
    static final String DLQ = "cchc.unit.events.failures-test.dlq";
    static final String BINDING = "unitEvents-in-0";
    static final StoppableMongoServer MONGO = new StoppableMongoServer();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("failures-test"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** Applies unit events: each revision appended to the unit's document; the name "boom" is a bug. */
        @Bean
        Consumer<Message<byte[]>> unitEvents(EventGate gate, MongoTemplate mongo) {
            return message -> {
                InboundEvent event = gate.admit(BINDING, message).orElseThrow();
                if ("boom".equals(event.data().path("name").asString())) {
                    throw new IllegalStateException("bug: a unit named boom");
                }
                mongo.upsert(Query.query(Criteria.where("_id").is(event.data().get("unitId").asString())),
                        new Update().push("revisions", event.data().get("revision").asLong()).inc("applied", 1), "units");
            };
        }
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    String unit(String unitId, long revision, String name) {
        ObjectNode data = (ObjectNode) json.readTree(ContractSchemas.example(TYPE));
        data.put("unitId", unitId).put("revision", revision).put("name", name);
        return json.writeValueAsString(data);
    }

    List<Long> revisions(String unitId) {
        Document unit = mongo.findById(unitId, Document.class, "units");
        return unit == null ? List.of() : unit.getList("revisions", Long.class);
    }

    double retries(String kind) {
        Counter counter = meters.find(EventRetries.RETRIES).tags("binding", BINDING, "kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    double retrying() {
        Gauge gauge = meters.find(EventRetries.RETRYING).tags("binding", BINDING).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    long deadLettered(String key) {
        try (TopicReader reader = new TopicReader(brokers, DLQ)) {
            return reader.pollToEnd().stream().filter(r -> key.equals(r.key())).count();
        }
    }

    @Test
    void eventsArrivingWhileMongoIsDownWaitAndAreAllAppliedInOrderOnceItIsBack() {
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, TYPE, "vinh-long.warm-up", unit("vinh-long.warm-up", 1, "Khởi động"));
            await().atMost(Duration.ofSeconds(60)).until(() -> revisions("vinh-long.warm-up").equals(List.of(1L)));
            double transientBefore = retries("transient");

            MONGO.stop();
            for (long revision = 1; revision <= 5; revision++) {
                sender.send(TOPIC, TYPE, "vinh-long.waiting", unit("vinh-long.waiting", revision, "Đơn vị chờ " + revision));
            }
            // the first of them fails and is tried again and again (more than the binding's 3 attempts), the partition held behind it
            await().atMost(Duration.ofSeconds(60)).until(() -> retries("transient") - transientBefore >= 5 && retrying() == 1);
        } finally {
            MONGO.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> revisions("vinh-long.waiting").equals(List.of(1L, 2L, 3L, 4L, 5L)));
        ConsumerGroups.awaitCaughtUp(brokers, "failures-test", TOPIC);
        assertThat(revisions("vinh-long.waiting")).as("each applied once, in order").containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(deadLettered("vinh-long.waiting")).as("nothing dead-lettered").isZero();
        assertThat(retrying()).as("the partition moves again").isZero();
    }

    @Test
    void aRefusedEventIsDeadLetteredAtOnceAndABugAfterThreeAttemptsWithoutBlockingThePartition() {
        double failuresBefore = retries("failure");
        double transientBefore = retries("transient");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.sendFrom("/outside/system", TOPIC, TYPE, "vinh-long.forged", unit("vinh-long.forged", 1, "Giả mạo"));
            sender.send(TOPIC, TYPE, "vinh-long.boom", unit("vinh-long.boom", 1, "boom"));
            sender.send(TOPIC, TYPE, "vinh-long.after", unit("vinh-long.after", 1, "Sau lỗi"));
        }
        assertThat(DeadLetters.await(brokers, DLQ, "vinh-long.forged").reason())
                .startsWith("refused [wrong-source] ce_source: '/outside/system' does not own vn.cchc.unit.* events");
        DeadLetters.Letter bug = DeadLetters.await(brokers, DLQ, "vinh-long.boom");
        assertThat(bug.exceptionMessage()).isEqualTo("failure [java.lang.IllegalStateException] bug: a unit named boom");
        assertThat(bug.originalTopic()).isEqualTo(TOPIC);
        await().atMost(Duration.ofSeconds(60)).until(() -> revisions("vinh-long.after").equals(List.of(1L)));
        ConsumerGroups.awaitCaughtUp(brokers, "failures-test", TOPIC);
        assertThat(retries("failure") - failuresBefore).as("the bug: two retries after the first attempt").isEqualTo(2);
        assertThat(retries("transient") - transientBefore).isZero();
        assertThat(deadLettered("vinh-long.forged")).as("a refusal is not retried").isEqualTo(1);
        assertThat(deadLettered("vinh-long.boom")).isEqualTo(1);
        assertThat(revisions("vinh-long.forged")).isEmpty();
    }
}
