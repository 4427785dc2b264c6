package vn.cchc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.task.tasks.Task;
import vn.cchc.task.tasks.TaskStatus;
import vn.cchc.security.test.TestTokens;

/**
 * The service checks tokens itself (a call that bypasses the gateway gets nothing), reads only within the caller's
 * units, and answers writes outside them with 404 (a role problem inside them with 403) before touching the document or the topic.
 */
class TaskSecurityTest extends ServiceTestBase {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String BAC_BINH = "lam-dong.bac-binh";
    static final String RADIO_UNIT = "lam-dong.bac-binh.dai-truyen-thanh";

    String issue(String file, String prefix, int expected) {
        String planId = unique(prefix);
        sendPlan("vn.cchc.plan.issued.v1", plan(file, planId, 1));
        await().atMost(WAIT).until(() -> tasks.findByPlanId(planId).size() == expected);
        return planId;
    }

    List<ConsumerRecord<String, byte[]>> eventsOf(String taskId) {
        return taskEvents.poll().stream().filter(r -> taskId.equals(r.key())).toList();
    }

    /** The task's events, each event id once. */
    List<ConsumerRecord<String, byte[]>> distinct(String taskId) {
        Map<String, ConsumerRecord<String, byte[]>> byId = new java.util.LinkedHashMap<>();
        eventsOf(taskId).forEach(r -> byId.putIfAbsent(TopicReader.header(r, "ce_id"), r));
        return List.copyOf(byId.values());
    }

    /** What a refused call must leave alone: the whole stored state, version (changed by every write) included. */
    record Snapshot(Long version, long revision, TaskStatus status, Object dueDate, int notes, int audit) {
        static Snapshot of(Task t) {
            return new Snapshot(t.getVersion(), t.getRevision(), t.getStatus(), t.getDueDate(), t.getNotes().size(),
                    t.getAudit().size());
        }
    }

