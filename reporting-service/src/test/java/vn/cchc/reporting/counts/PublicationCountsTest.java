package vn.cchc.reporting.counts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.security.test.TestTokens;

/** Publication events arrive on a real (embedded KRaft) broker and are counted per unit, channel, month and year. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = "cchc.publication.events")
class PublicationCountsTest {
    static final String TOPIC = "cchc.publication.events";
    static final String RECORDED = "vn.cchc.publication.recorded.v1";
    /** A viewer of the four provinces reads every unit of these tests. */
    static final String[] VIEWER = {"Authorization",
        TestTokens.bearer(TestTokens.viewer("vinh-long", "hai-phong", "lam-dong", "lai-chau"))};

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("reporting-counts-test"));
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    /** Every event sent so far has been counted (or refused): the state the tests' exact figures are about. */
    void awaitCounted() {
        ConsumerGroups.awaitCaughtUp(brokers, "reporting-service", TOPIC);
    }

    @BeforeEach
    void clean() {
        // an event of an earlier test still in flight would otherwise land in this test's emptied collection
        awaitCounted();
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "publication_facts");
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "day_counts");
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "count_batches");
    }

    /** The published example event, re-addressed to the unit and time under test. */
    String recorded(String id, String unitId, String publishedAt, String channel) {
        String commune = unitId.split("\\.").length > 1 ? unitId.split("\\.")[0] + "." + unitId.split("\\.")[1] : null;
        return ContractSchemas.example(RECORDED)
                .replace("4f1c2a9e-6d1b-4c55-9a57-0c2b7f3e8d11", id)
                .replace("\"unitId\": \"vinh-long.phu-khuong\"", "\"unitId\": \"" + unitId + "\"")
                .replace("\"unit\": \"vinh-long.phu-khuong\"", "\"unit\": \"" + unitId + "\"")
                .replace("\"commune\": \"vinh-long.phu-khuong\"", "\"commune\": \"" + commune + "\"")
                .replace("\"channel\": \"WEBSITE\"", "\"channel\": \"" + channel + "\"")
                .replace("2026-03-02T01:00:00Z", publishedAt);
    }

    JsonNode counts(String unitId, int year, String extra) {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/api/reports/units/" + unitId + "/counts?year=" + year + extra, VIEWER);
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void theExampleEventIsValidAgainstItsSchema() {
        assertThat(ContractSchemas.validate(RECORDED, ContractSchemas.example(RECORDED))).isEmpty();
    }

    @Test
    void countsFollowVietnamTimeAcrossAMonthBoundary() {
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            // 2026-01-31T20:00+07:00 is 13:00 UTC on the 31st: January
            sender.send(TOPIC, RECORDED, "p-jan", recorded("p-jan", "lam-dong.bac-binh", "2026-01-31T13:00:00Z", "WEBSITE"));
            // 2026-02-01T01:30+07:00 is still 31 January in UTC: February in Vietnam
            sender.send(TOPIC, RECORDED, "p-feb", recorded("p-feb", "lam-dong.bac-binh", "2026-01-31T18:30:00Z", "WEBSITE"));
            // 2025-12-31T23:30+07:00 belongs to 2025
            sender.send(TOPIC, RECORDED, "p-2025", recorded("p-2025", "lam-dong.bac-binh", "2025-12-31T16:30:00Z", "RADIO"));
        }

        awaitCounted();
        assertThat(counts("lam-dong.bac-binh", 2026, "").get("total").asLong()).isEqualTo(2);
        JsonNode year2026 = counts("lam-dong.bac-binh", 2026, "");
        assertThat(year2026.get("byMonth").get(0).get("byChannel").get("WEBSITE").asLong()).isEqualTo(1);
        assertThat(year2026.get("byMonth").get(1).get("byChannel").get("WEBSITE").asLong()).isEqualTo(1);
        assertThat(year2026.get("byChannel").get("WEBSITE").asLong()).isEqualTo(2);
        assertThat(counts("lam-dong.bac-binh", 2025, "").get("byMonth").get(11).get("byChannel").get("RADIO").asLong()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        String event = recorded("p-dup", "hai-phong.tien-minh", "2026-05-10T02:00:00Z", "WEBSITE");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, "same-event-id", RECORDED, "p-dup", event);
            sender.send(TOPIC, "same-event-id", RECORDED, "p-dup", event);
            sender.send(TOPIC, RECORDED, "p-other", recorded("p-other", "hai-phong.tien-minh", "2026-05-11T02:00:00Z", "WEBSITE"));
        }

        // all three handled, the duplicate included: a double count would show now
        awaitCounted();
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("p-other")), "publication_facts")).isTrue();
        assertThat(counts("hai-phong.tien-minh", 2026, "").get("total").asLong()).isEqualTo(2);
        assertThat(counts("hai-phong.tien-minh", 2026, "").get("byMonth").get(4).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void subunitsCountForTheCommuneOnlyWhenAsked() {
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, RECORDED, "p-vhxh", recorded("p-vhxh", "vinh-long.phu-khuong.vhxh", "2026-04-01T02:00:00Z", "RADIO"));
            sender.send(TOPIC, RECORDED, "p-ward", recorded("p-ward", "vinh-long.phu-khuong", "2026-04-02T02:00:00Z", "WEBSITE"));
            sender.send(TOPIC, RECORDED, "p-other-ward", recorded("p-other-ward", "vinh-long.phu-khuong-2", "2026-04-02T02:00:00Z", "WEBSITE"));
        }

        // all three handled, the other ward's included: counting it for this ward (its id has the same start) would show
        awaitCounted();
        assertThat(counts("vinh-long.phu-khuong", 2026, "&includeSubunits=true").get("total").asLong()).isEqualTo(2);
        assertThat(counts("vinh-long.phu-khuong", 2026, "").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aBadUnitIdOrYearIsAProblem() {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/api/reports/units/vinh-long.phu-khuong/counts?year=20266", VIEWER);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("year");
    }

    static final String CORRECTED = "vn.cchc.publication.corrected.v1";
    static final String RETRACTED = "vn.cchc.publication.retracted.v1";

    String withRevision(String event, int revision) {
        return event.replaceFirst("\"revision\": \\d+", "\"revision\": " + revision);
    }

    @Test
    void aCorrectionMovesTheCountAndARetractionRemovesItForGood() {
        String unit = "lai-chau.tan-uyen";
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, RECORDED, "p-move", withRevision(recorded("p-move", unit, "2026-03-10T02:00:00Z", "WEBSITE"), 1));
            sender.send(TOPIC, CORRECTED, "p-move", withRevision(recorded("p-move", unit, "2026-04-10T02:00:00Z", "RADIO"), 2));
            sender.send(TOPIC, RECORDED, "p-gone", withRevision(recorded("p-gone", unit, "2026-03-11T02:00:00Z", "WEBSITE"), 1));
        }
        awaitCounted();
        JsonNode moved = counts(unit, 2026, "");
        assertThat(moved.get("total").asLong()).isEqualTo(2);
        assertThat(moved.get("byMonth").get(2).get("byChannel").get("WEBSITE").asLong()).isEqualTo(1); // p-gone only
        assertThat(moved.get("byMonth").get(3).get("byChannel").get("RADIO").asLong()).isEqualTo(1);   // p-move, moved

        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, RETRACTED, "p-gone", withRevision(recorded("p-gone", unit, "2026-03-11T02:00:00Z", "WEBSITE")
                    .replace("\"retracted\": false",
                    "\"retracted\": true, \"retractionReason\": \"Đăng nhầm\", \"retractedAt\": \"2026-03-12T02:00:00Z\""), 2));
            // the original "recorded" delivered again, late: it must not revive the retracted item
            sender.send(TOPIC, RECORDED, "p-gone", withRevision(recorded("p-gone", unit, "2026-03-11T02:00:00Z", "WEBSITE"), 1));
        }
        awaitCounted();
        JsonNode after = counts(unit, 2026, "");
        assertThat(after.get("total").asLong()).isEqualTo(1);
        assertThat(after.get("byMonth").get(2).get("total").asLong()).isZero();
        // the province's subtree document moved the same way
        assertThat(counts("lai-chau", 2026, "&includeSubunits=true").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheOthersOfItsBatchCount() {
        String unit = "hai-phong.an-lao";
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, RECORDED, "p-before", recorded("p-before", unit, "2026-06-01T02:00:00Z", "WEBSITE"));
            sender.send(TOPIC, RECORDED, "p-poison", "{this is not json");
            sender.send(TOPIC, RECORDED, "p-after", recorded("p-after", unit, "2026-06-02T02:00:00Z", "WEBSITE"));
        }
        awaitCounted();
        assertThat(counts(unit, 2026, "").get("total").asLong()).isEqualTo(2);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(java.util.Map.of(
                "bootstrap.servers", brokers, "group.id", "dlq-reader-" + java.util.UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(java.util.List.of("cchc.publication.events.reporting-service.dlq"));
            java.util.List<String> keys = new java.util.ArrayList<>();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(java.time.Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
                assertThat(keys).contains("p-poison").doesNotContain("p-before", "p-after");
            });
        }
    }

    @Test
    void aBatchInterruptedBetweenItsFactsAndItsCountsIsRecountedBeforeTheNextOne() {
        String unit = "vinh-long.tan-ngai";
        String event = recorded("p-cut", unit, "2026-07-01T02:00:00Z", "WEBSITE");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, RECORDED, "p-kept", recorded("p-kept", unit, "2026-07-02T02:00:00Z", "WEBSITE"));
        }
        awaitCounted();
        // what a crash between the fact write and the counts leaves behind: the fact, not counted, and the batch's
        // journal entry, written by an instance that is gone
        var fact = json.readTree(event);
        mongo.save(new org.bson.Document("_id", "p-cut").append("revision", fact.get("revision").asLong())
                .append("counted", true).append("unitId", unit).append("channel", "WEBSITE")
                .append("kind", "ARTICLE").append("date", "2026-07-01").append("year", 2026).append("month", 7), "publication_facts");
        mongo.save(new org.bson.Document("_id", "crashed-batch").append("owner", "a-crashed-instance")
                .append("startedAt", java.time.Instant.now().minus(java.time.Duration.ofMinutes(10)))
                .append("unitYears", java.util.List.of(unit + "|2026")), "count_batches");
        assertThat(counts(unit, 2026, "").get("total").asLong()).isEqualTo(1);

        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(TOPIC, RECORDED, "p-cut", event); // redelivered: the batch was never committed
        }
        awaitCounted();
        assertThat(counts(unit, 2026, "").get("total").asLong()).isEqualTo(2);
        assertThat(counts("vinh-long", 2026, "&includeSubunits=true").get("byMonth").get(6).get("total").asLong()).isEqualTo(2);
        assertThat(mongo.findAll(org.bson.Document.class, "count_batches")).isEmpty();
    }
}
