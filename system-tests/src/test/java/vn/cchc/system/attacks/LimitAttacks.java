package vn.cchc.system.attacks;

import static vn.cchc.system.attacks.CrossUnitAttacks.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Limits that must hold against one user: live streams (one user opening stream after stream must get 429 before
 * the pool runs dry, and another user must still be served), sign-in guessing (repeated wrong passwords for one
 * username must end in 429, also when spread over two client addresses), and the management endpoints, which the
 * public gateway port must not serve.
 */
final class LimitAttacks {
    /** How many streams one user tries to hold, and how many wrong passwords are tried, before the limit counts as missing. */
    static final int STREAMS = 40;
    static final int GUESSES = 40;

    private LimitAttacks() {
    }

    static List<Attack> all() {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(streamFlood(Route.GATEWAY, Stack.GATEWAY));
        attacks.add(streamFlood(Route.DIRECT, Stack.REPORTING));
        attacks.add(new Attack("wrong passwords for one username at /api/auth/token", Kind.SIGN_IN_BRUTE_FORCE, Route.GATEWAY,
                "POST /api/auth/token ×" + GUESSES + " from 127.0.0.2, a username nobody uses", "429 before the " + GUESSES + "th try",
                () -> guess(List.of(Probe.from("127.0.0.2")), (http, user, i) -> http.post(Stack.GATEWAY + "/api/auth/token",
                        json(Map.of("username", user, "password", "Sai@" + i))))));
        attacks.add(new Attack("wrong passwords for one username at /login", Kind.SIGN_IN_BRUTE_FORCE, Route.GATEWAY,
                "POST /login (form) ×" + GUESSES + " from 127.0.0.3, a username nobody uses", "429 before the " + GUESSES + "th try",
                () -> guess(List.of(Probe.from("127.0.0.3")), (http, user, i) -> {
                    // as a browser: the form's CSRF token first (the page is not a sign-in attempt)
                    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                            .matcher(http.get(Stack.GATEWAY + "/login").body());
                    return http.postForm(Stack.GATEWAY + "/login", "username=" + user + "&password=Sai%40" + i
                            + (csrf.find() ? "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8) : ""));
                })));
        attacks.add(new Attack("wrong passwords for one username from two addresses", Kind.SIGN_IN_BRUTE_FORCE, Route.GATEWAY,
                "POST /api/auth/token ×" + GUESSES + " alternating 127.0.0.4 and 127.0.0.5", "429 before the " + GUESSES + "th try (limit per username)",
                () -> guess(List.of(Probe.from("127.0.0.4"), Probe.from("127.0.0.5")), (http, user, i) -> http.post(
                        Stack.GATEWAY + "/api/auth/token", json(Map.of("username", user, "password", "Sai@" + i))))));
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/heapdump")) {
            attacks.add(new Attack(path + " on the public port", Kind.MANAGEMENT_PORT, Route.GATEWAY, "GET " + path + " (no token)",
                    "4xx: management endpoints are not served on the gateway's public port",
                    () -> Rules.refused(new Probe().get(Stack.GATEWAY + path))));
        }
        attacks.add(new Attack("/actuator/env with an admin token", Kind.MANAGEMENT_PORT, Route.GATEWAY, "GET /actuator/env (admin)",
                "4xx", () -> Rules.refused(new Probe().get(Stack.GATEWAY + "/actuator/env", "Authorization", Stack.bearer(Victim.ADMIN)))));
        for (var service : Stack.SERVICES.entrySet()) {
            attacks.add(new Attack("/actuator/env of " + service.getKey() + " with an editor token", Kind.MANAGEMENT_PORT, Route.DIRECT,
                    "GET /actuator/env (editor)", "4xx", () -> Rules.refused(new Probe().get(service.getValue() + "/actuator/env",
                            "Authorization", Stack.bearer(Victim.EDITOR)))));
        }
        return attacks;
    }

    @FunctionalInterface
    interface Guess {
        Probe.Reply send(Probe http, String username, int attempt) throws Exception;
    }

    private static Outcome guess(List<Probe> addresses, Guess guess) throws Exception {
        String username = "khong-ton-tai-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= GUESSES; i++) {
            Probe.Reply reply = guess.send(addresses.get(i % addresses.size()), username, i);
            if (reply.status() == 429) {
                return Outcome.refused("429 at try " + i);
            }
            if (reply.status() >= 500) {
                return Outcome.error("5xx at try " + i + ": " + reply);
            }
            if (reply.status() == 200) {
                return Outcome.leaked("a wrong password was accepted: " + reply);
            }
        }
        return Outcome.leaked(GUESSES + " wrong passwords for " + username + ", never a 429");
    }

    private static Attack streamFlood(Route route, String base) {
        return new Attack("one user holds " + STREAMS + " live streams", Kind.STREAM_FLOOD, route,
                "GET /api/reports/stream ×" + STREAMS + " (viewer), then one stream of coordinator.tien-minh",
                "429 before the " + STREAMS + "th stream, the other user still served", () -> {
                    List<Probe.Stream> open = new ArrayList<>();
                    Probe http = new Probe();
                    try {
                        Integer refusedAt = null;
                        for (int i = 1; i <= STREAMS && refusedAt == null; i++) {
                            Probe.Stream stream = http.openStream(base + "/api/reports/stream", "Authorization", Stack.bearer("viewer"));
                            open.add(stream);
                            if (stream.status() >= 500) {
                                return Outcome.error("stream " + i + " answered " + stream.status());
                            }
                            if (stream.status() != 200) {
                                refusedAt = i;
                            }
                        }
                        try (Probe.Stream other = new Probe().openStream(base + "/api/reports/stream", "Authorization",
                                Stack.bearer("coordinator.tien-minh"))) {
                            if (other.status() != 200) {
                                return Outcome.leaked("another user is refused (" + other.status() + ") while one holds " + open.size() + " streams");
                            }
                        }
                        if (refusedAt == null) {
                            return Outcome.leaked(STREAMS + " streams held by one user, never a 429");
                        }
                        Probe.Stream last = open.get(open.size() - 1);
                        return last.status() == 429 ? Outcome.refused("429 at stream " + refusedAt)
                                : Outcome.leaked("stream " + refusedAt + " refused with " + last.status() + ", not 429");
                    } finally {
                        open.forEach(Probe.Stream::close);
                    }
                });
    }
}
