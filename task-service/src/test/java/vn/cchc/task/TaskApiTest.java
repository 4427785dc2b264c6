package vn.cchc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.security.test.TestTokens;
import vn.cchc.task.tasks.TaskStatus;

/** The HTTP API and the iCalendar feed, over real HTTP. */
class TaskApiTest extends ServiceTestBase {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    String issue(String file) {
        String planId = unique(file.substring(0, file.indexOf('-', file.indexOf('-') + 1)));
        var plan = plan(file, planId, 1);
        sendPlan("vn.cchc.plan.issued.v1", plan);
        int expected = plan.get("tasks").size() + plan.get("scheduledItems").size();
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.findByPlanId(planId).size() == expected);
        return planId;
    }

    JsonNode list(String query) {
        Http.Response response = Http.get(api() + query, as(ADMIN));
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void listsByPlanUnitSubtreeStatusAndDueRange() {
        String bacBinh = issue("bac-binh-2026.issued.json");
        String tienMinh = issue("tien-minh-2026.issued.json");

        assertThat(list("?plan=" + bacBinh).size()).isEqualTo(15);
        assertThat(list("?unit=lam-dong.bac-binh").size()).isEqualTo(15);
        assertThat(list("?unit=lam-dong.bac-binh.dai-truyen-thanh").size()).isEqualTo(11);
        assertThat(list("?unit=hai-phong").size()).isEqualTo(5);
        JsonNode firstQuarter = list("?unit=lam-dong.bac-binh&dueFrom=2026-01-01&dueTo=2026-03-31");
        assertThat(firstQuarter.findValuesAsString("entryId")).containsExactly("radio-01", "radio-02", "nv-1");
        JsonNode november = list("?plan=" + tienMinh + "&dueFrom=2026-11-01&dueTo=2026-11-30");
        assertThat(november.size()).isEqualTo(1);
        assertThat(november.get(0).get("timeFrame").get("text").asString()).isEqualTo("Tháng 11/2026");
        assertThat(list("?plan=" + bacBinh + "&status=DONE").size()).isZero();
        JsonNode ongoing = list("?plan=" + bacBinh).findParents("entryId").stream()
                .filter(t -> t.get("entryId").asString().equals("nv-4")).findFirst().orElseThrow();
        assertThat(ongoing.get("dueDate").isNull()).isTrue();
        assertThat(ongoing.get("reviewBy").asString()).as("first reporting cut-off after 10/01/2026").isEqualTo("2026-03-14");
        assertThat(list("?plan=" + bacBinh + "&status=PLANNED,DONE").size()).isEqualTo(15);
    }

    @Test
    void statusChangesAndNotesGoThroughTheApi() {
        String planId = issue("bac-binh-2026.issued.json");
        String id = task(planId, "nv-1").getId();

        Http.Response started = Http.putJson(api() + "/" + id + "/status",
                "{\"status\":\"IN_PROGRESS\",\"author\":\"Lê Văn Cường\",\"note\":\"Đã dựng khung chuyên mục\"}",
                as(TestTokens.coordinator("lam-dong.bac-binh")));
        assertThat(started.status()).isEqualTo(200);
        assertThat(json.readTree(started.body()).get("status").asString()).isEqualTo("IN_PROGRESS");

        Http.Response noted = Http.postJson(api() + "/" + id + "/notes",
                "{\"author\":\"Phạm Thị Dung\",\"text\":\"Đăng 3 bài đầu tiên\"}",
                as(TestTokens.editor("lam-dong.bac-binh.vhxh"))); // the lead unit's editor reports progress
        assertThat(noted.status()).isEqualTo(200);
        JsonNode notes = json.readTree(noted.body()).get("notes");
        assertThat(notes.findValuesAsString("author")).containsExactly("Lê Văn Cường", "Phạm Thị Dung");
        assertThat(notes.get(1).get("at").asString()).isEqualTo(TestClock.START.toString());

        // a change made from a stale copy is refused (412) and changes nothing
        String etag = Http.get(api() + "/" + id, as(ADMIN)).header("ETag");
        assertThat(etag).isEqualTo(noted.header("ETag"));
        Http.Response stale = Http.putJson(api() + "/" + id + "/status", "{\"status\":\"DONE\"}", as(ADMIN, "If-Match", started.header("ETag")));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");

        Http.Response done = Http.putJson(api() + "/" + id + "/status", "{\"status\":\"DONE\"}", as(ADMIN, "If-Match", etag));
        assertThat(json.readTree(done.body()).get("status").asString()).isEqualTo("DONE");
        assertThat(json.readTree(done.body()).get("previousStatus").asString()).isEqualTo("IN_PROGRESS");
        assertThat(json.readTree(done.body()).get("revision").asLong()).isEqualTo(3);

        // the audit trail: who (from the token), when (the clock), what; readable like the task itself
        Http.Response audit = Http.get(api() + "/" + id + "/audit", as(TestTokens.viewer("lam-dong")));
        assertThat(audit.status()).isEqualTo(200);
        JsonNode entries = json.readTree(audit.body());
        assertThat(entries.findValuesAsString("action"))
                .containsExactly("STATUS_CHANGED", "NOTE_ADDED", "NOTE_ADDED", "STATUS_CHANGED");
        assertThat(entries.findValuesAsString("by")).containsExactly("coordinator-lam-dong.bac-binh",
                "coordinator-lam-dong.bac-binh", "editor-lam-dong.bac-binh.vhxh", "admin");
        assertThat(entries.get(0).get("from").asString()).isEqualTo("PLANNED");
        assertThat(entries.get(0).get("to").asString()).isEqualTo("IN_PROGRESS");
        assertThat(entries.get(2).get("note").asString()).isEqualTo("Đăng 3 bài đầu tiên");
        assertThat(entries.get(3).get("to").asString()).isEqualTo("DONE");
        assertThat(entries.findValuesAsString("at")).containsOnly(TestClock.START.toString());
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        String planId = issue("bac-binh-2026.issued.json");
        String id = task(planId, "nv-1").getId();

        Http.Response overdue = Http.putJson(api() + "/" + id + "/status", "{\"status\":\"OVERDUE\"}", as(ADMIN));
        assertThat(overdue.status()).isEqualTo(400);
        assertThat(overdue.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json.readTree(overdue.body()).get("errors").get(0).get("field").asString()).isEqualTo("status");

        Http.Response unknown = Http.putJson(api() + "/" + id + "/status", "{\"status\":\"FINISHED\"}", as(ADMIN));
        assertThat(unknown.status()).isEqualTo(400);
        Http.Response blankNote = Http.postJson(api() + "/" + id + "/notes", "{\"author\":\" \",\"text\":\"\"}", as(ADMIN));
        assertThat(blankNote.status()).isEqualTo(400);
        assertThat(json.readTree(blankNote.body()).get("errors").findValuesAsString("field")).contains("author", "text");
        Http.Response noAuthor = Http.putJson(api() + "/" + id + "/status", "{\"status\":\"IN_PROGRESS\",\"note\":\"x\"}", as(ADMIN));
        assertThat(noAuthor.status()).isEqualTo(400);
        assertThat(Http.get(api() + "?unit=Lam%20Dong", as(ADMIN)).status()).isEqualTo(400);
        assertThat(Http.get(api() + "?dueFrom=2026-13-01", as(ADMIN)).status()).isEqualTo(400);
        assertThat(Http.get(api() + "?status=LATE", as(ADMIN)).status()).isEqualTo(400);
        assertThat(Http.get(api() + "/no-such-task", as(ADMIN)).status()).isEqualTo(404);

        Http.Response notOnResults = Http.postJson(api() + "/" + id + "/trigger", "{\"dueDate\":\"2026-06-30\"}", as(ADMIN));
        assertThat(notOnResults.status()).isEqualTo(409);

        var unchanged = task(planId, "nv-1");
        assertThat(unchanged.getStatus()).isEqualTo(TaskStatus.PLANNED);
        assertThat(unchanged.getRevision()).isEqualTo(1);
        assertThat(unchanged.getNotes()).isEmpty();
        assertThat(unchanged.getAudit()).isEmpty();
    }

    @Test
    void aTaskDueWhenResultsArePublishedIsTriggeredWithItsDueDate() {
        String planId = issue("lai-chau-vp-2026.issued.json");
        String id = task(planId, "nv-3").getId();
        assertThat(task(planId, "nv-3").getDueDate()).isNull();

        Http.Response missing = Http.postJson(api() + "/" + id + "/trigger", "{}", as(ADMIN));
        assertThat(missing.status()).isEqualTo(400);
        Http.Response triggered = Http.postJson(api() + "/" + id + "/trigger", "{\"dueDate\":\"2026-06-15\"}", as(ADMIN));
        assertThat(triggered.status()).isEqualTo(200);
        assertThat(json.readTree(triggered.body()).get("dueDate").asString()).isEqualTo("2026-06-15");
        assertThat(task(planId, "nv-3").getDueDate()).isEqualTo(LocalDate.of(2026, 6, 15));
        JsonNode audit = json.readTree(Http.get(api() + "/" + id + "/audit", as(ADMIN)).body());
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("TRIGGERED");
        assertThat(audit.get(0).get("by").asString()).isEqualTo("admin");
        assertThat(audit.get(0).get("from").isNull()).isTrue();
        assertThat(audit.get(0).get("to").asString()).isEqualTo("2026-06-15");
        assertThat(task(planId, "nv-1").getDueDate()).as("Tháng 4/2026").isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void theCalendarFeedParsesAndHoldsTheElevenRadioProgrammesAt2015VietnamTime() throws Exception {
        issue("bac-binh-2026.issued.json");
        issue("tien-minh-2026.issued.json");

        Http.Response response = Http.get(api() + "/calendar/lam-dong.bac-binh.ics", as(ADMIN));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/calendar");

        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        // 11 programmes + the two catalogue tasks with a due date (the ongoing and "when results" ones have none)
        assertThat(events).hasSize(13);
        List<VEvent> programmes = events.stream()
                .filter(e -> summary(e).contains("Đối thoại về cải cách hành chính")).toList();
        assertThat(programmes).hasSize(11);
        assertThat(programmes.stream().map(e -> start(e).toLocalDate().toString()).sorted().toList()).containsExactly(
                "2026-01-23", "2026-03-13", "2026-04-10", "2026-05-08", "2026-06-12", "2026-07-10",
                "2026-08-14", "2026-09-11", "2026-10-09", "2026-11-13", "2026-12-11");
        assertThat(programmes).allSatisfy(e -> {
            assertThat(start(e).toLocalTime()).isEqualTo(LocalTime.of(20, 15));
            assertThat(end(e).toLocalTime()).isEqualTo(LocalTime.of(20, 45));
            assertThat(e.getProperty(Property.UID).orElseThrow().getValue()).endsWith("@task-service.cchc.vn");
            assertThat(e.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).contains("Trạng thái: Chưa thực hiện");
        });
        assertThat(response.body()).contains("TZID=Asia/Ho_Chi_Minh").contains("BEGIN:VTIMEZONE");
        assertThat(events).filteredOn(e -> summary(e).contains("Hội thi tìm hiểu")).singleElement()
                .satisfies(e -> assertThat(e.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 11, 30)));

        assertThat(Http.get(api() + "/calendar/Bac%20Binh.ics", as(ADMIN)).status()).isEqualTo(400);
    }

    @Test
    void thePlanEventsNewShapeGivesRangeAndHalfYearDueDatesInTheFeedAndShowsTheGroupLead() throws Exception {
        String planId = issue("tan-hanh-2026.v2-shape.issued.json");
        JsonNode all = list("?plan=" + planId);
        assertThat(all.size()).isEqualTo(8);
        JsonNode group = all.findParents("entryId").stream()
                .filter(t -> t.get("entryId").asString().equals("nv-4")).findFirst().orElseThrow();
        assertThat(group.get("unitId").asString()).isEqualTo("vinh-long.tan-hanh");
        assertThat(group.get("leadName").asString()).isEqualTo("Các cơ quan, đơn vị có liên quan");
        assertThat(group.get("reviewBy").asString()).as("ongoing: reviewed at the period's cut-off").isNotBlank();
        JsonNode recurring = all.findParents("entryId").stream()
                .filter(t -> t.get("entryId").asString().equals("nv-5")).findFirst().orElseThrow();
        assertThat(recurring.get("dueDate").isNull()).isTrue();
        assertThat(recurring.get("reviewBy").asString()).as("recurring: reviewed like ongoing").isNotBlank();
        assertThat(recurring.get("timeFrame").get("recurrence").asString()).isEqualTo("MONTHLY");

        Http.Response response = Http.get(api() + "/calendar/vinh-long.tan-hanh.ics", as(ADMIN));
        assertThat(response.status()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<VEvent> events = calendar.getComponents("VEVENT");
        // RANGE, the two HALF_YEARs and the loudspeaker programme; ongoing, recurring, per-province and unknown: none
        assertThat(events).hasSize(4);
        assertThat(events).filteredOn(e -> summary(e).contains("loa truyền thanh")).singleElement()
                .satisfies(e -> assertThat(e.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 6, 30)));
        assertThat(events).filteredOn(e -> summary(e).contains("Sơ kết 6 tháng")).singleElement()
                .satisfies(e -> assertThat(e.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 6, 30)));
        assertThat(events).filteredOn(e -> summary(e).contains("Tổng kết")).singleElement()
                .satisfies(e -> assertThat(e.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 12, 31)));
        assertThat(events).filteredOn(e -> summary(e).contains("Đối thoại")).singleElement()
                .satisfies(e -> assertThat(start(e).toLocalTime()).isEqualTo(LocalTime.of(19, 30)));
        assertThat(events).noneSatisfy(e -> assertThat(summary(e)).contains("Hàng tháng", "Lồng ghép", "Hưởng ứng"));
    }

    static String summary(VEvent event) {
        return event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("");
    }

    static ZonedDateTime start(VEvent event) {
        Temporal t = event.getStartDate().orElseThrow().getDate();
        return ZonedDateTime.from(t).withZoneSameInstant(VIETNAM);
    }

    static ZonedDateTime end(VEvent event) {
        Temporal t = event.getEndDate().orElseThrow().getDate();
        return ZonedDateTime.from(t).withZoneSameInstant(VIETNAM);
    }
}
