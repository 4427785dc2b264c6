package vn.cchc.system.attacks;

import static vn.cchc.system.attacks.CrossUnitAttacks.base;
import static vn.cchc.system.attacks.CrossUnitAttacks.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.cchc.system.LocalStack;

/**
 * Feed subscriptions (by the victim commune's rightful owner) to addresses inside the platform's own network: they must
 * be refused when subscribing, not stored to fail at fetch time. A subscription that is stored anyway is removed again
 * by the attack, so that nothing polls it.
 */
final class SsrfAttacks {
    private SsrfAttacks() {
    }

    static List<Attack> all() {
        List<String> addresses = List.of(
                "http://127.0.0.1:" + (LocalStack.PORT_BASE + 1) + "/actuator/env",
                "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                "http://localhost:" + LocalStack.MONGO_PORT + "/",
                "http://[fd00::1]/rss",
                "http://100.64.0.1/rss",
                "http://0.0.0.0:" + LocalStack.PORT_BASE + "/actuator/prometheus",
                "http://[::1]:" + (LocalStack.PORT_BASE + 4) + "/rss",
                "http://2130706433/rss",
                "http://[::ffff:127.0.0.1]/rss",
                "http://10.0.0.1/rss",
                "file:///etc/passwd");
        List<Attack> attacks = new ArrayList<>();
        for (String address : addresses) {
            attacks.add(subscribe(Route.GATEWAY, address));
        }
        for (String address : addresses.subList(0, 3)) {
            attacks.add(subscribe(Route.DIRECT, address));
        }
        return attacks;
    }

    private static Attack subscribe(Route route, String address) {
        return new Attack("feed at " + address, Kind.SSRF_FEED, route, "POST /api/publications/feeds url=" + address,
                "4xx at subscription time, nothing stored", () -> {
                    Probe http = new Probe();
                    String feeds = base(route, "publication-service") + "/api/publications/feeds";
                    Probe.Reply reply = http.post(feeds, json(Map.of("unitId", Victim.UNIT, "url", address)),
                            "Authorization", Stack.bearer(Victim.ADMIN));
                    if (reply.status() < 300) {
                        // stored: take it away again so that the scheduler never fetches it
                        http.delete(feeds + "/" + Stack.json(reply).get("id").asString(), "Authorization", Stack.bearer(Victim.ADMIN));
                    }
                    return Rules.refused(reply);
                });
    }
}
