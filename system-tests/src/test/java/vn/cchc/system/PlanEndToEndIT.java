package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;

/**
 * One plan followed end to end across the services of the real local stack, through the gateway only (and the broker
 * for the outside subscriber): a province admin adds a new commune to the unit directory (plan-service), issues a plan
 * for it with a monthly radio target and a radio programme scheduled today; task-service creates the plan's tasks; a
 * broadcast aired inside the programme's window is recorded (publication-service); task-service links it as evidence
 * and the task is DONE; reporting-service sees the target met, publishes {@code target-status-changed} on
 * {@code cchc.compliance.events}, where a plain Kafka consumer reads it, and pushes it (with the task's and the
 * publication's changes) to a live-stream subscriber of the commune.
 *
 * <p>Everything it writes belongs to a commune made for the run ({@code lai-chau.e2e-…}), so the demo data the other
 * system tests assert on is untouched and the test can run again on the same stack.
 */
@ExtendWith(LocalStack.Started.class)
class PlanEndToEndIT {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String GATEWAY = LocalStack.GATEWAY;
    static final String COMPLIANCE_TOPIC = "cchc.compliance.events";
    static final String TARGET_STATUS_CHANGED = "vn.cchc.compliance.target-status-changed.v1";
    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final String TARGET_ID = "tg-radio-monthly";
    static final String ITEM_ID = "si-doi-thoai";
    static final String CATALOGUE_TASK_ID = "tk-viet-tin";

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBroadcastInItsWindowCompletesTheTaskMeetsTheTargetAndEverySubscriberIsTold() throws Exception {
        String admin = login("admin");
        String unitId = "lai-chau.e2e-" + UUID.randomUUID().toString().substring(0, 8);
        ZonedDateTime now = ZonedDateTime.now(VIETNAM).truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = now.toLocalDate();
        // the programme runs around now, within today (Vietnam time): the broadcast may not lie in the future
        LocalTime start = now.minusHours(1).toLocalDate().equals(today) ? now.minusHours(1).toLocalTime() : LocalTime.MIN;
        LocalTime end = now.plusHours(1).toLocalDate().equals(today) ? now.plusHours(1).toLocalTime() : LocalTime.of(23, 59);
        ZonedDateTime aired = now.minusMinutes(1).isBefore(today.atTime(start).atZone(VIETNAM))
                ? today.atTime(start).atZone(VIETNAM) : now.minusMinutes(1);
        String period = today.format(DateTimeFormatter.ofPattern("yyyy-MM"));

        addCommune(unitId, admin);
        String planId = issuePlan(unitId, today, start, end, admin);

        // task-service made one task per catalogue entry and per scheduled item, from the plan event alone
        AtomicReference<List<JsonNode>> created = new AtomicReference<>();
        await("the plan's two tasks in task-service").atMost(PATIENCE).untilAsserted(() -> {
            created.set(tasksOf(planId, admin));
            assertThat(created.get()).extracting(t -> t.get("entryId").asString())
                    .containsExactlyInAnyOrder(ITEM_ID, CATALOGUE_TASK_ID);
        });
        JsonNode programme = entry(created.get(), ITEM_ID);
        String taskId = programme.get("id").asString();
        assertThat(programme.get("source").asString()).isEqualTo("SCHEDULED_ITEM");
        assertThat(programme.get("unitId").asString()).isEqualTo(unitId);
        assertThat(programme.get("status").asString()).isEqualTo("PLANNED");
        assertThat(programme.get("dueDate").asString()).isEqualTo(today.toString());
        assertThat(Instant.parse(programme.get("window").get("start").asString())).isEqualTo(today.atTime(start).atZone(VIETNAM).toInstant());
        assertThat(Instant.parse(programme.get("window").get("end").asString())).isEqualTo(today.atTime(end).atZone(VIETNAM).toInstant());
        String catalogueTaskId = entry(created.get(), CATALOGUE_TASK_ID).get("id").asString();

        try (TopicReader compliance = new TopicReader("127.0.0.1:" + LocalStack.KAFKA_PORT, COMPLIANCE_TOPIC);
             LiveStreamReader live = LiveStreamReader.open(GATEWAY + "/api/reports/stream?unitId=" + unitId, admin)) {
            // reporting-service judged the new target once already (the plan's issue): nothing counted yet this month
            AtomicReference<JsonNode> first = new AtomicReference<>();
            await("the target's first status on " + COMPLIANCE_TOPIC).atMost(PATIENCE).untilAsserted(() -> {
                List<JsonNode> statuses = targetStatuses(compliance.poll(), planId, period);
                assertThat(statuses).isNotEmpty();
                first.set(statuses.getFirst());
            });
            assertThat(first.get().get("status").asString()).isIn("ON_TRACK", "AT_RISK");
            assertThat(text(first.get(), "previousStatus")).isNull();
            assertThat(first.get().get("revision").asLong()).isEqualTo(1);
            assertThat(first.get().get("count").asLong()).isZero();

            assertThat(live.status()).as("the live stream's HTTP status").isEqualTo(200);
            await("the live stream's hello").atMost(PATIENCE).until(() -> !events(live, "hello").isEmpty());
            assertThat(json.readTree(events(live, "hello").getFirst().data()).get("scopes").valueStream().map(JsonNode::asString))
                    .containsExactly(unitId);

            String publicationId = recordBroadcast(unitId, aired, admin);

            // the task: DONE, with the broadcast as its evidence; the catalogue task, which it does not match, untouched
            await("the programme's task DONE").atMost(PATIENCE).untilAsserted(() -> {
                JsonNode task = task(taskId, admin);
                assertThat(task.get("status").asString()).isEqualTo("DONE");
                assertThat(task.get("evidence").valueStream().map(JsonNode::asString)).containsExactly(publicationId);
            });
            JsonNode other = task(catalogueTaskId, admin);
            assertThat(other.get("status").asString()).isEqualTo("PLANNED");
            assertThat(other.get("evidence").isEmpty()).isTrue();

            // the outside subscriber: the target met this month, as a CloudEvent of the published contract
            // (one key, one partition: the reader holds this target-period's events in the order they were published)
            AtomicReference<List<ConsumerRecord<String, byte[]>>> history = new AtomicReference<>();
            await("target-status-changed MET on " + COMPLIANCE_TOPIC).atMost(PATIENCE).untilAsserted(() -> {
                history.set(compliance.poll().stream().filter(r -> isTargetStatus(r, planId, period)).toList());
                assertThat(history.get()).map(r -> data(r).get("status").asString()).contains("MET");
            });
            List<String> statuses = history.get().stream().map(r -> data(r).get("status").asString()).toList();
            int metAt = statuses.indexOf("MET");
            ConsumerRecord<String, byte[]> record = history.get().get(metAt);
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(TARGET_STATUS_CHANGED);
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(record.key()).isEqualTo(planId + "|" + TARGET_ID + "|" + period);
            JsonNode event = data(record);
            assertThat(event.get("unitId").asString()).isEqualTo(unitId);
            assertThat(metAt).as("MET follows the first judgement").isPositive();
            JsonNode before = data(history.get().get(metAt - 1));
            assertThat(text(event, "previousStatus")).isEqualTo(before.get("status").asString());
            assertThat(event.get("revision").asLong()).isEqualTo(before.get("revision").asLong() + 1);
            assertThat(event.get("count").asLong()).isEqualTo(1);
            assertThat(event.get("minimum").asLong()).isEqualTo(1);
            assertThat(event.get("periodStart").asString()).isEqualTo(today.withDayOfMonth(1).toString());

            // the live stream: the same status change, the task's change and the publication's, all for this commune
            await("the live stream's events for " + unitId).atMost(PATIENCE).untilAsserted(() -> {
                assertThat(events(live, "target-status")).map(e -> json.readTree(e.data()))
                        .anySatisfy(status -> {
                            assertThat(status.get("planId").asString()).isEqualTo(planId);
                            assertThat(status.get("targetId").asString()).isEqualTo(TARGET_ID);
                            assertThat(status.get("period").asString()).isEqualTo(period);
                            assertThat(status.get("unitId").asString()).isEqualTo(unitId);
                            assertThat(status.get("status").asString()).isEqualTo("MET");
                            assertThat(status.get("revision").asLong()).isEqualTo(event.get("revision").asLong());
                        });
                List<JsonNode> changes = events(live, "change").stream().map(e -> json.readTree(e.data())).toList();
                assertThat(changes).anySatisfy(change -> {
                    assertThat(change.get("projection").asString()).isEqualTo("tasks");
                    assertThat(change.get("type").asString()).isEqualTo("vn.cchc.task.status-changed.v1");
                    assertThat(change.get("aggregateId").asString()).isEqualTo(taskId);
                    assertThat(change.get("planId").asString()).isEqualTo(planId);
                });
                assertThat(changes).anySatisfy(change -> {
                    assertThat(change.get("projection").asString()).isEqualTo("publication_facts");
                    assertThat(change.get("aggregateId").asString()).isEqualTo(publicationId);
                });
            });
            // nothing of another unit reaches a stream opened for this commune
            assertThat(events(live, "change")).map(e -> json.readTree(e.data()).get("unitId").asString()).containsOnly(unitId);
            assertThat(events(live, "target-status")).map(e -> json.readTree(e.data()).get("unitId").asString()).containsOnly(unitId);
        }
    }

