package vn.cchc.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.compliance.TargetStatusTracker;
import vn.cchc.security.test.TestTokens;

/**
 * A plan in the plan events' new shape, in force from 15/03/2026 (Phường Tân Hạnh), beside a plan in the old shape
 * without {@code effectiveFrom} (Phường Tân Ngãi), through the real broker and the wire server, on 10/04/2026:
 * January and February are not judged for the monthly target, March is; a website article of 10/02 does not count for
 * the yearly target; the old plan is judged from 1 January as before. Also: the new channels are counted and named in
 * Vietnamese, a reporting duty without period or recipient addresses the end of its chain, and a task event without a
 * unit is kept under its plan's issuing unit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", "server.shutdown=immediate",
                TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events",
        "cchc.publication.events", "cchc.compliance.events"},
        brokerProperties = "log.message.timestamp.after.max.ms=9223372036854775807")
class EffectiveStartFlowTest {
    static final String STATUS_CHANGED = "vn.cchc.compliance.target-status-changed.v1";
    static final String[] ADMIN = {"Authorization", TestTokens.bearer(TestTokens.provinceAdmin("vinh-long"))};
    static final String TAN_HANH = "vinh-long.tan-hanh";
    static final String OFFICE = "vinh-long.tan-hanh.vhxh";
    static final String TAN_NGAI = "vinh-long.tan-ngai";
    static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("reporting-effective-start-test"));
    }

    /** 10 April 2026, 10:00 in Vietnam. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-04-10T03:00:00Z"), ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    JsonNode getJson(String path) {
        Http.Response response = Http.get(url(path), ADMIN);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static JsonNode target(JsonNode compliance, String id) {
        for (JsonNode t : compliance.get("targets")) {
            if (t.get("targetId").asString().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no target " + id + " in " + compliance);
    }

    static JsonNode period(JsonNode target, String key) {
        for (JsonNode p : target.get("periods")) {
            if (p.get("period").asString().equals(key)) {
                return p;
            }
        }
        throw new AssertionError("no period " + key);
    }

    String docxText(String path) throws Exception {
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).header(ADMIN[0], ADMIN[1]).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(response.body())))) {
            return text.getText();
        }
    }

    @Test
    void aPlanInForceFromMidMarchIsJudgedFromThereAndAnOldPlanFromFirstJanuary() throws Exception {
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            unit(sender, "vinh-long", null, "Tỉnh Vĩnh Long", "PROVINCE");
            unit(sender, TAN_HANH, "vinh-long", "Phường Tân Hạnh", "WARD");
            unit(sender, OFFICE, TAN_HANH, "Phòng Văn hóa - Xã hội phường Tân Hạnh", "OFFICE");
            unit(sender, TAN_NGAI, "vinh-long", "Phường Tân Ngãi", "WARD");

            // the new shape, written by hand: effectiveFrom 2026-03-15, group-led tasks, new time frames and channels
            sender.send("cchc.plan.events", "vn.cchc.plan.issued.v1", "kh-th-2026", Scenario.resource("plan-effective-from.v2-shape.json"));
            // the old shape (the published example): no effectiveFrom
            ObjectNode old = (ObjectNode) json.readTree(Scenario.resource("vn.cchc.plan.issued.v1.json"));
            old.put("planId", "kh-tn-2026").put("revision", 1).put("issuingUnitId", TAN_NGAI).put("issuedOn", "2026-01-15");
            old.set("unitPath", json.valueToTree(UnitPath.of(TAN_NGAI)));
            old.set("targets", json.valueToTree(List.of(Map.of("id", "t-radio", "description", "Ít nhất 01 tin mỗi tháng trên Đài truyền thanh",
                    "kinds", List.of(), "channels", List.of("RADIO"), "minimum", 1, "period", "MONTH", "scope", "UNIT", "unitId", TAN_NGAI))));
            old.remove("effectiveFrom");
            sender.send("cchc.plan.events", "vn.cchc.plan.issued.v1", "kh-tn-2026", json.writeValueAsString(old));

            // Tân Hạnh: radio in January and February (before the plan), 02/03 (before it, but in March), loudspeaker 20/03
            publication(sender, "th-r01", TAN_HANH, "RADIO", "BROADCAST", "2026-01-05T12:00:00Z");
            publication(sender, "th-r02", TAN_HANH, "RADIO", "BROADCAST", "2026-01-20T12:00:00Z");
            publication(sender, "th-r03", TAN_HANH, "RADIO", "BROADCAST", "2026-02-03T12:00:00Z");
            publication(sender, "th-r04", TAN_HANH, "RADIO", "BROADCAST", "2026-03-02T12:00:00Z");
            publication(sender, "th-l05", TAN_HANH, "LOUDSPEAKER", "BROADCAST", "2026-03-20T12:00:00Z");
            // website: 10/02 (before the plan: not counted for the year), 16/03 and 20/03
            publication(sender, "th-w01", OFFICE, "WEBSITE", "ARTICLE", "2026-02-10T02:00:00Z");
            publication(sender, "th-w02", OFFICE, "WEBSITE", "ARTICLE", "2026-03-16T02:00:00Z");
            publication(sender, "th-w03", OFFICE, "WEBSITE", "ARTICLE", "2026-03-20T02:00:00Z");
            // an electronic board item only before the plan; television after it
            publication(sender, "th-b01", TAN_HANH, "ELECTRONIC_BOARD", "VIDEO", "2026-02-20T02:00:00Z");
            publication(sender, "th-tv1", TAN_HANH, "TELEVISION", "REPORTAGE", "2026-03-25T12:00:00Z");
            // Tân Ngãi (old plan): one radio item in January
            publication(sender, "tn-r01", TAN_NGAI, "RADIO", "BROADCAST", "2026-01-10T12:00:00Z");
        }

        String th = "/api/reports/units/" + TAN_HANH;
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode c = getJson(th + "/compliance?year=2026");
            assertThat(period(target(c, "t-radio-month"), "2026-03").get("count").asLong()).isEqualTo(2);
            assertThat(target(c, "t-web-year").at("/current/count").asLong()).isEqualTo(2);
            assertThat(getJson(th + "/counts?year=2026&includeSubunits=true").toString()).contains("TELEVISION");
            assertThat(target(getJson("/api/reports/units/" + TAN_NGAI + "/compliance?year=2026"), "t-radio")
                    .at("/periods/0/count").asLong()).isEqualTo(1);
        });

        // the monthly target: January and February are not judged, March is (with 02/03, before the start, in it)
        JsonNode compliance = getJson(th + "/compliance?year=2026");
        JsonNode radio = target(compliance, "t-radio-month");
        assertThat(radio.get("effectiveFrom").asString()).isEqualTo("2026-03-15");
        for (String month : List.of("2026-01", "2026-02")) {
            assertThat(period(radio, month).get("status").asString()).as(month).isEqualTo("NOT_STARTED");
            assertThat(period(radio, month).get("count").asLong()).as(month).isZero();
        }
        assertThat(period(radio, "2026-03").get("status").asString()).isEqualTo("MET");
        assertThat(radio.at("/current/period").asString()).isEqualTo("2026-04");
        assertThat(radio.at("/current/status").asString()).isEqualTo("AT_RISK");
        assertThat(period(radio, "2026-05").get("status").asString()).isEqualTo("UPCOMING");
        // the yearly target counts from 15/03: the article of 10/02 does not count
        JsonNode web = target(compliance, "t-web-year");
        assertThat(web.at("/current/count").asLong()).isEqualTo(2);
        assertThat(web.at("/current/countedFrom").asString()).isEqualTo("2026-03-15");
        assertThat(web.at("/current/status").asString()).isEqualTo("ON_TRACK");
        // summaries leave the not-judged periods out
        assertThat(compliance.get("summary").has("NOT_STARTED")).isFalse();
        assertThat(compliance.at("/summary/AT_RISK").asInt()).isEqualTo(1);
        assertThat(compliance.at("/summary/ON_TRACK").asInt()).isEqualTo(1);
        // as of 20/02 the monthly target's current period is March, not yet started; the yearly one waits for 15/03
        JsonNode february = getJson(th + "/compliance?year=2026&asOf=2026-02-20");
        assertThat(target(february, "t-radio-month").at("/current/period").asString()).isEqualTo("2026-03");
        assertThat(target(february, "t-radio-month").at("/current/status").asString()).isEqualTo("UPCOMING");
        assertThat(target(february, "t-web-year").at("/current/status").asString()).isEqualTo("UPCOMING");
        assertThat(february.at("/summary/UPCOMING").asInt()).isEqualTo(2);

        // the old plan: judged from 1 January, as before
        JsonNode oldPlan = target(getJson("/api/reports/units/" + TAN_NGAI + "/compliance?year=2026"), "t-radio");
        assertThat(oldPlan.get("effectiveFrom").asString()).isEqualTo("2026-01-01");
        assertThat(period(oldPlan, "2026-01").get("status").asString()).isEqualTo("MET");
        assertThat(period(oldPlan, "2026-02").get("status").asString()).isEqualTo("MISSED");
        assertThat(period(oldPlan, "2026-03").get("status").asString()).isEqualTo("MISSED");
        assertThat(getJson("/api/reports/units/vinh-long/compliance?year=2026").get("summary").has("NOT_STARTED")).isFalse();

        // compliance events: March and April of the new plan, January and February of the old one; never the periods
        // before the new plan's start, and nothing remembered for them
        try (TopicReader reader = new TopicReader(brokers, "cchc.compliance.events")) {
            List<ConsumerRecord<String, byte[]>> events = new java.util.ArrayList<>();
            await().atMost(WAIT).untilAsserted(() -> {
                events.addAll(reader.poll());
                assertThat(events).extracting(ConsumerRecord::key).contains("kh-th-2026|t-radio-month|2026-03",
                        "kh-th-2026|t-radio-month|2026-04", "kh-th-2026|t-web-year|2026", "kh-tn-2026|t-radio|2026-01",
                        "kh-tn-2026|t-radio|2026-02");
            });
            assertThat(events).extracting(ConsumerRecord::key)
                    .doesNotContain("kh-th-2026|t-radio-month|2026-01", "kh-th-2026|t-radio-month|2026-02");
            for (ConsumerRecord<String, byte[]> r : events) {
                assertThat(ContractSchemas.validate(STATUS_CHANGED, TopicReader.value(r))).as(TopicReader.value(r)).isEmpty();
            }
        }
        assertThat(mongo.findById("kh-th-2026|t-radio-month|2026-01", org.bson.Document.class, TargetStatusTracker.COLLECTION)).isNull();

        // the periodic report of Q1 (15/12/2025–14/03/2026): the plan with its effective start, the recipient at the end
        // of the reporting chain, no target judged before the start
        JsonNode q1 = getJson(th + "/periodic/2026-Q1");
        assertThat(q1.at("/plans/0/planId").asString()).isEqualTo("kh-th-2026");
        assertThat(q1.at("/plans/0/effectiveFrom").asString()).isEqualTo("2026-03-15");
        assertThat(q1.get("recipients").valueStream().map(JsonNode::asString).toList()).containsExactly("Sở Nội vụ tỉnh Vĩnh Long");
        assertThat(q1.get("targets").valueStream().map(t -> t.at("/current/status").asString()).toList())
                .containsExactlyInAnyOrder("ON_TRACK", "UPCOMING");
        String q1Text = docxText(th + "/periodic/2026-Q1.docx");
        assertThat(q1Text).contains("Kế hoạch số 25/KH-UBND áp dụng từ ngày 15/03/2026", "- Sở Nội vụ tỉnh Vĩnh Long;")
                .doesNotContain("null");
        // H1: the new channels, named in Vietnamese
        JsonNode h1 = getJson(th + "/periodic/2026-H1");
        assertThat(h1.at("/itemsByChannel/TELEVISION").asLong()).isEqualTo(1);
        assertThat(h1.at("/itemsByChannel/LOUDSPEAKER").asLong()).isEqualTo(1);
        assertThat(docxText(th + "/periodic/2026-H1.docx")).contains("- Truyền hình: 1 tin, bài, sản phẩm;",
                "- Loa truyền thanh: 1 tin, bài, sản phẩm;");
        // the old plan's report says nothing of an effective start
        assertThat(docxText("/api/reports/units/" + TAN_NGAI + "/periodic/2026-Q1.docx")).doesNotContain("áp dụng từ ngày");

        // PAR score: the electronic board item of 20/02 predates the plan; television counts as a traditional form
        JsonNode score = getJson(th + "/score?year=2026");
        Map<String, Double> points = new java.util.HashMap<>();
        score.get("lines").forEach(l -> points.put(l.get("criterion").asString(), l.get("points").asDouble()));
        assertThat(points).containsEntry("CHANNEL_ELECTRONIC_BOARD", 0.0).containsEntry("CHANNEL_ONLINE", 0.25)
                .containsEntry("CHANNEL_TRADITIONAL", 0.5);

        // tasks: a group-led task arrives under the issuing unit (task-service publishes it so; an event without a unit
        // breaks the task contract and is dead-lettered, see trust.EventTrustTest)
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            task(sender, "th-task-1", TAN_HANH, "Lồng ghép tuyên truyền CCHC trong các cuộc họp, hội nghị", null);
            task(sender, "th-task-2", TAN_HANH, "Hưởng ứng cuộc thi tìm hiểu CCHC của tỉnh", "2026-06-30");
        }
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(getJson(th + "/tasks").at("/byUnit/" + TAN_HANH + "/total").asInt()).isEqualTo(2));
        assertThat(getJson(th + "/tasks?planId=kh-th-2026").at("/all/planned").asInt()).isEqualTo(2);
    }

    void unit(CloudEventSender sender, String id, String parent, String name, String kind) {
        ObjectNode data = (ObjectNode) json.readTree(Scenario.resource("vn.cchc.unit.changed.v1.json"));
        data.put("unitId", id).put("parentId", parent).put("name", name).put("kind", kind);
        data.set("unitPath", json.valueToTree(UnitPath.of(id)));
        sender.send("cchc.unit.events", "vn.cchc.unit.changed.v1", id, json.writeValueAsString(data));
    }

    void publication(CloudEventSender sender, String id, String unitId, String channel, String kind, String at) {
        ObjectNode data = (ObjectNode) json.readTree(ContractSchemas.example("vn.cchc.publication.recorded.v1"));
        data.put("publicationId", id).put("revision", 1).put("unitId", unitId).put("channel", channel).put("kind", kind)
                .put("publishedAt", at).put("title", "Tin CCHC " + id).putNull("planId");
        data.set("unitPath", json.valueToTree(UnitPath.of(unitId)));
        sender.send("cchc.publication.events", "vn.cchc.publication.recorded.v1", id, json.writeValueAsString(data));
    }

    void task(CloudEventSender sender, String id, String unitId, String title, String due) {
        ObjectNode data = (ObjectNode) json.readTree(Scenario.resource("vn.cchc.task.status-changed.v1.json"));
        data.put("taskId", id).put("revision", 1).put("planId", "kh-th-2026").put("status", "PLANNED").put("title", title)
                .put("source", "CATALOGUE").put("dueDate", due).put("changedAt", "2026-03-15T02:00:00Z").putNull("previousStatus")
                .putNull("window").put("unitId", unitId);
        data.set("evidence", json.createArrayNode());
        data.set("unitPath", unitId == null ? json.nullNode() : json.valueToTree(UnitPath.of(unitId)));
        sender.send("cchc.task.events", "vn.cchc.task.created.v1", id, json.writeValueAsString(data));
    }
}
