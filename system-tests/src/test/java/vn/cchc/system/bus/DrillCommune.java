package vn.cchc.system.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;

/**
 * A commune of the drill's own ({@code lai-chau.bus-…}, added under Lai Châu by the province admin), so the drill's
 * records touch no count another system test asserts on and the drill can run again on the same stack. Keeps the
 * ground truth of what was recorded through the API: the channel of every item that counts (retracted ones do not).
 */
final class DrillCommune {
    static final String ADMIN = "admin";

    final String unitId;
    /** Item id → channel, for every item recorded and not retracted. */
    private final Map<String, String> counted = new HashMap<>();

    private DrillCommune(String unitId) {
        this.unitId = unitId;
    }

    static DrillCommune create(String drill) {
        String unitId = "lai-chau.bus-" + drill + "-" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response added = Http.postJson(BusStack.GATEWAY + "/api/units", """
                {"unitId":"%s","name":"Xã Diễn Tập %s","kind":"COMMUNE",
                 "channels":[{"channel":"WEBSITE","name":"Trang thông tin điện tử xã","url":"https://%s.laichau.gov.vn"},
                             {"channel":"RADIO","name":"Đài truyền thanh xã","url":null}]}"""
                .formatted(unitId, drill, unitId.substring(unitId.indexOf('.') + 1)), "Authorization", BusStack.bearer(ADMIN));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return new DrillCommune(unitId);
    }

    /**
     * Records a website article published {@code minutesAgo} minutes ago; publication-service accepts it once the new
     * commune has reached its copy of the unit directory (until then 400, nothing stored; the idempotency key makes the
     * retries harmless). Returns the item's id and ETag.
     */
    String[] record(String title, long minutesAgo) {
        String key = "bus-" + UUID.randomUUID();
        String body = """
                {"unitId":"%s","channel":"WEBSITE","kind":"ARTICLE","title":"%s","url":"https://%s.laichau.gov.vn/tin/%s",
                 "publishedAt":"%s","confirmDuplicate":true}""".formatted(unitId, title, unitId.substring(unitId.indexOf('.') + 1),
                UUID.randomUUID(), ZonedDateTime.now(BusStack.VIETNAM).minusMinutes(minutesAgo).truncatedTo(ChronoUnit.SECONDS)
                        .toOffsetDateTime());
        AtomicReference<Http.Response> recorded = new AtomicReference<>();
        await("the item recorded").atMost(BusStack.WAIT).untilAsserted(() -> {
            recorded.set(Http.postJson(BusStack.GATEWAY + "/api/publications", body, "Authorization", BusStack.bearer(ADMIN),
                    "Idempotency-Key", key));
            assertThat(recorded.get().status()).as(recorded.get().body()).isIn(200, 201);
        });
        String id = BusStack.json(recorded.get()).get("id").asString();
        counted.put(id, "WEBSITE");
        return new String[] {id, recorded.get().header("ETag")};
    }

    /** Corrects an item into a radio broadcast (another channel: a stale revision applied after it would show). */
    String correctToRadio(String id, String etag, String title) {
        String body = """
                {"unitId":"%s","channel":"RADIO","kind":"BROADCAST","title":"%s","durationSeconds":900,
                 "publishedAt":"%s","confirmDuplicate":true}""".formatted(unitId, title,
                ZonedDateTime.now(BusStack.VIETNAM).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime());
        Http.Response corrected = Http.putJson(BusStack.GATEWAY + "/api/publications/" + id, body,
                "Authorization", BusStack.bearer(ADMIN), "If-Match", etag);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        counted.put(id, "RADIO");
        return corrected.header("ETag");
    }

    void retract(String id, String etag) {
        Http.Response retracted = Http.postJson(BusStack.GATEWAY + "/api/publications/" + id + "/retraction",
                "{\"reason\":\"Đăng nhầm, diễn tập thu hồi\"}", "Authorization", BusStack.bearer(ADMIN), "If-Match", etag);
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(200);
        counted.remove(id);
    }

    /** An item put on the bus by the drill itself (a valid event produced by hand) that must count. */
    void expectCounted(String id) {
        counted.put(id, "WEBSITE");
    }

    /** Ground truth: items that count, per channel. */
    Map<String, Long> expectedByChannel() {
        Map<String, Long> byChannel = new TreeMap<>();
        counted.values().forEach(channel -> byChannel.merge(channel, 1L, Long::sum));
        return byChannel;
    }

    long expectedTotal() {
        return counted.size();
    }

    /** The reporting read model's counts of the commune this year. */
    JsonNode counts() {
        Http.Response counts = Http.get(BusStack.GATEWAY + "/api/reports/units/" + unitId + "/counts?year=" + BusStack.year(),
                "Authorization", BusStack.bearer(ADMIN));
        assertThat(counts.status()).as(counts.body()).isEqualTo(200);
        return BusStack.json(counts);
    }

    Map<String, Long> countedByChannel() {
        Map<String, Long> byChannel = new TreeMap<>();
        counts().get("byChannel").properties().forEach(e -> {
            if (e.getValue().asLong() > 0) {
                byChannel.put(e.getKey(), e.getValue().asLong());
            }
        });
        return byChannel;
    }

    /** Waits until reporting counts exactly the ground truth, then until every consumer is past the end of its topics. */
    void awaitCountsMatchTruth() {
        await("the counts of " + unitId + " equal to what was recorded").atMost(BusStack.WAIT)
                .until(() -> countedByChannel().equals(expectedByChannel()));
        BusStack.awaitConsumers();
    }

    /** Asserts 0 lost, 0 doubled: the counts are exactly the ground truth, in total and per channel. */
    void assertCountsEqualTruth(String after) {
        JsonNode counts = counts();
        assertThat(counts.get("total").asLong()).as("total after %s (0 lost, 0 doubled)", after).isEqualTo(expectedTotal());
        assertThat(countedByChannel()).as("per channel after %s", after).isEqualTo(expectedByChannel());
    }

    /** Issues a plan of the commune with one task; returns the plan id. */
    String issuePlanWithOneTask() {
        int year = BusStack.year();
        Http.Response draft = Http.postJson(BusStack.GATEWAY + "/api/plans", """
                {"issuingUnitId":"%1$s","year":%2$d,"title":"Kế hoạch tuyên truyền cải cách hành chính năm %2$d (diễn tập)",
                 "tasks":[{"id":"bus-task","number":"1","title":"Viết tin, bài về cải cách hành chính","leadUnitId":"%1$s",
                           "timeFrame":{"type":"ONGOING"},"products":["Tin, bài"]}]}""".formatted(unitId, year),
                "Authorization", BusStack.bearer(ADMIN));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String planId = BusStack.json(draft).get("id").asString();
        Http.Response issued = BusStack.post(BusStack.GATEWAY + "/api/plans/" + planId + "/issue", ADMIN);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return planId;
    }

    /** How many tasks of the commune reporting-service knows. */
    int reportedTasks() {
        Http.Response tasks = Http.get(BusStack.GATEWAY + "/api/reports/units/" + unitId + "/tasks",
                "Authorization", BusStack.bearer(ADMIN));
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        return BusStack.json(tasks).get("all").get("total").asInt();
    }

    static List<String> ids(List<String[]> recorded) {
        return recorded.stream().map(r -> r[0]).toList();
    }
}
