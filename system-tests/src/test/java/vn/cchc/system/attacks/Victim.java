package vn.cchc.system.attacks;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The data the attacks try to reach: a commune of the suite's own ({@value #UNIT}, added under Lai Châu, where no other
 * system test counts anything) with an issued plan of this year (a yearly website target and eight dated tasks), a draft
 * plan, a publication recorded under a known client key, a (paused) feed subscription and a calendar subscription, all
 * made by the province admin through the gateway. The attackers are the demo accounts of Lai Châu's Văn phòng UBND
 * ({@value #ATTACKER_UNIT}), whose own records the suite may add to.
 */
final class Victim {
    static final String UNIT = "lai-chau.xa-kiem-thu";
    static final String ATTACKER_UNIT = "lai-chau.van-phong-ubnd";
    static final String COORDINATOR = "coordinator.van-phong";
    static final String EDITOR = "editor.van-phong";
    static final String ADMIN = "admin";
    static final Duration WAIT = Duration.ofSeconds(90);

    final String planId;
    final String draftId;
    final String draftETag;
    /**
     * Tasks of the issued plan: [0] evidence via the gateway, [1] evidence direct, [2] dropped by a forged amendment,
     * [3] named by a forged publication, [4]–[6] made DONE by forged, headerless and schema-breaking task events, [7] spare.
     */
    final List<String> taskIds;
    final List<String> taskTitles;
    final String publicationId;
    final String publicationTitle;
    final String clientKey;
    final String feedId;
    final String calendarFeedId;

    private Victim(String planId, String draftId, String draftETag, List<String> taskIds, List<String> taskTitles,
                   String publicationId, String publicationTitle, String clientKey, String feedId, String calendarFeedId) {
        this.planId = planId;
        this.draftId = draftId;
        this.draftETag = draftETag;
        this.taskIds = taskIds;
        this.taskTitles = taskTitles;
        this.publicationId = publicationId;
        this.publicationTitle = publicationTitle;
        this.clientKey = clientKey;
        this.feedId = feedId;
        this.calendarFeedId = calendarFeedId;
    }

    /** Every secret of the victim an answer to an attacker must never contain. */
    String[] secrets() {
        List<String> all = new ArrayList<>(List.of(planId, draftId, publicationId, publicationTitle, feedId, calendarFeedId));
        all.addAll(taskIds);
        return all.toArray(String[]::new);
    }

    static Victim create() throws Exception {
        Probe http = new Probe();
        String admin = Stack.bearer(ADMIN);
        int year = Stack.year();
        Probe.Reply unit = http.post(Stack.GATEWAY + "/api/units", Stack.JSON.writeValueAsString(Map.of(
                "unitId", UNIT, "name", "Xã Kiểm Thử", "kind", "COMMUNE",
                "channels", List.of(Map.of("channel", "WEBSITE", "name", "Trang thông tin điện tử xã Kiểm Thử",
                        "url", "https://xakiemthu.laichau.gov.vn"),
                        Map.of("channel", "RADIO", "name", "Đài truyền thanh xã Kiểm Thử")))), "Authorization", admin);
        require(unit.status() == 201 || unit.status() == 409, "add the unit", unit);

        List<Map<String, Object>> tasks = new ArrayList<>();
        String[] titles = {"Viết tin, bài tuyên truyền CCHC trên Trang thông tin điện tử xã",
            "Tổ chức hội nghị đối thoại về cải cách hành chính", "Phát thanh chuyên mục CCHC hằng tháng",
            "Tổng kết công tác tuyên truyền cải cách hành chính", "Cập nhật thủ tục hành chính trên Cổng dịch vụ công",
            "Tập huấn kỹ năng viết tin, bài về CCHC", "Khảo sát mức độ hài lòng của người dân",
            "Treo băng rôn tuyên truyền CCHC tại trụ sở"};
        for (int i = 0; i < titles.length; i++) {
            tasks.add(Map.of("id", "atk-task-" + (i + 1), "number", String.valueOf(i + 1), "title", titles[i],
                    "leadUnitId", UNIT, "timeFrame", Map.of("type", "DATE", "date", year + "-12-31")));
        }
        Map<String, Object> plan = Map.of("issuingUnitId", UNIT,
                "title", "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm " + year + " của xã Kiểm Thử",
                "number", "09/KH-UBND", "year", year, "issuedOn", year + "-01-05", "issuingBody", "UBND xã Kiểm Thử",
                "targets", List.of(Map.of("id", "atk-website", "description", "Ít nhất 12 tin, bài về CCHC trong năm trên Trang TTĐT xã",
                        "channels", List.of("WEBSITE"), "kinds", List.of(), "minimum", 12, "period", "YEAR",
                        "scope", "SUBTREE", "unitId", UNIT)),
                "tasks", tasks);
        Probe.Reply created = http.post(Stack.GATEWAY + "/api/plans", Stack.JSON.writeValueAsString(plan), "Authorization", admin);
        require(created.status() == 201, "create the plan", created);
        String planId = Stack.json(created).get("id").asString();
        Probe.Reply issued = http.post(Stack.GATEWAY + "/api/plans/" + planId + "/issue", "", "Authorization", admin,
                "If-Match", created.header("ETag"));
        require(issued.status() == 200, "issue the plan", issued);

        Probe.Reply draft = http.post(Stack.GATEWAY + "/api/plans", Stack.JSON.writeValueAsString(Map.of("issuingUnitId", UNIT,
                "title", "Dự thảo kế hoạch tuyên truyền CCHC bổ sung năm " + year, "year", year,
                "tasks", List.of(tasks.get(0)))), "Authorization", admin);
        require(draft.status() == 201, "create the draft", draft);

        List<String> taskIds = new ArrayList<>();
        List<String> taskTitles = new ArrayList<>();
        await("task-service builds the victim's tasks").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Probe.Reply list = http.get(Stack.GATEWAY + "/api/tasks?plan=" + planId, "Authorization", admin);
            if (list.status() != 200 || Stack.json(list).size() < titles.length) {
                return false;
            }
            taskIds.clear();
            taskTitles.clear();
            for (String title : titles) {
                for (JsonNode task : Stack.json(list)) {
                    if (task.get("title").asString().equals(title)) {
                        taskIds.add(task.get("id").asString());
                        taskTitles.add(title);
                    }
                }
            }
            return taskIds.size() == titles.length;
        });

        // publication-service learns the unit from its event: recording is refused (unknown unit) until then
        String clientKey = "atk-victim-" + UUID.randomUUID();
        String title = "Xã Kiểm Thử công khai thủ tục hành chính " + UUID.randomUUID().toString().substring(0, 8);
        String body = Stack.JSON.writeValueAsString(Map.of("unitId", UNIT, "channel", "WEBSITE", "kind", "ARTICLE",
                "title", title, "url", "https://xakiemthu.laichau.gov.vn/tin/" + UUID.randomUUID(),
                "publishedAt", minutesAgo(90)));
        Probe.Reply[] recorded = new Probe.Reply[1];
        await("publication-service knows " + UNIT).atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            recorded[0] = http.post(Stack.GATEWAY + "/api/publications", body, "Authorization", admin, "Idempotency-Key", clientKey);
            return recorded[0].status() == 201 || recorded[0].status() == 200;
        });
        String publicationId = Stack.json(recorded[0]).get("id").asString();

        Probe.Reply feed = http.post(Stack.GATEWAY + "/api/publications/feeds", Stack.JSON.writeValueAsString(Map.of(
                "unitId", UNIT, "url", "https://xakiemthu.laichau.gov.vn/rss/" + UUID.randomUUID())), "Authorization", admin);
        require(feed.status() == 201 || feed.status() == 200, "subscribe the feed", feed);
        String feedId = Stack.json(feed).get("id").asString();
        // paused: the address does not exist, and the suite needs no poll of it
        require(http.post(Stack.GATEWAY + "/api/publications/feeds/" + feedId + "/pause", "", "Authorization", admin).status() == 200,
                "pause the feed", feed);

        Probe.Reply calendar = http.post(Stack.GATEWAY + "/api/tasks/calendar/feeds",
                Stack.JSON.writeValueAsString(Map.of("unitId", UNIT)), "Authorization", admin);
        require(calendar.status() == 201, "create the calendar subscription", calendar);

        return new Victim(planId, Stack.json(draft).get("id").asString(), draft.header("ETag"), List.copyOf(taskIds),
                List.copyOf(taskTitles), publicationId, title, clientKey, feedId, Stack.json(calendar).get("id").asString());
    }

    /** A Vietnam time {@code minutes} ago, ISO with offset, whole seconds. */
    static String minutesAgo(long minutes) {
        return ZonedDateTime.now(Stack.VIETNAM).minusMinutes(minutes).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void require(boolean ok, String what, Probe.Reply reply) {
        if (!ok) {
            throw new IllegalStateException("setting up the victim: " + what + " failed: " + reply);
        }
    }

    // ---------- the victim's state, read as the province admin (the rightful owner)

    JsonNode task(int i) throws Probe.NoAnswer {
        return Stack.json(new Probe().get(Stack.GATEWAY + "/api/tasks/" + taskIds.get(i), "Authorization", Stack.bearer(ADMIN)));
    }

    String taskState(int i) throws Probe.NoAnswer {
        JsonNode task = task(i);
        return task.path("status").asString() + " evidence=" + task.path("evidence") + " notes=" + task.path("notes").size()
                + " due=" + task.path("dueDate").asString("");
    }

    String publicationState() throws Probe.NoAnswer {
        JsonNode publication = Stack.json(new Probe().get(Stack.GATEWAY + "/api/publications/" + publicationId,
                "Authorization", Stack.bearer(ADMIN)));
        return "rev " + publication.path("revision").asLong() + " " + publication.path("status").asString() + " " + publication.path("unitId").asString();
    }

    String planState(String id) throws Probe.NoAnswer {
        Probe.Reply plan = new Probe().get(Stack.GATEWAY + "/api/plans/" + id, "Authorization", Stack.bearer(ADMIN));
        JsonNode json = Stack.json(plan);
        return plan.header("ETag") + " " + json.path("status").asString() + " rev " + json.path("revision").asLong();
    }

    String feedState() throws Probe.NoAnswer {
        Probe.Reply feed = new Probe().get(Stack.GATEWAY + "/api/publications/feeds/" + feedId, "Authorization", Stack.bearer(ADMIN));
        return feed.status() + " " + (feed.status() == 200 ? Stack.json(feed).path("status").asString() : "");
    }

    String calendarFeedsOfAdmin() throws Probe.NoAnswer {
        Probe.Reply list = new Probe().get(Stack.GATEWAY + "/api/tasks/calendar/feeds", "Authorization", Stack.bearer(ADMIN));
        return list.body().contains(calendarFeedId) ? "listed" : "gone";
    }

    String unitState() throws Probe.NoAnswer {
        JsonNode unit = Stack.json(new Probe().get(Stack.GATEWAY + "/api/units/" + UNIT, "Authorization", Stack.bearer(ADMIN)));
        return unit.path("name").asString() + " " + unit.path("status").asString() + " rev " + unit.path("revision").asLong();
    }

    /** The reporting read model's counts of a unit this year: total and per channel. */
    static JsonNode counts(String unitId) throws Probe.NoAnswer {
        return Stack.json(new Probe().get(Stack.GATEWAY + "/api/reports/units/" + unitId + "/counts?year=" + Stack.year(),
                "Authorization", Stack.bearer(ADMIN)));
    }
}