    Map<String, Snapshot> snapshot(List<String> ids) {
        return ids.stream().collect(Collectors.toMap(Function.identity(),
                id -> Snapshot.of(tasks.findById(id).orElseThrow())));
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void withoutAValidTokenEveryApiCallIs401AndChangesNothing() {
        String planId = issue("bac-binh-2026.issued.json", "bac-binh", 15);
        String radio = task(planId, "radio-01").getId();
        String onResults = task(planId, "nv-3").getId();
        Map<String, Snapshot> before = snapshot(List.of(radio, onResults));

        List<String> user = List.of("COORDINATOR");
        List<String> units = List.of(BAC_BINH);
        List<String[]> badHeaders = List.of(
                new String[0],
                as(TestTokens.expired("coordinator-lam-dong.bac-binh", user, units)),
                as(TestTokens.wronglySigned("coordinator-lam-dong.bac-binh", user, units)),
                as(TestTokens.tampered("coordinator-lam-dong.bac-binh", user, units)),
                as(TestTokens.malformed()),
                new String[] {"Authorization", "Basic YWRtaW46QWRtaW5AMjAyNg=="});
        for (String[] headers : badHeaders) {
            assertProblem(Http.get(api(), headers), 401);
            assertProblem(Http.get(api() + "/" + radio, headers), 401);
            assertProblem(Http.get(api() + "/" + radio + "/audit", headers), 401);
            assertProblem(Http.get(api() + "/calendar/lam-dong.bac-binh.ics", headers), 401);
            assertProblem(Http.putJson(api() + "/" + radio + "/status", "{\"status\":\"IN_PROGRESS\"}", headers), 401);
            assertProblem(Http.postJson(api() + "/" + radio + "/notes", "{\"author\":\"X\",\"text\":\"Y\"}", headers), 401);
            assertProblem(Http.postJson(api() + "/" + onResults + "/trigger", "{\"dueDate\":\"2026-06-15\"}", headers), 401);
        }
        Http.Response none = Http.get(api());
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");

        // OPS reads metrics, never business data; health and metrics stay open without a token
        assertProblem(Http.get(api(), as(TestTokens.ops())), 403);
        assertProblem(Http.get(api() + "/" + radio, as(TestTokens.ops())), 403);
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health").status()).isNotIn(401, 403);
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/prometheus").status()).isEqualTo(200);
        Http.Response openApi = Http.get("http://127.0.0.1:" + port + "/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).as("the caller comes from the token, not from parameters")
                .contains("/api/tasks/{id}/audit").doesNotContain("\"name\":\"user\"", "\"name\":\"scopes\"");

        assertThat(snapshot(List.of(radio, onResults))).isEqualTo(before);
    }

    @Test
    void readsNeverShowOtherUnitsTasks() throws Exception {
        String bacBinh = issue("bac-binh-2026.issued.json", "bac-binh", 15);
        String tienMinh = issue("tien-minh-2026.issued.json", "tien-minh", 5);
        String bacBinhTask = task(bacBinh, "nv-1").getId();
        String tienMinhCoordinator = TestTokens.coordinator("hai-phong.tien-minh");

        JsonNode all = json.readTree(Http.get(api(), as(tienMinhCoordinator)).body());
        assertThat(all.findValuesAsString("unitId")).isNotEmpty()
                .allSatisfy(unit -> assertThat(unit).startsWith("hai-phong.tien-minh."));
        assertThat(all.findValuesAsString("planId")).contains(tienMinh).doesNotContain(bacBinh);
        // filters narrow the scope, never widen it
        assertThat(json.readTree(Http.get(api() + "?plan=" + bacBinh, as(tienMinhCoordinator)).body()).size()).isZero();
        assertThat(json.readTree(Http.get(api() + "?unit=lam-dong", as(tienMinhCoordinator)).body()).size()).isZero();
        assertThat(json.readTree(Http.get(api() + "?plan=" + tienMinh + "&unit=hai-phong", as(tienMinhCoordinator))
                .body()).size()).isEqualTo(5);

        // a unit's editor sees its own subtree only; whole segments: "lam-dong.bac-binh-2" is not "lam-dong.bac-binh"
        JsonNode radioOnly = json.readTree(Http.get(api() + "?plan=" + bacBinh, as(TestTokens.editor(RADIO_UNIT))).body());
        assertThat(radioOnly.size()).isEqualTo(11);
        assertThat(radioOnly.findValuesAsString("unitId")).containsOnly(RADIO_UNIT);
        assertThat(json.readTree(Http.get(api() + "?plan=" + bacBinh,
                as(TestTokens.coordinator("lam-dong.bac-binh-2"))).body()).size()).isZero();
        assertThat(json.readTree(Http.get(api() + "?plan=" + bacBinh, as(TestTokens.viewer("lam-dong"))).body()).size())
                .isEqualTo(15);

        // a single task outside the caller's units is answered as if it did not exist
        Http.Response hidden = Http.get(api() + "/" + bacBinhTask, as(tienMinhCoordinator));
        assertProblem(hidden, 404);
        assertThat(hidden.body()).doesNotContain("lam-dong");
        assertProblem(Http.get(api() + "/" + bacBinhTask + "/audit", as(tienMinhCoordinator)), 404);
        assertProblem(Http.get(api() + "/" + bacBinhTask, as(TestTokens.editor(RADIO_UNIT))), 404);
        assertThat(Http.get(api() + "/" + bacBinhTask, as(TestTokens.coordinator(BAC_BINH))).status()).isEqualTo(200);

        // the calendar feed: another commune's feed is empty, a province feed holds only the caller's units
        Http.Response foreign = Http.get(api() + "/calendar/lam-dong.bac-binh.ics", as(tienMinhCoordinator));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(new CalendarBuilder().build(new StringReader(foreign.body())).<VEvent>getComponents("VEVENT")).isEmpty();
        Http.Response province = Http.get(api() + "/calendar/lam-dong.ics", as(TestTokens.editor(RADIO_UNIT)));
        List<VEvent> events = new CalendarBuilder().build(new StringReader(province.body())).getComponents("VEVENT");
        assertThat(events).hasSize(11).allSatisfy(e -> assertThat(TaskApiTest.summary(e)).contains("Đối thoại"));
    }

    @Test
    void writesOutsideTheCallersUnitsAre404OrRolesAre403AndChangeNothing() {
        String planId = issue("bac-binh-2026.issued.json", "bac-binh", 15);
        String radio = task(planId, "radio-01").getId();         // lam-dong.bac-binh.dai-truyen-thanh
        String catalogue = task(planId, "nv-1").getId();         // lam-dong.bac-binh.vhxh
        String onResults = task(planId, "nv-3").getId();         // "when results are published"
        List<String> ids = List.of(radio, catalogue, onResults);
        for (String id : ids) {
            await().atMost(WAIT).until(() -> eventsOf(id).size() == 1); // the created events are out
        }
        Map<String, Snapshot> before = snapshot(ids);

        String status = "{\"status\":\"IN_PROGRESS\",\"author\":\"X\",\"note\":\"Y\"}";
        String note = "{\"author\":\"Nguyễn Văn A\",\"text\":\"Đã đăng\"}";
        String trigger = "{\"dueDate\":\"2026-06-15\"}";
        List<String> otherCommune = List.of(TestTokens.coordinator("hai-phong.tien-minh"),
                TestTokens.provinceAdmin("hai-phong"), TestTokens.coordinator("lam-dong.bac-binh-2"),
                TestTokens.editor("hai-phong.tien-minh"));
        for (String token : otherCommune) {
            // another unit's task is answered as if it did not exist, on writes as on reads
            assertProblem(Http.putJson(api() + "/" + radio + "/status", status, as(token)), 404);
            assertProblem(Http.postJson(api() + "/" + radio + "/notes", note, as(token)), 404);
            assertProblem(Http.postJson(api() + "/" + onResults + "/trigger", trigger, as(token)), 404);
        }
        // editors report progress but do not manage tasks (403: a role problem on their own units); a sibling unit's
        // task is outside an office editor's units (404)
        String communeEditor = TestTokens.editor(BAC_BINH);
        assertProblem(Http.putJson(api() + "/" + radio + "/status", "{\"status\":\"DONE\"}", as(communeEditor)), 403);
        assertProblem(Http.postJson(api() + "/" + onResults + "/trigger", trigger, as(communeEditor)), 403);
        assertProblem(Http.postJson(api() + "/" + radio + "/notes", note, as(TestTokens.editor("lam-dong.bac-binh.vhxh"))), 404);
        assertProblem(Http.putJson(api() + "/" + catalogue + "/status", status, as(TestTokens.editor(RADIO_UNIT))), 404);
        // viewers and OPS never write
        for (String token : List.of(TestTokens.viewer("lam-dong"), TestTokens.ops())) {
            assertProblem(Http.putJson(api() + "/" + catalogue + "/status", status, as(token)), 403);
            assertProblem(Http.postJson(api() + "/" + catalogue + "/notes", note, as(token)), 403);
            assertProblem(Http.postJson(api() + "/" + onResults + "/trigger", trigger, as(token)), 403);
        }
        // the scope is checked before If-Match: a refused caller learns nothing about the version either
        Http.Response staleAndForeign = Http.putJson(api() + "/" + radio + "/status", status,
                as(TestTokens.coordinator("hai-phong.tien-minh"), "If-Match", "\"999\""));
        assertProblem(staleAndForeign, 404);
        // and a task that exists outside the caller's units gets the very answer of one that does not exist
        Http.Response absent = Http.putJson(api() + "/" + java.util.UUID.randomUUID() + "/status", status,
                as(TestTokens.coordinator("hai-phong.tien-minh")));
        assertProblem(absent, 404);
        assertThat(json.readTree(staleAndForeign.body()).get("title").asString())
                .isEqualTo(json.readTree(absent.body()).get("title").asString());

        assertThat(snapshot(ids)).as("the store is unchanged").isEqualTo(before);

        // the commune's coordinator manages the tasks of the units beneath the commune; its editors note progress
        String coordinator = TestTokens.coordinator(BAC_BINH);
        assertThat(Http.putJson(api() + "/" + radio + "/status", "{\"status\":\"IN_PROGRESS\"}", as(coordinator)).status())
                .isEqualTo(200);
        assertThat(Http.postJson(api() + "/" + onResults + "/trigger", trigger, as(coordinator)).status()).isEqualTo(200);
        assertThat(Http.postJson(api() + "/" + radio + "/notes", note, as(communeEditor)).status()).isEqualTo(200);
        assertThat(Http.postJson(api() + "/" + radio + "/notes", note, as(TestTokens.editor(RADIO_UNIT))).status())
                .isEqualTo(200);
        assertThat(Http.postJson(api() + "/" + catalogue + "/notes", note, as(TestTokens.editor("lam-dong.bac-binh.vhxh")))
                .status()).isEqualTo(200);

        // the topic: after the created event, only what the allowed calls did (a note emits nothing). Delivery is
        // at-least-once (a write racing the relay can republish an event), so events are told apart by their id.
        await().atMost(WAIT).until(() -> distinct(radio).size() == 2 && distinct(onResults).size() == 2);
        taskEvents.poll();
        assertThat(distinct(radio)).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly("vn.cchc.task.created.v1", "vn.cchc.task.status-changed.v1");
        assertThat(json.readTree(TopicReader.value(distinct(radio).get(1))).get("revision").asLong()).isEqualTo(2);
        assertThat(json.readTree(TopicReader.value(distinct(onResults).get(1))).get("dueDate").asString())
                .isEqualTo("2026-06-15");
        assertThat(distinct(onResults)).hasSize(2);
        assertThat(distinct(catalogue)).hasSize(1);

        JsonNode audit = json.readTree(Http.get(api() + "/" + radio + "/audit", as(TestTokens.viewer("lam-dong"))).body());
        assertThat(audit.findValuesAsString("by")).containsExactly("coordinator-lam-dong.bac-binh",
                "editor-lam-dong.bac-binh", "editor-" + RADIO_UNIT);
        assertThat(audit.findValuesAsString("action")).containsExactly("STATUS_CHANGED", "NOTE_ADDED", "NOTE_ADDED");
    }
}
