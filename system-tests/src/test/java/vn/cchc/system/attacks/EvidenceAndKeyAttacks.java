package vn.cchc.system.attacks;

import static org.awaitility.Awaitility.await;
import static vn.cchc.system.attacks.CrossUnitAttacks.base;
import static vn.cchc.system.attacks.CrossUnitAttacks.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.cchc.platform.test.ConsumerGroups;

/**
 * Cross-references made from the attacker's own records: an item of the attacker's unit naming the victim's task as
 * what it is evidence of (the task must not go DONE), and a client request key the victim already used (the answer must
 * never carry the victim's publication id: JSON API, spreadsheet dry run and import).
 */
final class EvidenceAndKeyAttacks {
    private EvidenceAndKeyAttacks() {
    }

    static List<Attack> all(Victim victim) {
        List<Attack> attacks = new ArrayList<>();
        for (Route route : List.of(Route.GATEWAY, Route.DIRECT)) {
            int task = route == Route.GATEWAY ? 0 : 1;
            long minutes = route == Route.GATEWAY ? 700 : 710;
            attacks.add(new Attack("own item as evidence of another commune's task (" + Victim.EDITOR + ")", Kind.CROSS_UNIT_EVIDENCE,
                    route, "POST /api/publications unitId=attacker taskId={victim's task}",
                    "4xx, or recorded without effect: after task-service has read the item's event, the task is not DONE "
                            + "and does not list it as evidence",
                    () -> {
                        long before = Victim.counts(Victim.ATTACKER_UNIT).path("total").asLong();
                        Probe.Reply reply = new Probe().post(base(route, "publication-service") + "/api/publications", json(Map.of(
                                "unitId", Victim.ATTACKER_UNIT, "channel", "PRINT", "kind", "LEAFLET",
                                "title", "Tờ rơi làm bằng chứng cho nhiệm vụ xã khác " + UUID.randomUUID().toString().substring(0, 8),
                                "publishedAt", Victim.minutesAgo(minutes), "taskId", victim.taskIds.get(task),
                                "confirmDuplicate", true)), "Authorization", Stack.bearer(Victim.EDITOR));
                        if (reply.status() >= 500) {
                            return Outcome.error("5xx: " + reply);
                        }
                        if (reply.status() < 300) {
                            // barrier: reporting has counted the item, so its event is on the topic; then task-service is past it
                            await("reporting-service counts the attacker's item").atMost(Victim.WAIT)
                                    .until(() -> Victim.counts(Victim.ATTACKER_UNIT).path("total").asLong() > before);
                            ConsumerGroups.awaitCaughtUp(Stack.KAFKA, "task-service", Victim.WAIT, "cchc.publication.events");
                        }
                        var after = victim.task(task);
                        if ("DONE".equals(after.path("status").asString()) || after.path("evidence").size() > 0) {
                            return Outcome.leaked("the other commune's task is now " + after.path("status").asString()
                                    + " with evidence " + after.path("evidence") + " (answer " + reply.status() + ")");
                        }
                        return Outcome.refused(reply.status() + ", task still " + after.path("status").asString());
                    }));
            attacks.add(new Attack("client key of another unit's item (" + Victim.EDITOR + ")", Kind.IDEMPOTENCY_KEY, route,
                    (route == Route.GATEWAY ? "Idempotency-Key" : "clientRequestId") + " = the victim's key, unitId=attacker",
                    "no answer carries the victim's publication id",
                    () -> {
                        Map<String, Object> body = new java.util.HashMap<>(Map.of("unitId", Victim.ATTACKER_UNIT, "channel", "PRINT",
                                "kind", "LEAFLET", "title", "Tờ rơi dùng lại mã yêu cầu", "publishedAt", Victim.minutesAgo(minutes + 1),
                                "confirmDuplicate", true));
                        if (route == Route.DIRECT) {
                            body.put("clientRequestId", victim.clientKey);
                        }
                        Probe.Reply reply = new Probe().post(base(route, "publication-service") + "/api/publications", json(body),
                                "Authorization", Stack.bearer(Victim.EDITOR), "Idempotency-Key", route == Route.GATEWAY ? victim.clientKey : null);
                        return Rules.withoutSecrets(reply, victim.publicationId, victim.publicationTitle);
                    }));
        }
        for (boolean dryRun : List.of(true, false)) {
            attacks.add(new Attack("spreadsheet row with another unit's client key" + (dryRun ? " (dry run)" : ""),
                    Kind.IDEMPOTENCY_KEY, Route.GATEWAY, "POST /api/publications/import?unitId=attacker" + (dryRun ? "&dryRun=true" : "")
                            + ", Mã yêu cầu = the victim's key", "the import report never carries the victim's publication id",
                    () -> Rules.withoutSecrets(new Probe().upload(Stack.GATEWAY + "/api/publications/import?unitId=" + Victim.ATTACKER_UNIT
                                    + "&dryRun=" + dryRun, "tin.csv", Csv.header() + Csv.row(Victim.ATTACKER_UNIT, "PRINT", "LEAFLET",
                                    "Tờ rơi nhập từ bảng tính " + dryRun, "", Csv.shown(dryRun ? 720 : 730), victim.clientKey),
                            "Authorization", Stack.bearer(Victim.EDITOR)), victim.publicationId, victim.publicationTitle)));
        }
        return attacks;
    }
}
