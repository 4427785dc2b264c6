package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static vn.cchc.system.LocalStack.runLocal;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;

/**
 * The platform as a user gets it: {@code ./run-local.sh --detach} starts Kafka, the MongoDB wire server and the five
 * services as separate processes (the jars this build just packaged), and the test talks to the gateway only ({@link LocalStack#GATEWAY}).
 * The stack is shared with the other classes of this module ({@link LocalStack}): started once, stopped after the run.
 */
@ExtendWith(LocalStack.Started.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
    static final String GATEWAY = LocalStack.GATEWAY;
    final JsonMapper json = JsonMapper.builder().build();

    /** Logs in as a demo account (docs/security.md) through the gateway's token endpoint. */
    String login(String username, String password) {
        Http.Response response = Http.postJson(GATEWAY + "/api/auth/token",
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
        assertThat(response.status()).isEqualTo(200);
        return "Bearer " + json.readTree(response.body()).get("access_token").asString();
    }

    long count(String unitId) {
        Http.Response response = Http.get(GATEWAY + "/api/reports/units/" + unitId + "/counts?year=2026",
                "Authorization", admin());
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body()).get("total").asLong();
    }

    private String adminToken;

    /** One token for all the polling reads: logging in on every poll would run into the gateway's rate limit. */
    String admin() {
        if (adminToken == null) {
            adminToken = login("admin", DemoAccounts.password("admin"));
        }
        return adminToken;
    }

    @Test
    @Order(1)
    void aPublicationRecordedThroughTheGatewayShowsUpInTheCounts() {
        long before = count("vinh-long.phu-khuong");
        String unique = UUID.randomUUID().toString();

        Http.Response created = Http.postJson(GATEWAY + "/api/publications", """
                {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE",
                 "title":"Phường Phú Khương triển khai dịch vụ công trực tuyến toàn trình",
                 "url":"https://phukhuong.vinhlong.gov.vn/tin-tuc/%s","publishedAt":"2026-03-02T08:00:00+07:00"}"""
                .formatted(unique), "Authorization", login("editor.phu-khuong", DemoAccounts.password("editor.phu-khuong")));

        assertThat(created.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count("vinh-long.phu-khuong")).isEqualTo(before + 1));
    }

    @Test
    @Order(2)
    void badInputThroughTheGatewayIsAProblemAndChangesNothing() {
        long before = count("hai-phong.tien-minh");

        Http.Response rejected = Http.postJson(GATEWAY + "/api/publications", """
                {"unitId":"hai-phong.tien-minh","channel":"RADIO","kind":"BROADCAST","title":"Bản tin",
                 "publishedAt":"2026-03-02T08:00:00+07:00"}""", "Authorization", login("editor.tien-minh", DemoAccounts.password("editor.tien-minh")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = json.readTree(rejected.body()).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("durationSeconds");
        assertThat(count("hai-phong.tien-minh")).isEqualTo(before);
    }

    @Test
    @Order(3)
    void withoutATokenTheGatewayAnswers401ProblemDetails() {
        Http.Response response = Http.get(GATEWAY + "/api/reports/units/vinh-long.phu-khuong/counts?year=2026");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    @Order(4)
    void dataSurvivesARestartOfTheWholeStack() throws Exception {
        Http.Response created = Http.postJson(GATEWAY + "/api/publications", """
                {"unitId":"lam-dong.bac-binh","channel":"WEBSITE","kind":"ARTICLE",
                 "title":"Xã Bắc Bình công khai thủ tục hành chính","url":"https://bacbinh.lamdong.gov.vn/tin/%s",
                 "publishedAt":"2026-04-10T09:00:00+07:00"}""".formatted(UUID.randomUUID()),
                "Authorization", login("editor.bac-binh", DemoAccounts.password("editor.bac-binh")));
        assertThat(created.status()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("lam-dong.bac-binh") > 0);
        long before = count("lam-dong.bac-binh");
        String admin = admin();

        runLocal(Duration.ofMinutes(2), "stop");
        LocalStack.startDetached();

        // the signing key is kept in the data folder: a token issued before the restart is still accepted
        assertThat(Http.get(GATEWAY + "/api/publications/" + id, "Authorization", admin).status()).isEqualTo(200);
        assertThat(count("lam-dong.bac-binh")).isEqualTo(before);
    }
}
