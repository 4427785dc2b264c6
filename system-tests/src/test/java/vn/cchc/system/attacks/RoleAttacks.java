package vn.cchc.system.attacks;

import static vn.cchc.system.attacks.CrossUnitAttacks.base;
import static vn.cchc.system.attacks.CrossUnitAttacks.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Roles used beyond what they allow, on the victim's own data (which they may read): VIEWER and OPS writing, OPS
 * reading data, an EDITOR managing plans or units, a COORDINATOR managing units or rebuilding read models. Rule: 4xx
 * and nothing changed.
 */
final class RoleAttacks {
    private RoleAttacks() {
    }

    static List<Attack> all(Victim victim) {
        List<Attack> attacks = new ArrayList<>();
        String v = Victim.UNIT;
        String record = json(Map.of("unitId", v, "channel", "PRINT", "kind", "LEAFLET", "title", "Tờ rơi của người xem",
                "publishedAt", Victim.minutesAgo(600)));
        for (Route route : List.of(Route.GATEWAY, Route.DIRECT)) {
            attacks.add(refusedUnchanged("viewer records a publication", route, "POST /api/publications",
                    () -> Victim.counts(v).path("total").asLong() + "",
                    () -> new Probe().post(base(route, "publication-service") + "/api/publications", record, "Authorization", Stack.bearer("viewer"))));
            attacks.add(refusedUnchanged("viewer changes a task's status", route, "PUT /api/tasks/{task}/status DONE",
                    () -> victim.taskState(1),
                    () -> new Probe().put(base(route, "task-service") + "/api/tasks/" + victim.taskIds.get(1) + "/status",
                            json(Map.of("status", "DONE", "author", "Người xem")), "Authorization", Stack.bearer("viewer"))));
            attacks.add(refusedUnchanged("ops reads publications", route, "GET /api/publications?unit=" + v, () -> "-",
                    () -> new Probe().get(base(route, "publication-service") + "/api/publications?unit=" + v, "Authorization", Stack.bearer("ops"))));
            attacks.add(refusedUnchanged("ops records a publication", route, "POST /api/publications",
                    () -> Victim.counts(v).path("total").asLong() + "",
                    () -> new Probe().post(base(route, "publication-service") + "/api/publications", record, "Authorization", Stack.bearer("ops"))));
            attacks.add(refusedUnchanged("coordinator rebuilds the read models", route, "POST /api/reports/admin/rebuild", () -> "-",
                    () -> new Probe().post(base(route, "reporting-service") + "/api/reports/admin/rebuild", "", "Authorization",
                            Stack.bearer(Victim.COORDINATOR))));
        }
        attacks.add(refusedUnchanged("viewer creates a plan", Route.GATEWAY, "POST /api/plans", () -> "-",
                () -> new Probe().post(Stack.GATEWAY + "/api/plans", json(Map.of("issuingUnitId", v, "title", "Kế hoạch của người xem",
                        "year", Stack.year())), "Authorization", Stack.bearer("viewer"))));
        attacks.add(refusedUnchanged("viewer closes a plan", Route.DIRECT, "POST /api/plans/{plan}/close", () -> victim.planState(victim.planId),
                () -> new Probe().post(Stack.PLAN + "/api/plans/" + victim.planId + "/close", "", "Authorization", Stack.bearer("viewer"))));
        attacks.add(refusedUnchanged("viewer creates a calendar subscription", Route.GATEWAY, "POST /api/tasks/calendar/feeds", () -> "-",
                () -> new Probe().post(Stack.GATEWAY + "/api/tasks/calendar/feeds", json(Map.of("unitId", v)), "Authorization", Stack.bearer("viewer"))));
        attacks.add(refusedUnchanged("viewer subscribes a feed", Route.GATEWAY, "POST /api/publications/feeds", () -> "-",
                () -> new Probe().post(Stack.GATEWAY + "/api/publications/feeds", json(Map.of("unitId", v, "url", "https://evil.example/rss")),
                        "Authorization", Stack.bearer("viewer"))));
        attacks.add(refusedUnchanged("viewer retracts a publication", Route.DIRECT, "POST /api/publications/{id}/retraction",
                victim::publicationState, () -> new Probe().post(Stack.PUBLICATION + "/api/publications/" + victim.publicationId + "/retraction",
                        json(Map.of("reason", "Người xem thu hồi")), "Authorization", Stack.bearer("viewer"))));
        attacks.add(refusedUnchanged("ops adds a unit", Route.DIRECT, "POST /api/units", () -> "-",
                () -> new Probe().post(Stack.PLAN + "/api/units", json(Map.of("unitId", "lai-chau.xa-cua-ops", "name", "Xã của OPS",
                        "kind", "COMMUNE")), "Authorization", Stack.bearer("ops"))));
        attacks.add(refusedUnchanged("editor creates a plan of its own unit", Route.GATEWAY, "POST /api/plans issuingUnitId=own", () -> "-",
                () -> new Probe().post(Stack.GATEWAY + "/api/plans", json(Map.of("issuingUnitId", Victim.ATTACKER_UNIT,
                        "title", "Kế hoạch của biên tập viên", "year", Stack.year())), "Authorization", Stack.bearer(Victim.EDITOR))));
        attacks.add(refusedUnchanged("coordinator adds a unit under its own", Route.DIRECT, "POST /api/units", () -> "-",
                () -> new Probe().post(Stack.PLAN + "/api/units", json(Map.of("unitId", Victim.ATTACKER_UNIT + ".phong-moi",
                        "name", "Phòng mới", "kind", "OFFICE")), "Authorization", Stack.bearer(Victim.COORDINATOR))));
        attacks.add(refusedUnchanged("viewer rebuilds the read models", Route.DIRECT, "POST /api/reports/admin/rebuild", () -> "-",
                () -> new Probe().post(Stack.REPORTING + "/api/reports/admin/rebuild", "", "Authorization", Stack.bearer("viewer"))));
        return attacks;
    }

    @FunctionalInterface
    interface Call {
        Probe.Reply call() throws Exception;
    }

    static Attack refusedUnchanged(String name, Route route, String request, CrossUnitAttacks.State state, Call call) {
        return new Attack(name, Kind.ROLE_ABUSE, route, request, "4xx, nothing changed", () -> {
            String before = state.read();
            Probe.Reply reply = call.call();
            return Rules.unchanged(Rules.refused(reply), before, state.read(), "state");
        });
    }
}
