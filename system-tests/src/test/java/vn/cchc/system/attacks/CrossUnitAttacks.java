package vn.cchc.system.attacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An editor and a coordinator of Lai Châu's Văn phòng UBND reading, changing, deleting and linking to the victim
 * commune's plans, tasks, publications, feeds, calendar subscriptions and reports: ids in the path, the body and the
 * query, through the gateway and straight to each service. Reads must be 4xx (or, for lists, name nothing of the
 * victim); writes must be 4xx and leave the victim's state as it was; a write to another unit's id must be answered
 * exactly like a write to an id that does not exist (no existence oracle).
 */
final class CrossUnitAttacks {
    private final Victim victim;
    private final List<Attack> attacks = new ArrayList<>();

    private CrossUnitAttacks(Victim victim) {
        this.victim = victim;
    }

    static List<Attack> all(Victim victim) {
        CrossUnitAttacks catalogue = new CrossUnitAttacks(victim);
        catalogue.reads();
        catalogue.writes();
        catalogue.links();
        catalogue.existenceOracles();
        return catalogue.attacks;
    }

    static String base(Route route, String service) {
        return route == Route.GATEWAY ? Stack.GATEWAY : Stack.SERVICES.get(service);
    }

    private void read(String name, Route route, String service, String path, String who) {
        attacks.add(new Attack("read " + name + " (" + who + ")", Kind.CROSS_UNIT_READ, route, "GET " + path,
                "4xx, nothing of the other unit",
                () -> Rules.refused(new Probe().get(base(route, service) + path, "Authorization", Stack.bearer(who)), victim.secrets())));
    }

    private void list(String name, Route route, String service, String path, String who, String... secrets) {
        attacks.add(new Attack("list " + name + " (" + who + ")", Kind.CROSS_UNIT_READ, route, "GET " + path,
                "any non-5xx answer naming nothing of the other unit",
                () -> Rules.withoutSecrets(new Probe().get(base(route, service) + path, "Authorization", Stack.bearer(who)), secrets)));
    }

