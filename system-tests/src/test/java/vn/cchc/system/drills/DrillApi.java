package vn.cchc.system.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;
import vn.cchc.system.DemoAccounts;

/**
 * What the drills read and write on the drill stack: publications of one commune (Phường Phú Khương, written by its
 * editor) and reporting's counts of it for a year. Each drill writes in a year of its own (2011…2017, years no demo
 * data uses), so reporting's count for that year must equal exactly what the drill got stored.
 */
final class DrillApi {
    static final String UNIT = "vinh-long.phu-khuong";
    static final String EDITOR = "editor.phu-khuong";
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Tokens live 10 minutes (cchc.auth.access-token-ttl) and the drills run longer: one is renewed after 5. */
    private static final java.time.Duration RENEW_AFTER = java.time.Duration.ofMinutes(5);
    private static final java.util.Map<String, Token> TOKENS = new java.util.HashMap<>();

    private record Token(String value, long obtainedAtNanos) {
    }

    private DrillApi() {
    }

    static String editor() {
        return token(EDITOR);
    }

    static String admin() {
        return token("admin");
    }

    private static synchronized String token(String username) {
        Token token = TOKENS.get(username);
        if (token == null || System.nanoTime() - token.obtainedAtNanos() > RENEW_AFTER.toNanos()) {
            token = new Token(login(username), System.nanoTime());
            TOKENS.put(username, token);
        }
        return token.value();
    }

    static String login(String username) {
        Http.Response response = Http.postJson(DrillStack.GATEWAY + "/api/auth/token",
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, DemoAccounts.password(username)));
        assertThat(response.status()).as("login %s", username).isEqualTo(200);
        return "Bearer " + JSON.readTree(response.body()).get("access_token").asString();
    }

    /** A new publication of the drill's commune in {@code year}, to the service at {@code base} (the gateway or a replica). */
    static Http.Response record(String base, String url, int year) {
        return Http.postJson(base + "/api/publications", """
                {"unitId":"%s","channel":"WEBSITE","kind":"ARTICLE",
                 "title":"Phường Phú Khương cập nhật thủ tục hành chính trực tuyến",
                 "url":"%s","publishedAt":"%d-03-02T08:00:00+07:00"}""".formatted(UNIT, url, year),
                "Authorization", editor());
    }

    /** Reporting's total for the commune and year, through the gateway. */
    static long count(int year) {
        return count(DrillStack.GATEWAY, year);
    }

    /** Reporting's total asked of the instance at {@code base} (the gateway, or a reporting-service instance directly). */
    static long count(String base, int year) {
        Http.Response response = Http.get(base + "/api/reports/units/" + UNIT + "/counts?year=" + year, "Authorization", admin());
        assertThat(response.status()).as("counts %s: %s", year, response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("total").asLong();
    }

    /** The links of every publication publication-service stores for the commune in {@code year} (all pages). */
    static Set<String> storedUrls(int year) {
        Set<String> urls = new HashSet<>();
        for (int page = 0; ; page++) {
            Http.Response response = Http.get(DrillStack.GATEWAY + "/api/publications?unit=" + UNIT + "&from=" + year
                    + "-01-01&to=" + year + "-12-31&size=100&page=" + page, "Authorization", admin());
            assertThat(response.status()).as("publication list: %s", response.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            body.get("items").forEach(item -> urls.add(item.get("url").asString()));
            if (page + 1 >= body.get("totalPages").asLong()) {
                return urls;
            }
        }
    }
}