    /** A new commune of Lai Châu with its own radio: the directory is plan-service's, the other services learn it from events. */
    void addCommune(String unitId, String admin) {
        Http.Response added = Http.postJson(GATEWAY + "/api/units", """
                {"unitId":"%s","name":"Xã Thử Nghiệm Liên Thông %s","kind":"COMMUNE",
                 "channels":[{"channel":"RADIO","name":"Đài truyền thanh xã","url":null}]}"""
                .formatted(unitId, unitId.substring(unitId.lastIndexOf('-') + 1)), "Authorization", admin);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    /**
     * Creates and issues the commune's plan for this year: in force from the 1st of this month, at least one radio
     * broadcast a month, a radio programme today from {@code start} to {@code end}, and an ongoing catalogue task.
     */
    String issuePlan(String unitId, LocalDate today, LocalTime start, LocalTime end, String admin) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        Http.Response draft = Http.postJson(GATEWAY + "/api/plans", """
                {"issuingUnitId":"%1$s","year":%2$d,"place":"Lai Châu","effectiveFrom":"%3$s",
                 "title":"Kế hoạch thông tin, tuyên truyền cải cách hành chính năm %2$d",
                 "targets":[{"id":"%4$s","description":"Ít nhất 01 chương trình phát thanh về CCHC mỗi tháng",
                             "kinds":["BROADCAST"],"channels":["RADIO"],"minimum":1,"period":"MONTH","scope":"SUBTREE"}],
                 "scheduledItems":[{"id":"%5$s","title":"Đối thoại về cải cách hành chính","date":"%6$s",
                                    "startTime":"%7$s","endTime":"%8$s","unitId":"%1$s","channel":"RADIO","kind":"BROADCAST"}],
                 "tasks":[{"id":"%9$s","number":"1","title":"Viết tin, bài về cải cách hành chính","leadUnitId":"%1$s",
                           "timeFrame":{"type":"ONGOING"},"products":["Tin, bài"]}]}"""
                .formatted(unitId, today.getYear(), today.withDayOfMonth(1), TARGET_ID, ITEM_ID, today,
                        start.format(hhmm), end.format(hhmm), CATALOGUE_TASK_ID), "Authorization", admin);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String planId = json.readTree(draft.body()).get("id").asString();

        Http.Response issued = Http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/plans/" + planId + "/issue"))
                .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", admin);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JsonNode plan = json.readTree(issued.body());
        assertThat(plan.get("status").asString()).isEqualTo("ISSUED");
        assertThat(plan.get("revision").asLong()).isEqualTo(1);
        return planId;
    }