    private void reads() {
        String c = Victim.COORDINATOR;
        String e = Victim.EDITOR;
        String v = Victim.UNIT;
        int year = Stack.year();
        for (Route route : List.of(Route.GATEWAY, Route.DIRECT)) {
            read("another commune's issued plan", route, "plan-service", "/api/plans/" + victim.planId, c);
            read("another commune's draft plan", route, "plan-service", "/api/plans/" + victim.draftId, c);
            list("plans filtered by another commune", route, "plan-service", "/api/plans?unitId=" + v + "&subtree=true", c, victim.secrets());
            read("another commune's task", route, "task-service", "/api/tasks/" + victim.taskIds.get(0), c);
            list("tasks of another commune's plan", route, "task-service", "/api/tasks?plan=" + victim.planId, c, victim.secrets());
            list("another commune's calendar", route, "task-service", "/api/tasks/calendar/" + v + ".ics", c,
                    victim.taskTitles.toArray(String[]::new));
            read("another commune's publication", route, "publication-service", "/api/publications/" + victim.publicationId, e);
            list("publications filtered by another commune", route, "publication-service", "/api/publications?unit=" + v, e, victim.secrets());
            read("another commune's feed subscription", route, "publication-service", "/api/publications/feeds/" + victim.feedId, e);
            read("another commune's counts", route, "reporting-service", "/api/reports/units/" + v + "/counts?year=" + year, c);
            read("another commune's compliance", route, "reporting-service", "/api/reports/units/" + v + "/compliance?year=" + year, c);
            read("another commune's periodic report (Word)", route, "reporting-service", "/api/reports/units/" + v + "/periodic/" + year + "-Q1.docx", c);
        }
        read("another commune's plan revisions", Route.GATEWAY, "plan-service", "/api/plans/" + victim.planId + "/revisions", c);
        read("another commune's plan audit", Route.GATEWAY, "plan-service", "/api/plans/" + victim.planId + "/audit", c);
        read("another commune's unit", Route.GATEWAY, "plan-service", "/api/units/" + v, c);
        read("another commune's task audit", Route.GATEWAY, "task-service", "/api/tasks/" + victim.taskIds.get(0) + "/audit", c);
        list("tasks filtered by another commune", Route.GATEWAY, "task-service", "/api/tasks?unit=" + v, c, victim.secrets());
        list("calendar subscriptions", Route.GATEWAY, "task-service", "/api/tasks/calendar/feeds", c, victim.calendarFeedId);
        read("another commune's publication history", Route.GATEWAY, "publication-service", "/api/publications/" + victim.publicationId + "/history", e);
        read("another commune's publication audit", Route.GATEWAY, "publication-service", "/api/publications/" + victim.publicationId + "/audit", e);
        list("publications of the whole province", Route.GATEWAY, "publication-service", "/api/publications?unit=lai-chau", e, victim.secrets());
        list("feed subscriptions filtered by another commune", Route.GATEWAY, "publication-service", "/api/publications/feeds?unit=" + v, e, victim.feedId);
        read("another commune's task report", Route.GATEWAY, "reporting-service", "/api/reports/units/" + v + "/tasks?year=" + year, c);
        read("another commune's periodic report (JSON)", Route.GATEWAY, "reporting-service", "/api/reports/units/" + v + "/periodic/" + year + "-Q1", c);
        read("another commune's PAR score", Route.GATEWAY, "reporting-service", "/api/reports/units/" + v + "/score?year=" + year, c);
        read("another commune's overview", Route.GATEWAY, "reporting-service", "/api/reports/units/" + v + "/overview?year=" + year, c);
        list("the province roll-up", Route.GATEWAY, "reporting-service", "/api/reports/units/lai-chau/compliance?year=" + year, c, v);
        list("the province overview", Route.GATEWAY, "reporting-service", "/api/reports/units/lai-chau/overview?year=" + year, c, v);
        attacks.add(new Attack("live stream of another commune (" + c + ")", Kind.CROSS_UNIT_READ, Route.GATEWAY,
                "GET /api/reports/stream?unitId=" + v, "4xx, no stream opened",
                () -> {
                    try (Probe.Stream stream = new Probe().openStream(Stack.GATEWAY + "/api/reports/stream?unitId=" + v,
                            "Authorization", Stack.bearer(c))) {
                        return stream.status() >= 500 ? Outcome.error("5xx " + stream.status())
                                : stream.status() < 400 ? Outcome.leaked("stream opened: " + stream.status())
                                : Outcome.refused(String.valueOf(stream.status()));
                    }
                }));
    }

    @FunctionalInterface
    interface State {
        String read() throws Exception;
    }

    @FunctionalInterface
    interface Send {
        Probe.Reply send(Probe http, String base) throws Exception;
    }

    /** A write that must be refused and leave {@code state} (read as the owner) as it was. */
    private void write(String name, Route route, String service, String request, String who, State state, Send send) {
        attacks.add(new Attack(name + " (" + who + ")", Kind.CROSS_UNIT_WRITE, route, request,
                "4xx, the other unit's data unchanged",
                () -> {
                    String before = state.read();
                    Probe.Reply reply = send.send(new Probe(), base(route, service));
                    return Rules.unchanged(Rules.refused(reply, victim.secrets()), before, state.read(), "the victim's data");
                }));
    }

