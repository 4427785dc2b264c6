package vn.cchc.platform.events.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;

/**
 * {@code /actuator/deadletters} on a service with a real broker: a valid event sits in the dead-letter topic (as if a
 * bug since fixed had dead-lettered it); the endpoint lists it as waiting, a replay sends it back to its topic with its
 * key and CloudEvents headers and without the dead-letter ones, the consumer applies it once, and a second replay
 * sends nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = DeadLetterReplayTest.App.class,
        properties = {"spring.config.import=classpath:cchc-defaults.properties", "spring.application.name=replay-test",
                "cchc.kafka.brokers=${spring.embedded.kafka.brokers}",
                "spring.cloud.function.definition=planEvents",
                "spring.cloud.stream.bindings.planEvents-in-0.destination=cchc.plan.events",
                "spring.cloud.stream.bindings.planEvents-in-0.group=replay-test",
                "spring.cloud.stream.bindings.planEvents-in-0.content-type=application/octet-stream",
                "spring.cloud.stream.bindings.planEvents-in-0.consumer.max-attempts=3",
                "spring.cloud.stream.kafka.bindings.planEvents-in-0.consumer.enable-dlq=true",
                "spring.cloud.stream.kafka.bindings.planEvents-in-0.consumer.dlq-name=" + DeadLetterReplayTest.DLQ,
                "spring.cloud.stream.kafka.bindings.planEvents-in-0.consumer.start-offset=earliest"})
@EmbeddedKafka(partitions = 1, topics = {"cchc.plan.events"})
class DeadLetterReplayTest {
    static final String TOPIC = "cchc.plan.events";
    static final String TYPE = "vn.cchc.plan.issued.v1";
    static final String DLQ = "cchc.plan.events.replay-test.dlq";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("replay-test"));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** Counts each application of a plan event (no revision guard here: a record sent twice would count twice). */
        @Bean
        Consumer<Message<byte[]>> planEvents(EventGate gate, MongoTemplate mongo) {
            return message -> {
                InboundEvent event = gate.admit("planEvents-in-0", message).orElseThrow();
                mongo.upsert(Query.query(Criteria.where("_id").is(event.data().get("planId").asString())),
                        new Update().inc("applied", 1), "plans");
            };
        }
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    String url(String path) {
        return "http://127.0.0.1:" + port + "/actuator/deadletters" + path;
    }

    int applied(String planId) {
        Document plan = mongo.findById(planId, Document.class, "plans");
        return plan == null ? 0 : plan.getInteger("applied");
    }

    JsonNode backlog() {
        Http.Response list = Http.get(url(""));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return json.readTree(list.body()).get("topics").valueStream()
                .filter(t -> DLQ.equals(t.get("topic").asString())).findFirst().orElseThrow();
    }

    JsonNode replay() {
        Http.Response replay = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/" + DLQ + "/replay")))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        return json.readTree(replay.body());
    }

    @Test
    void aDeadLetteredEventIsReplayedOnceWithItsKeyAndEnvelopeAndASecondReplaySendsNothing() {
        ObjectNode data = (ObjectNode) json.readTree(ContractSchemas.example(TYPE));
        data.put("planId", "plan-replayed");
        Map<String, String> headers = CloudEventSender.envelope(TYPE);
        headers.put("x-original-topic", TOPIC);
        headers.put("x-original-partition", "0");
        headers.put("x-original-offset", "41");
        headers.put("x-exception-fqcn", "java.lang.IllegalStateException");
        headers.put("x-exception-message", "failure [java.lang.IllegalStateException] a bug since fixed");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.sendRaw(DLQ, "plan-replayed", headers, json.writeValueAsString(data));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog().get("waiting").asLong() == 1);
        JsonNode before = backlog();
        assertThat(before.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(before.get("group").asString()).isEqualTo("replay-test");
        assertThat(before.get("binding").asString()).isEqualTo("planEvents-in-0");
        assertThat(before.get("records").asLong()).isEqualTo(1);

        JsonNode first = replay();
        assertThat(first.get("replayed").asLong()).isEqualTo(1);
        assertThat(first.get("waiting").asLong()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> applied("plan-replayed") == 1);
        try (TopicReader reader = new TopicReader(brokers, TOPIC)) {
            ConsumerRecord<String, byte[]> back = reader.pollToEnd().stream()
                    .filter(r -> "plan-replayed".equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(back, "ce_id")).isEqualTo(headers.get("ce_id"));
            assertThat(TopicReader.header(back, "ce_source")).isEqualTo("/cchc/plan-service");
            assertThat(TopicReader.header(back, "x-exception-message")).isNull();
            assertThat(TopicReader.header(back, "x-original-topic")).isNull();
        }

        JsonNode second = replay();
        assertThat(second.get("replayed").asLong()).as("a second replay resends nothing").isZero();
        ConsumerGroups.awaitCaughtUp(brokers, "replay-test", TOPIC);
        assertThat(applied("plan-replayed")).as("applied once").isEqualTo(1);
        assertThat(backlog().get("records").asLong()).as("the dead-letter topic keeps its record").isEqualTo(1);
        assertThat(backlog().get("waiting").asLong()).isZero();
    }

    @Test
    void anUnknownTopicOrActionIsAProblemNamingTheField() {
        Http.Response unknown = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/cchc.plan.events/replay")))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(unknown.body()).get("errors").get(0).get("field").asString()).isEqualTo("topic");
        Http.Response action = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/" + DLQ + "/delete")))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(action.status()).isEqualTo(400);
        assertThat(json.readTree(action.body()).get("errors").get(0).get("rule").asString()).isEqualTo("one-of");
    }
}