    /**
     * Records the programme as aired: publication-service accepts it once the new commune has reached its copy of the
     * directory (until then 400 unknown-unit, nothing stored); the idempotency key makes a retry harmless.
     */
    String recordBroadcast(String unitId, ZonedDateTime aired, String admin) {
        String key = "e2e-" + UUID.randomUUID();
        String body = """
                {"unitId":"%s","channel":"RADIO","kind":"BROADCAST","title":"Chuyên mục Đối thoại về cải cách hành chính",
                 "publishedAt":"%s","durationSeconds":1800}""".formatted(unitId, aired.toOffsetDateTime());
        AtomicReference<Http.Response> recorded = new AtomicReference<>();
        await("the broadcast recorded").atMost(PATIENCE).untilAsserted(() -> {
            recorded.set(Http.postJson(GATEWAY + "/api/publications", body, "Authorization", admin, "Idempotency-Key", key));
            assertThat(recorded.get().status()).as(recorded.get().body()).isIn(200, 201);
        });
        return json.readTree(recorded.get().body()).get("id").asString();
    }

    List<JsonNode> tasksOf(String planId, String admin) {
        Http.Response response = Http.get(GATEWAY + "/api/tasks?plan=" + planId, "Authorization", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).valueStream().toList();
    }

    JsonNode task(String taskId, String admin) {
        Http.Response response = Http.get(GATEWAY + "/api/tasks/" + taskId, "Authorization", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static JsonNode entry(List<JsonNode> tasks, String entryId) {
        return tasks.stream().filter(t -> entryId.equals(t.get("entryId").asString())).findFirst().orElseThrow();
    }

    List<JsonNode> targetStatuses(List<ConsumerRecord<String, byte[]>> records, String planId, String period) {
        return records.stream().filter(r -> isTargetStatus(r, planId, period)).map(this::data).toList();
    }

    boolean isTargetStatus(ConsumerRecord<String, byte[]> record, String planId, String period) {
        if (!TARGET_STATUS_CHANGED.equals(TopicReader.header(record, "ce_type"))) {
            return false;
        }
        JsonNode data = data(record);
        return planId.equals(data.path("planId").asString(null)) && TARGET_ID.equals(data.path("targetId").asString(null))
                && period.equals(data.path("period").asString(null));
    }

    /** A text field, null when the event holds null or leaves it out. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    JsonNode data(ConsumerRecord<String, byte[]> record) {
        return json.readTree(TopicReader.value(record));
    }

    static List<LiveStreamReader.Event> events(LiveStreamReader live, String name) {
        return live.events().stream().filter(e -> e.name().equals(name)).toList();
    }

    /** One token for the whole run: logging in on every poll would run into the gateway's rate limit. */
    String login(String username) {
        Http.Response response = Http.postJson(GATEWAY + "/api/auth/token",
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, DemoAccounts.password(username)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return "Bearer " + json.readTree(response.body()).get("access_token").asString();
    }
}
