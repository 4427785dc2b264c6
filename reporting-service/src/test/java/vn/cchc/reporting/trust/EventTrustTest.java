package vn.cchc.reporting.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
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
import vn.cchc.platform.events.EventGate;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.DeadLetters;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.reporting.readmodel.ReadModels;
import vn.cchc.reporting.readmodel.ReadStore;
import vn.cchc.security.test.TestTokens;

/**
 * The read models follow only the owners of their events: on each of the four topics a forged event (the right type
 * from {@code /outside/system}), a record without envelope, one that is not JSON and one breaking its contract change
 * nothing and land on {@code <topic>.reporting-service.dlq} with their reason, once each (no retries), and the valid
 * event behind them is applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events",
        "cchc.publication.events", "cchc.compliance.events"})
class EventTrustTest {
    static final String UNITS = "cchc.unit.events";
    static final String PLANS = "cchc.plan.events";
    static final String TASKS = "cchc.task.events";
    static final String PUBLICATIONS = "cchc.publication.events";
    static final String OUTSIDE = "/outside/system";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("reporting-trust-test"));
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    ReadStore store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    double refused(String binding, String reason) {
        Counter counter = meters.find(EventGate.METRIC).tags("binding", binding, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    ObjectNode example(String type, String idField, String id) {
        ObjectNode data = (ObjectNode) json.readTree(ContractSchemas.example(type));
        data.put(idField, id);
        return data;
    }

    /** Four poison records then the valid one, all keyed so the dead-letter topic shows which is which. */
    void sendPoisonThen(CloudEventSender sender, String topic, String type, String key, ObjectNode forged, ObjectNode breaking,
                        ObjectNode valid, String validKey) {
        sender.sendFrom(OUTSIDE, topic, type, key + "-forged", json.writeValueAsString(forged));
        sender.sendRaw(topic, key + "-no-envelope", Map.of(), json.writeValueAsString(valid));
        sender.sendRaw(topic, key + "-not-json", CloudEventSender.envelope(type), "not json at all");
        sender.send(topic, type, key + "-breaking", json.writeValueAsString(breaking));
        sender.send(topic, type, validKey, json.writeValueAsString(valid));
    }

    void assertDeadLettered(String topic, String key, String ownerPrefix) {
        assertDeadLettered(topic, key, ownerPrefix, "refused [schema] data/revision: ");
    }

    void assertDeadLettered(String topic, String key, String ownerPrefix, String breakingReason) {
        String dlq = DeadLetters.topic(topic, "reporting-service");
        assertThat(DeadLetters.await(brokers, dlq, key + "-forged").reason())
                .startsWith("refused [wrong-source] ce_source: '/outside/system' does not own " + ownerPrefix);
        assertThat(DeadLetters.await(brokers, dlq, key + "-no-envelope").reason()).startsWith("refused [missing-header] ce_specversion");
        assertThat(DeadLetters.await(brokers, dlq, key + "-not-json").reason()).startsWith("refused [not-json] data");
        DeadLetters.Letter breaking = DeadLetters.await(brokers, dlq, key + "-breaking");
        assertThat(breaking.reason()).as("%s", breaking).startsWith(breakingReason);
        assertThat(breaking.originalTopic()).isEqualTo(topic);
    }

    @Test
    void aForgedPublicationBetweenTwoRealOnesIsDeadLetteredAndTheOthersAreCounted() {
        String type = "vn.cchc.publication.recorded.v1";
        double before = refused("publicationEvents-in-0", "wrong-source");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(PUBLICATIONS, type, "trust-one-before", json.writeValueAsString(example(type, "publicationId", "trust-one-before")));
            sender.sendFrom(OUTSIDE, PUBLICATIONS, type, "trust-one-forged",
                    json.writeValueAsString(example(type, "publicationId", "trust-one-forged")));
            sender.send(PUBLICATIONS, type, "trust-one-after", json.writeValueAsString(example(type, "publicationId", "trust-one-after")));
        }
        ConsumerGroups.awaitCaughtUp(brokers, "reporting-service", PUBLICATIONS);
        assertThat(DeadLetters.await(brokers, DeadLetters.topic(PUBLICATIONS, "reporting-service"), "trust-one-forged").reason())
                .startsWith("refused [wrong-source] ce_source: '/outside/system' does not own vn.cchc.publication.* events; "
                        + "only /cchc/publication-service sends them");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").in("trust-one-before")), ReadModels.FACTS)).isTrue();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").in("trust-one-after")), ReadModels.FACTS)).isTrue();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").in("trust-one-forged")), ReadModels.FACTS)).isFalse();
        assertThat(refused("publicationEvents-in-0", "wrong-source") - before).isEqualTo(1);
    }

    @Test
    void forgedAndMalformedPublicationsAreNotCountedAndDoNotStopTheBatch() {
        String binding = "publicationEvents-in-0";
        double before = refused(binding, "wrong-source") + refused(binding, "missing-header") + refused(binding, "not-json")
                + refused(binding, "schema");
        String type = "vn.cchc.publication.recorded.v1";
        ObjectNode forged = example(type, "publicationId", "trust-pub-forged");
        ObjectNode breaking = example(type, "publicationId", "trust-pub-breaking");
        breaking.put("revision", -1);
        ObjectNode valid = example(type, "publicationId", "trust-pub-valid");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sendPoisonThen(sender, PUBLICATIONS, type, "trust-pub", forged, breaking, valid, "trust-pub-valid");
        }
        ConsumerGroups.awaitCaughtUp(brokers, "reporting-service", PUBLICATIONS);
        // the batch listener dead-letters each refused record itself, with its own reason, and goes on with the batch
        assertDeadLettered(PUBLICATIONS, "trust-pub", "vn.cchc.publication.*");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("trust-pub-valid")), ReadModels.FACTS)).isTrue();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").in("trust-pub-forged", "trust-pub-breaking",
                "trust-pub-no-envelope", "trust-pub-not-json")), ReadModels.FACTS)).isFalse();
        double after = refused(binding, "wrong-source") + refused(binding, "missing-header") + refused(binding, "not-json")
                + refused(binding, "schema");
        assertThat(after - before).as("each refused once, never retried").isEqualTo(4.0);
    }

    @Test
    void forgedAndMalformedUnitPlanAndTaskEventsChangeNoReadModelAndTheNextValidOneIsApplied() {
        ObjectNode forgedUnit = example("vn.cchc.unit.changed.v1", "unitId", "vinh-long.trust-forged");
        ObjectNode breakingUnit = example("vn.cchc.unit.changed.v1", "unitId", "vinh-long.trust-breaking");
        breakingUnit.put("revision", 0);
        ObjectNode validUnit = example("vn.cchc.unit.changed.v1", "unitId", "vinh-long.trust-valid");
        ObjectNode forgedPlan = example("vn.cchc.plan.issued.v1", "planId", "trust-plan-forged");
        ObjectNode breakingPlan = example("vn.cchc.plan.issued.v1", "planId", "trust-plan-breaking");
        breakingPlan.put("revision", "one");
        ObjectNode validPlan = example("vn.cchc.plan.issued.v1", "planId", "trust-plan-valid");
        ObjectNode forgedTask = example("vn.cchc.task.created.v1", "taskId", "trust-task-forged");
        ObjectNode breakingTask = example("vn.cchc.task.created.v1", "taskId", "trust-task-breaking");
        breakingTask.putNull("revision");
        ObjectNode validTask = example("vn.cchc.task.created.v1", "taskId", "trust-task-valid");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sendPoisonThen(sender, UNITS, "vn.cchc.unit.changed.v1", "trust-unit", forgedUnit, breakingUnit, validUnit, "vinh-long.trust-valid");
            sendPoisonThen(sender, PLANS, "vn.cchc.plan.issued.v1", "trust-plan", forgedPlan, breakingPlan, validPlan, "trust-plan-valid");
            sendPoisonThen(sender, TASKS, "vn.cchc.task.created.v1", "trust-task", forgedTask, breakingTask, validTask, "trust-task-valid");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> store.unit("vinh-long.trust-valid") != null
                && store.plan("trust-plan-valid") != null
                && mongo.exists(Query.query(Criteria.where("_id").is("trust-task-valid")), ReadModels.TASKS));
        ConsumerGroups.awaitCaughtUp(brokers, "reporting-service", UNITS, PLANS, TASKS);
        assertDeadLettered(UNITS, "trust-unit", "vn.cchc.unit.*");
        assertDeadLettered(PLANS, "trust-plan", "vn.cchc.plan.*");
        assertDeadLettered(TASKS, "trust-task", "vn.cchc.task.*");
        assertThat(store.unit("vinh-long.trust-forged")).isNull();
        assertThat(store.unit("vinh-long.trust-breaking")).isNull();
        assertThat(store.plan("trust-plan-forged")).isNull();
        assertThat(store.plan("trust-plan-breaking")).isNull();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").in("trust-task-forged", "trust-task-breaking")),
                ReadModels.TASKS)).isFalse();
    }
}
