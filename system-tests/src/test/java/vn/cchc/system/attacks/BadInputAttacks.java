package vn.cchc.system.attacks;

import static vn.cchc.system.attacks.CrossUnitAttacks.base;
import static vn.cchc.system.attacks.CrossUnitAttacks.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Bad input by a rightful writer (the province admin, on the victim commune): huge, malformed and deeply nested
 * bodies, control characters, entity-encoded tags, impossible spreadsheet dates, an encoded {@code %2F} and a 100k-char
 * query. Rule: 4xx Problem Details and nothing stored; an entity-encoded tag that is stored must not come back as a
 * live tag.
 */
final class BadInputAttacks {
    private BadInputAttacks() {
    }

    static List<Attack> all() {
        List<Attack> attacks = new ArrayList<>();
        String admin = Victim.ADMIN;
        for (Route route : List.of(Route.GATEWAY, Route.DIRECT)) {
            String publications = base(route, "publication-service") + "/api/publications";
            attacks.add(new Attack("12 MB body", Kind.BAD_INPUT, route, "POST /api/publications with a 12 MB title",
                    "4xx (413 at the gateway), nothing stored", () -> {
                        String title = "A".repeat(12 * 1024 * 1024);
                        return Rules.refused(new Probe().post(publications, json(Map.of("unitId", Victim.UNIT, "channel", "PRINT",
                                "kind", "LEAFLET", "title", title, "publishedAt", Victim.minutesAgo(800))), "Authorization", Stack.bearer(admin)));
                    }));
            attacks.add(new Attack("malformed JSON", Kind.BAD_INPUT, route, "POST /api/publications {\"unitId\": \"…\", ",
                    "400 Problem Details", () -> Rules.refusedAsProblem(new Probe().post(publications,
                            "{\"unitId\": \"" + Victim.UNIT + "\", \"title\": ", "Authorization", Stack.bearer(admin)))));
            attacks.add(new Attack("JSON nested 100 000 deep", Kind.BAD_INPUT, route, "POST /api/publications [[[[…]]]]",
                    "400 Problem Details", () -> Rules.refusedAsProblem(new Probe().post(publications,
                            "{\"themes\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", "Authorization", Stack.bearer(admin)))));
            attacks.add(new Attack("control characters in a title", Kind.BAD_INPUT, route, "POST /api/publications title with NUL, BEL, ESC",
                    "400 Problem Details, nothing stored", () -> Rules.refusedAsProblem(new Probe().post(publications, json(Map.of(
                            "unitId", Victim.UNIT, "channel", "WEBSITE", "kind", "ARTICLE",
                            "title", "Tin CCHC\u0000\u0007\u001b[31m đỏ", "url", "https://xakiemthu.laichau.gov.vn/ctl/" + UUID.randomUUID(),
                            "publishedAt", Victim.minutesAgo(810))), "Authorization", Stack.bearer(admin)))));
            attacks.add(new Attack("entity-encoded script tag in a title", Kind.BAD_INPUT, route,
                    "POST /api/publications title &lt;script&gt;alert(1)&lt;/script&gt;", "refused, or stored without a live tag",
                    () -> {
                        Probe http = new Probe();
                        Probe.Reply reply = http.post(publications, json(Map.of("unitId", Victim.UNIT, "channel", "WEBSITE", "kind", "ARTICLE",
                                "title", "&lt;script&gt;alert(1)&lt;/script&gt; Tin CCHC", "summary", "&lt;img src=x onerror=alert(1)&gt;",
                                "url", "https://xakiemthu.laichau.gov.vn/xss/" + UUID.randomUUID(), "publishedAt", Victim.minutesAgo(820))),
                                "Authorization", Stack.bearer(admin));
                        if (reply.status() >= 300) {
                            return Rules.refused(reply);
                        }
                        JsonNode stored = Stack.json(http.get(publications + "/" + Stack.json(reply).get("id").asString(),
                                "Authorization", Stack.bearer(admin)));
                        String text = stored.path("title").asString("") + " " + stored.path("summary").asString("");
                        return text.contains("<script") || text.contains("<img")
                                ? Outcome.leaked("stored as a live tag: " + text) : Outcome.refused(reply.status() + ", stored as " + text);
                    }));
        }
        for (String date : List.of("30/02/2026 08:00", "31/04/2026 08:00", "29/02/2026 08:00")) {
            attacks.add(new Attack("spreadsheet date " + date.substring(0, 10), Kind.BAD_INPUT, Route.GATEWAY,
                    "POST /api/publications/import?dryRun=true, Thời gian đăng " + date, "the row REJECTED naming publishedAt",
                    () -> {
                        Probe.Reply reply = new Probe().upload(Stack.GATEWAY + "/api/publications/import?unitId=" + Victim.UNIT + "&dryRun=true",
                                "ngay-sai.csv", Csv.header() + Csv.row(Victim.UNIT, "PRINT", "LEAFLET", "Tờ rơi ngày " + date, "", date, ""),
                                "Authorization", Stack.bearer(admin));
                        if (reply.status() >= 400) {
                            return Rules.refused(reply);
                        }
                        JsonNode row = Stack.json(reply).path("results").path(0);
                        boolean rejected = "REJECTED".equals(row.path("status").asString())
                                && row.path("errors").toString().contains("publishedAt");
                        return rejected ? Outcome.refused("row REJECTED") : Outcome.leaked("row " + row.path("status").asString()
                                + " (the date was bent, not refused): " + row);
                    }));
        }
        List<String> targets = new ArrayList<>(List.of("gateway"));
        targets.addAll(Stack.SERVICES.keySet());
        Map<String, String> paths = Map.of("gateway", "/api/publications/", "plan-service", "/api/plans/",
                "task-service", "/api/tasks/", "publication-service", "/api/publications/", "reporting-service", "/api/reports/units/");
        for (String target : targets) {
            Route route = target.equals("gateway") ? Route.GATEWAY : Route.DIRECT;
            String base = target.equals("gateway") ? Stack.GATEWAY : Stack.SERVICES.get(target);
            attacks.add(new Attack("encoded %2F in a path → " + target, Kind.BAD_INPUT, route, "GET " + paths.get(target) + "a%2F..%2Fb",
                    "4xx Problem Details, not an HTML error page", () -> Rules.refusedAsProblem(new Probe().get(
                            base + paths.get(target) + "a%2F..%2Fb", "Authorization", Stack.bearer(admin)))));
            attacks.add(new Attack("100k-character query → " + target, Kind.BAD_INPUT, route, "GET " + paths.get(target) + "x?q=<100 000 chars>",
                    "4xx Problem Details, not an HTML error page", () -> Rules.refusedAsProblem(new Probe().get(
                            base + paths.get(target) + "x?q=" + "a".repeat(100_000), "Authorization", Stack.bearer(admin)))));
        }
        return attacks;
    }
}