    private void writes() {
        String c = Victim.COORDINATOR;
        String e = Victim.EDITOR;
        String v = Victim.UNIT;
        String task = victim.taskIds.get(0);
        String pub = victim.publicationId;
        String recordForVictim = json(Map.of("unitId", v, "channel", "PRINT", "kind", "LEAFLET",
                "title", "Tờ rơi tuyên truyền CCHC", "publishedAt", Victim.minutesAgo(300)));
        String movedToAttacker = json(Map.of("unitId", Victim.ATTACKER_UNIT, "channel", "WEBSITE", "kind", "ARTICLE",
                "title", "Đã chuyển", "url", "https://vanphong.laichau.gov.vn/tin/" + UUID.randomUUID(),
                "publishedAt", Victim.minutesAgo(90)));
        for (Route route : List.of(Route.GATEWAY, Route.DIRECT)) {
            write("edit another commune's draft plan", route, "plan-service", "PUT /api/plans/{draft} If-Match", c,
                    () -> victim.planState(victim.draftId),
                    (http, base) -> http.put(base + "/api/plans/" + victim.draftId, json(Map.of("issuingUnitId", v,
                            "title", "Bị sửa", "year", Stack.year())), "Authorization", Stack.bearer(c), "If-Match", victim.draftETag));
            write("close another commune's plan", route, "plan-service", "POST /api/plans/{plan}/close", c,
                    () -> victim.planState(victim.planId),
                    (http, base) -> http.post(base + "/api/plans/" + victim.planId + "/close", "", "Authorization", Stack.bearer(c)));
            write("create a plan for another commune", route, "plan-service", "POST /api/plans issuingUnitId=victim", c,
                    () -> "-", (http, base) -> http.post(base + "/api/plans", json(Map.of("issuingUnitId", v,
                            "title", "Kế hoạch giả mạo", "year", Stack.year())), "Authorization", Stack.bearer(c)));
            write("change another commune's task status", route, "task-service", "PUT /api/tasks/{task}/status CANCELLED", c,
                    () -> victim.taskState(0), (http, base) -> http.put(base + "/api/tasks/" + task + "/status",
                            json(Map.of("status", "CANCELLED", "author", "Kẻ tấn công", "note", "hủy")), "Authorization", Stack.bearer(c)));
            write("note on another commune's task", route, "task-service", "POST /api/tasks/{task}/notes", e,
                    () -> victim.taskState(0), (http, base) -> http.post(base + "/api/tasks/" + task + "/notes",
                            json(Map.of("author", "Kẻ tấn công", "text", "ghi chú giả")), "Authorization", Stack.bearer(e)));
            write("calendar subscription for another commune", route, "task-service", "POST /api/tasks/calendar/feeds unitId=victim", e,
                    () -> "-", (http, base) -> http.post(base + "/api/tasks/calendar/feeds", json(Map.of("unitId", v)),
                            "Authorization", Stack.bearer(e)));
            write("revoke another person's calendar subscription", route, "task-service", "DELETE /api/tasks/calendar/feeds/{id}", c,
                    victim::calendarFeedsOfAdmin, (http, base) -> http.delete(base + "/api/tasks/calendar/feeds/" + victim.calendarFeedId,
                            "Authorization", Stack.bearer(c)));
            write("record for another commune", route, "publication-service", "POST /api/publications unitId=victim", e,
                    () -> Victim.counts(v).path("total").asLong() + "", (http, base) -> http.post(base + "/api/publications",
                            recordForVictim, "Authorization", Stack.bearer(e)));
            write("move another commune's publication", route, "publication-service", "PUT /api/publications/{id} unitId=attacker", e,
                    victim::publicationState, (http, base) -> http.put(base + "/api/publications/" + pub, movedToAttacker,
                            "Authorization", Stack.bearer(e), "If-Match", "\"1\""));
            write("engagement of another commune's publication", route, "publication-service", "PUT /api/publications/{id}/engagement", e,
                    victim::publicationState, (http, base) -> http.put(base + "/api/publications/" + pub + "/engagement",
                            json(Map.of("views", 999999, "interactions", 1)), "Authorization", Stack.bearer(e)));
            write("retract another commune's publication", route, "publication-service", "POST /api/publications/{id}/retraction", e,
                    victim::publicationState, (http, base) -> http.post(base + "/api/publications/" + pub + "/retraction",
                            json(Map.of("reason", "Thu hồi giả mạo")), "Authorization", Stack.bearer(e)));
            write("subscribe another commune to a feed", route, "publication-service", "POST /api/publications/feeds unitId=victim", e,
                    () -> "-", (http, base) -> http.post(base + "/api/publications/feeds", json(Map.of("unitId", v,
                            "url", "https://evil.example/rss")), "Authorization", Stack.bearer(e)));
            write("resume another commune's feed", route, "publication-service", "POST /api/publications/feeds/{id}/resume", e,
                    victim::feedState, (http, base) -> http.post(base + "/api/publications/feeds/" + victim.feedId + "/resume", "",
                            "Authorization", Stack.bearer(e)));
        }
        write("amend another commune's plan", Route.GATEWAY, "plan-service", "POST /api/plans/{plan}/amendments If-Match", c,
                () -> victim.planState(victim.planId), (http, base) -> http.post(base + "/api/plans/" + victim.planId + "/amendments",
                        json(Map.of("issuingUnitId", v, "title", "Sửa đổi giả", "year", Stack.year(), "amendmentNote", "x")),
                        "Authorization", Stack.bearer(c), "If-Match", "\"1\""));
        write("issue another commune's draft", Route.GATEWAY, "plan-service", "POST /api/plans/{draft}/issue", c,
                () -> victim.planState(victim.draftId), (http, base) -> http.post(base + "/api/plans/" + victim.draftId + "/issue", "",
                        "Authorization", Stack.bearer(c)));
        write("track a duty of another commune's plan", Route.GATEWAY, "plan-service", "POST /api/plans/{plan}/duties/{duty}/task", c,
                () -> victim.planState(victim.planId), (http, base) -> http.post(base + "/api/plans/" + victim.planId + "/duties/du-1/task", "",
                        "Authorization", Stack.bearer(c)));
        write("rename another commune", Route.GATEWAY, "plan-service", "PATCH /api/units/{victim}", c, victim::unitState,
                (http, base) -> http.send(Probe.request(base + "/api/units/" + v, "Authorization", Stack.bearer(c),
                        "Content-Type", "application/json").method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(
                        json(Map.of("name", "Xã Bị Chiếm"))))));
        write("trigger another commune's task", Route.GATEWAY, "task-service", "POST /api/tasks/{task}/trigger", c,
                () -> victim.taskState(0), (http, base) -> http.post(base + "/api/tasks/" + task + "/trigger",
                        json(Map.of("dueDate", Stack.year() + "-06-01")), "Authorization", Stack.bearer(c)));
        write("import for another commune (dry run)", Route.GATEWAY, "publication-service", "POST /api/publications/import?unitId=victim&dryRun=true", e,
                () -> "-", (http, base) -> http.upload(base + "/api/publications/import?unitId=" + v + "&dryRun=true", "tin.csv",
                        Csv.header() + Csv.row(v, "PRINT", "LEAFLET", "Tờ rơi CCHC", "", Csv.shown(300), ""), "Authorization", Stack.bearer(e)));
        write("import a row of another commune", Route.GATEWAY, "publication-service", "POST /api/publications/import?unitId=attacker, row unit=victim", e,
                () -> Victim.counts(v).path("total").asLong() + "", (http, base) -> http.upload(base + "/api/publications/import?unitId="
                        + Victim.ATTACKER_UNIT, "tin.csv", Csv.header() + Csv.row(v, "PRINT", "LEAFLET", "Tờ rơi CCHC " + UUID.randomUUID(), "",
                        Csv.shown(310), ""), "Authorization", Stack.bearer(e)));
        write("poll another commune's feed", Route.GATEWAY, "publication-service", "POST /api/publications/feeds/{id}/poll", e,
                victim::feedState, (http, base) -> http.post(base + "/api/publications/feeds/" + victim.feedId + "/poll", "",
                        "Authorization", Stack.bearer(e)));
        write("remove another commune's feed", Route.GATEWAY, "publication-service", "DELETE /api/publications/feeds/{id}", e,
                victim::feedState, (http, base) -> http.delete(base + "/api/publications/feeds/" + victim.feedId, "Authorization", Stack.bearer(e)));
    }

    /** Cross-references to the victim's ids from the attacker's own records. */
    private void links() {
        String c = Victim.COORDINATOR;
        String e = Victim.EDITOR;
        attacks.add(new Attack("own plan with another commune's plan as parent (" + c + ")", Kind.CROSS_UNIT_WRITE, Route.GATEWAY,
                "POST /api/plans issuingUnitId=attacker parentPlan.planId=victim", "4xx: a cross-reference outside the caller's units",
                () -> Rules.refused(new Probe().post(Stack.GATEWAY + "/api/plans", json(Map.of("issuingUnitId", Victim.ATTACKER_UNIT,
                        "title", "Kế hoạch dẫn chiếu kế hoạch xã khác", "year", Stack.year(),
                        "parentPlan", Map.of("planId", victim.planId))), "Authorization", Stack.bearer(c)))));
        attacks.add(new Attack("own plan citing another commune's plan as legal basis (" + c + ")", Kind.CROSS_UNIT_WRITE, Route.GATEWAY,
                "POST /api/plans legalBases[0].planId=victim", "4xx: a cross-reference outside the caller's units",
                () -> Rules.refused(new Probe().post(Stack.GATEWAY + "/api/plans", json(Map.of("issuingUnitId", Victim.ATTACKER_UNIT,
                        "title", "Kế hoạch căn cứ kế hoạch xã khác", "year", Stack.year(),
                        "legalBases", List.of(Map.of("kind", "PLAN", "planId", victim.planId)))), "Authorization", Stack.bearer(c)))));
        for (Route route : List.of(Route.GATEWAY, Route.DIRECT)) {
            long minutes = route == Route.GATEWAY ? 400 : 410;
            attacks.add(new Attack("own publication linked to another commune's plan (" + e + ")", Kind.CROSS_UNIT_WRITE, route,
                    "POST /api/publications unitId=attacker planId=victim", "4xx, or an item not linked to the other unit's plan",
                    () -> {
                        Probe.Reply reply = new Probe().post(base(route, "publication-service") + "/api/publications", json(Map.of(
                                "unitId", Victim.ATTACKER_UNIT, "channel", "PRINT", "kind", "LEAFLET",
                                "title", "Tờ rơi dẫn chiếu kế hoạch xã khác", "publishedAt", Victim.minutesAgo(minutes),
                                "planId", victim.planId, "confirmDuplicate", true)), "Authorization", Stack.bearer(e));
                        return reply.status() < 300 ? Rules.withoutSecrets(reply, victim.planId) : Rules.refused(reply);
                    }));
        }
    }

    /** A write to another unit's id must get the same answer as one to an id that does not exist. */
    private void existenceOracles() {
        String c = Victim.COORDINATOR;
        String e = Victim.EDITOR;
        oracle("task status", c, "task-service", id -> "/api/tasks/" + id + "/status", victim.taskIds.get(0),
                UUID.randomUUID().toString(), json(Map.of("status", "IN_PROGRESS", "author", "x")), "PUT");
        oracle("publication retraction", e, "publication-service", id -> "/api/publications/" + id + "/retraction",
                victim.publicationId, UUID.randomUUID().toString(), json(Map.of("reason", "x")), "POST");
        oracle("publication correction", e, "publication-service", id -> "/api/publications/" + id,
                victim.publicationId, UUID.randomUUID().toString(), json(Map.of("unitId", Victim.ATTACKER_UNIT, "channel", "PRINT",
                        "kind", "LEAFLET", "title", "x", "publishedAt", Victim.minutesAgo(500))), "PUT");
        oracle("plan close", c, "plan-service", id -> "/api/plans/" + id + "/close", victim.planId, UUID.randomUUID().toString(), "", "POST");
    }

    private void oracle(String what, String who, String service, java.util.function.Function<String, String> path,
                        String existing, String missing, String body, String method) {
        for (Route route : List.of(Route.GATEWAY, Route.DIRECT)) {
            attacks.add(new Attack("existence oracle: " + what + " (" + who + ")", Kind.CROSS_UNIT_WRITE, route,
                    method + " " + path.apply("{other unit's id}") + " vs a random id", "4xx, the same status for both",
                    () -> {
                        Probe http = new Probe();
                        String base = base(route, service);
                        Probe.Reply other = http.send(Probe.request(base + path.apply(existing), "Authorization", Stack.bearer(who),
                                "Content-Type", "application/json").method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)));
                        Probe.Reply none = http.send(Probe.request(base + path.apply(missing), "Authorization", Stack.bearer(who),
                                "Content-Type", "application/json").method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)));
                        Outcome answer = Rules.refused(other, victim.secrets());
                        if (answer.passed() && other.status() != none.status()) {
                            return Outcome.leaked("another unit's id answers " + other.status() + ", a missing one " + none.status());
                        }
                        return answer;
                    }));
        }
    }

    static String json(Object value) {
        return Stack.JSON.writeValueAsString(value);
    }
}
