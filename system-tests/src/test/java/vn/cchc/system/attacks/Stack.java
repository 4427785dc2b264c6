package vn.cchc.system.attacks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.system.DemoAccounts;
import vn.cchc.system.LocalStack;

/**
 * Where the local stack under attack listens (the ports {@link LocalStack} was started on) and the demo accounts'
 * tokens, fetched once per account (passwords from {@link DemoAccounts} only).
 */
final class Stack {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String GATEWAY = LocalStack.GATEWAY;
    static final String PLAN = "http://127.0.0.1:" + (LocalStack.PORT_BASE + 1);
    static final String TASK = "http://127.0.0.1:" + (LocalStack.PORT_BASE + 2);
    static final String PUBLICATION = "http://127.0.0.1:" + (LocalStack.PORT_BASE + 3);
    static final String REPORTING = "http://127.0.0.1:" + (LocalStack.PORT_BASE + 4);
    static final String KAFKA = "127.0.0.1:" + LocalStack.KAFKA_PORT;
    /** The four services by name, for attacks made on each one's own port. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("plan-service", PLAN);
        SERVICES.put("task-service", TASK);
        SERVICES.put("publication-service", PUBLICATION);
        SERVICES.put("reporting-service", REPORTING);
    }

    /** A data read each service (and the gateway) answers to any data role: where forged tokens are tried. */
    static final Map<String, String> READS = new LinkedHashMap<>();

    static {
        READS.put("gateway", GATEWAY + "/api/publications?size=1");
        READS.put("plan-service", PLAN + "/api/plans?size=1");
        READS.put("task-service", TASK + "/api/tasks?unit=lai-chau");
        READS.put("publication-service", PUBLICATION + "/api/publications?size=1");
        READS.put("reporting-service", REPORTING + "/api/reports/units/vinh-long/compliance?year=" + year());
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Probe PROBE = new Probe();

    private Stack() {
    }

    static int year() {
        return LocalDate.now(VIETNAM).getYear();
    }

    /** The raw access token of a demo account (one sign-in per account per run). */
    static String token(String username) {
        return TOKENS.computeIfAbsent(username, Stack::signIn);
    }

    /** {@code Bearer <token>} of a demo account. */
    static String bearer(String username) {
        return "Bearer " + token(username);
    }

    private static String signIn(String username) {
        try {
            Probe.Reply reply = PROBE.post(GATEWAY + "/api/auth/token", JSON.writeValueAsString(
                    Map.of("username", username, "password", DemoAccounts.password(username))));
            if (reply.status() != 200) {
                throw new IllegalStateException("sign-in of " + username + " failed: " + reply);
            }
            return JSON.readTree(reply.body()).get("access_token").asString();
        } catch (Probe.NoAnswer e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(Probe.Reply reply) {
        return JSON.readTree(reply.body());
    }
}
