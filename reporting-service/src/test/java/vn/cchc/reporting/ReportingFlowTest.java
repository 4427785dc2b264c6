package vn.cchc.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
import vn.cchc.platform.test.TopicReader;
import vn.cchc.reporting.compliance.ComplianceSweep;
import vn.cchc.reporting.readmodel.ReadModels;
import vn.cchc.security.test.TestTokens;

/**
 * The whole service on a real (embedded KRaft) broker and the Mongo wire server: the scripted year arrives as
 * CloudEvents on the four topics; the API answers compliance, roll-ups, reports and documents; compliance events
 * leave through the outbox and match their contract; dashboards get server-sent events; metrics are exposed; and a
 * rebuild from the topics into fresh collections gives the same answers as live processing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", "server.shutdown=immediate",
                TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events",
        "cchc.publication.events", "cchc.compliance.events"},
        // the test's fixed clock (20/12/2026) may lie ahead of the machine's: let the broker take future timestamps
        brokerProperties = "log.message.timestamp.after.max.ms=9223372036854775807")
class ReportingFlowTest {
    static final String STATUS_CHANGED = "vn.cchc.compliance.target-status-changed.v1";
    /** Every API call carries a token: the province admin of Vĩnh Long sees the whole scenario. */
    static final String[] ADMIN = {"Authorization", TestTokens.bearer(TestTokens.provinceAdmin("vinh-long"))};

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("reporting-flow-test"));
    }

    /** 20 December 2026, 10:00 in Vietnam: the year's data is in, the annual report is due. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-20T03:00:00Z"), ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    ComplianceSweep sweep;
    @Autowired
    ReadModels models;
    @Autowired
    MongoTemplate mongo;

    /** Every event sent so far has been applied (units included) and every compliance event it caused has left. */
    void awaitEverythingProcessed() {
        ConsumerGroups.awaitCaughtUp(brokers, "reporting-service",
                "cchc.unit.events", "cchc.plan.events", "cchc.task.events", "cchc.publication.events");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !mongo.exists(Query.query(Criteria.where("pendingEvents.0").exists(true)), "target_status"));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    JsonNode getJson(String path) {
        Http.Response response = Http.get(url(path), ADMIN);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode target(JsonNode compliance, String id) {
        for (JsonNode t : compliance.get("targets")) {
            if (t.get("targetId").asString().equals(id)) {
                return t;
            }
        }
        return null;
    }

    @Test
    void theScriptedYearFromEventsToReportsAndBack() throws Exception {
        // a dashboard listens before anything happens
        List<String> sse = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/api/reports/stream?unitId=vinh-long"))).header(ADMIN[0], ADMIN[1]).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread.ofVirtual().start(() -> stream.body().forEach(sse::add));

        Scenario scenario = new Scenario(json);
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            for (Scenario.Event e : scenario.events()) {
                sender.send(e.topic(), e.type(), e.key(), e.json());
            }
        }

        String ward = "/api/reports/units/" + Scenario.WARD;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode compliance = getJson(ward + "/compliance?year=2026");
            assertThat(target(compliance, "t-web").at("/current/count").asLong()).isEqualTo(12);
            assertThat(target(compliance, "t-web").get("minimum").asInt()).isEqualTo(10);
            assertThat(compliance.at("/tasks/total").asInt()).isEqualTo(4);
            // 7 in Q1 and 11 in H1 only once r05 was recorded (03/03) and then corrected (02/04), the last publication event
            assertThat(getJson(ward + "/periodic/2026-Q1").get("items")).hasSize(7);
            assertThat(getJson(ward + "/periodic/2026-H1").get("items")).hasSize(11);
        });
        // the unit events (the communes' names below) have their own consumer: wait for all of them, not only these
        awaitEverythingProcessed();
        JsonNode compliance = getJson(ward + "/compliance?year=2026");
        assertThat(target(compliance, "t-web").at("/current/status").asString()).isEqualTo("MET");
        assertThat(target(compliance, "t-radio").at("/current/status").asString()).isEqualTo("AT_RISK");
        assertThat(target(compliance, "t-radio").at("/periods/1/status").asString()).isEqualTo("MISSED");
        // the commune page's chart: items counted per month, and the words next to the codes
        assertThat(target(compliance, "t-radio").get("monthly").valueStream().map(JsonNode::asLong))
                .containsExactly(2L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(target(compliance, "t-radio").at("/periods/1/label").asString()).isEqualTo("Tháng 2/2026");
        assertThat(target(compliance, "t-radio").at("/periods/1/statusLabel").asString()).isEqualTo("Không đạt");
        assertThat(compliance.at("/statusLabels/AT_RISK").asString()).isEqualTo("Có nguy cơ");
        // as of an earlier day, the same target is judged on what had been published by then
        assertThat(target(getJson(ward + "/compliance?year=2026&asOf=2026-03-14"), "t-radio").at("/current/count").asLong()).isEqualTo(1);

        JsonNode province = getJson("/api/reports/units/vinh-long/compliance?year=2026");
        assertThat(province.get("communes")).hasSize(2);
        assertThat(province.at("/communes/0/name").asString()).isEqualTo("Phường Phú Khương");
        assertThat(province.at("/communes/0/summary/MET").asInt()).isEqualTo(1);
        assertThat(province.at("/statusLabels/MET").asString()).isEqualTo("Đạt");

        JsonNode q1 = getJson(ward + "/periodic/2026-Q1");
        assertThat(q1.at("/period/start").asString()).isEqualTo("2025-12-15");
        assertThat(q1.at("/period/end").asString()).isEqualTo("2026-03-14");
        assertThat(q1.at("/period/label").asString()).isEqualTo("Quý I/2026");
        assertThat(q1.at("/period/reportName").asString()).isEqualTo("Báo cáo quý I năm 2026");
        assertThat(q1.get("itemsToDate")).hasSize(6);
        assertThat(q1.at("/targets/0/current/label").asString()).isEqualTo("Tháng 3/2026");
        assertThat(q1.get("items").valueStream().map(i -> i.get("title").asString())).contains("Tin bài CCHC w04")
                .doesNotContain("Tin bài CCHC w05");
        assertThat(getJson(ward + "/tasks").at("/all/done").asInt()).isEqualTo(1);
        assertThat(getJson(ward + "/score?year=2026").get("points").asDouble()).isEqualTo(0.75);

        HttpResponse<byte[]> docx = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url(ward + "/periodic/2026-Q1.docx"))).header(ADMIN[0], ADMIN[1]).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("2026-Q1.docx");
        try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx.body())))) {
            assertThat(text.getText()).contains("BÁO CÁO", "quý I năm 2026", "Nơi nhận:");
        }
        Http.Response xlsx = Http.get(url(ward + "/periodic/2026-Y.xlsx"), ADMIN);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");

        // compliance events left through the outbox, each valid against its contract
        try (TopicReader reader = new TopicReader(brokers, "cchc.compliance.events")) {
            // the outbox has sent everything (above): read the whole topic before counting
            List<ConsumerRecord<String, byte[]>> sent = reader.pollToEnd();
            assertThat(sent).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("kh-pk-2026|t-web|2026");
                assertThat(json.readTree(TopicReader.value(r)).get("status").asString()).isEqualTo("MET");
            });
            for (ConsumerRecord<String, byte[]> r : sent) {
                assertThat(TopicReader.header(r, "ce_type")).isEqualTo(STATUS_CHANGED);
                assertThat(ContractSchemas.validate(STATUS_CHANGED, TopicReader.value(r))).as(TopicReader.value(r)).isEmpty();
            }
            // February's radio target ended below its minimum: MISSED, and it said so once
            assertThat(sent).filteredOn(r -> r.key().equals("kh-pk-2026|t-radio|2026-02")
                    && json.readTree(TopicReader.value(r)).get("status").asString().equals("MISSED")).hasSize(1);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(sse).contains("event:hello").contains("event:change").contains("event:target-status"));
        stream.body().close();

        // a late redelivery of the plan as first issued (revision 1) must not bring back the old minimum
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            Scenario.Event issued = scenario.events().get(4);
            sender.send(issued.topic(), issued.type(), issued.key(), issued.json());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.get(url("/actuator/prometheus")).body())
                .containsPattern("cchc_projection_events_total\\{[^}]*outcome=\"rejected\"[^}]*projection=\"plans\"[^}]*} 1.0"));
        assertThat(target(getJson(ward + "/compliance?year=2026"), "t-web").get("minimum").asInt()).isEqualTo(10);

        sweep.refreshGauges();
        String prometheus = Http.get(url("/actuator/prometheus")).body();
        assertThat(prometheus).contains("cchc_projection_lag_seconds_bucket")
                .containsPattern("cchc_projection_events_total\\{[^}]*outcome=\"applied\"[^}]*projection=\"publication_facts\"[^}]*} 2[0-9]")
                .containsPattern("cchc_compliance_targets\\{[^}]*commune=\"vinh-long.phu-khuong\"[^}]*status=\"MISSED\"[^}]*} 10.0");

        // rebuild from the topics into fresh collections, switch over, same answers
        String before = Http.get(url(ward + "/compliance?year=2026"), ADMIN).body() + Http.get(url(ward + "/periodic/2026-Y"), ADMIN).body()
                + Http.get(url("/api/reports/units/vinh-long/compliance?year=2026"), ADMIN).body();
        int generation = models.active();
        Http.Response started = Http.postJson(url("/api/reports/admin/rebuild"), "{}", ADMIN);
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(getJson("/api/reports/admin/rebuild").get("state").asString()).isEqualTo("DONE"));
        assertThat(models.active()).isEqualTo(generation + 1);
        assertThat(getJson("/api/reports/admin/rebuild").get("eventsRead").asLong()).isEqualTo(scenario.events().size() + 1L); // + the stale redelivery
        String after = Http.get(url(ward + "/compliance?year=2026"), ADMIN).body() + Http.get(url(ward + "/periodic/2026-Y"), ADMIN).body()
                + Http.get(url("/api/reports/units/vinh-long/compliance?year=2026"), ADMIN).body();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theContractExampleIsValid() {
        assertThat(ContractSchemas.validate(STATUS_CHANGED, ContractSchemas.example(STATUS_CHANGED))).isEmpty();
    }

    @Test
    void badRequestsAreProblems() {
        Http.Response period = Http.get(url("/api/reports/units/vinh-long.phu-khuong/periodic/2026-Q9"), ADMIN);
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.header("Content-Type")).startsWith("application/problem+json");
        assertThat(period.body()).contains("period");
        Http.Response year = Http.get(url("/api/reports/units/vinh-long.phu-khuong/compliance?year=3000"), ADMIN);
        assertThat(year.status()).isEqualTo(400);
        assertThat(Http.get(url("/api/reports/units/Not_A_Unit/compliance?year=2026"), ADMIN).status()).isEqualTo(400);
    }
}
