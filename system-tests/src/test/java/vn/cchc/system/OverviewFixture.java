package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;

/**
 * What the overview tests set up through the API, as a province admin would: a second ward of Vĩnh Long (Phường Tân
 * Hạnh, operating a website) with an issued plan of the current year (Vietnam time) in force from 1 January: a monthly
 * website target (two items a month, so every past month is missed), a yearly dialogue target, a broadcast scheduled
 * for today, an overdue task and a later one. Everything is of the current year, so the tests do not depend on the
 * 2026 demo plans or on the day they run. Idempotent within one run of the stack.
 */
final class OverviewFixture {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String PROVINCE = "vinh-long";
    static final String WARD = "vinh-long.tan-hanh";
    static final String WARD_NAME = "Phường Tân Hạnh";
    static final String WEBSITE_TARGET = "th-website-monthly";
    static final String DIALOGUE_TARGET = "th-dialogue-year";
    static final String SCHEDULED_TITLE = "Chương trình phát thanh “Người dân hỏi – chính quyền trả lời”";
    static final String OVERDUE_TASK = "Rà soát, cập nhật thủ tục hành chính trên Trang thông tin điện tử";
    static final String LATER_TASK = "Tổng kết công tác tuyên truyền cải cách hành chính";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static String planId;

    private OverviewFixture() {
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    static int year() {
        return today().getYear();
    }

    static String token(String username, String password) {
        Http.Response response = Http.postJson(LocalStack.GATEWAY + "/api/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status()).as("token for %s", username).isEqualTo(200);
        return "Bearer " + JSON.readTree(response.body()).get("access_token").asString();
    }

    static String admin() {
        return token("admin", DemoAccounts.password("admin"));
    }

    /** The ward and its plan, issued; returns when reporting-service shows the ward's two targets in the overview. */
    static synchronized String wardWithPlan() {
        if (planId != null) {
            return planId;
        }
        String admin = admin();
        Http.Response unit = Http.postJson(LocalStack.GATEWAY + "/api/units", JSON.writeValueAsString(Map.of(
                "unitId", WARD, "name", WARD_NAME, "kind", "WARD",
                "channels", List.of(Map.of("channel", "WEBSITE", "name", "Trang thông tin điện tử phường Tân Hạnh",
                        "url", "https://tanhanh.vinhlong.gov.vn"),
                        Map.of("channel", "RADIO", "name", "Đài Truyền thanh phường Tân Hạnh")))), "Authorization", admin);
        assertThat(unit.status()).as("add %s: %s", WARD, unit.body()).isIn(201, 409);

        int year = year();
        LocalDate today = today();
        LocalDate overdue = LocalDate.of(year, 1, 1).isBefore(today) ? LocalDate.of(year, 1, 1) : today;
        Map<String, Object> plan = Map.of(
                "issuingUnitId", WARD, "title", "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm " + year,
                "number", "15/KH-UBND", "year", year, "issuedOn", LocalDate.of(year, 1, 1).toString(),
                "effectiveFrom", LocalDate.of(year, 1, 1).toString(), "issuingBody", "UBND phường Tân Hạnh",
                "targets", List.of(
                        Map.of("id", WEBSITE_TARGET, "description", "Ít nhất 02 tin, bài về CCHC mỗi tháng trên Trang TTĐT phường",
                                "channels", List.of("WEBSITE"), "kinds", List.of(), "minimum", 2, "period", "MONTH",
                                "scope", "SUBTREE", "unitId", WARD),
                        Map.of("id", DIALOGUE_TARGET, "description", "Tổ chức 01 hội nghị đối thoại về CCHC trong năm",
                                "channels", List.of(), "kinds", List.of("DIALOGUE"), "minimum", 1, "period", "YEAR",
                                "scope", "SUBTREE", "unitId", WARD)),
                "scheduledItems", List.of(Map.of("id", "th-radio-today", "title", SCHEDULED_TITLE, "date", today.toString(),
                        "startTime", "20:15", "endTime", "20:45", "unitId", WARD, "channel", "RADIO", "kind", "BROADCAST",
                        "topic", "Dịch vụ công trực tuyến toàn trình")),
                "tasks", List.of(
                        Map.of("id", "th-task-1", "number", "1", "title", OVERDUE_TASK, "leadUnitId", WARD,
                                "timeFrame", Map.of("type", "DATE", "date", overdue.toString())),
                        Map.of("id", "th-task-2", "number", "2", "title", LATER_TASK, "leadUnitId", WARD,
                                "timeFrame", Map.of("type", "DATE", "date", LocalDate.of(year, 12, 31).toString()))));
        Http.Response created = Http.postJson(LocalStack.GATEWAY + "/api/plans", JSON.writeValueAsString(plan), "Authorization", admin);
        assertThat(created.status()).as("create plan: %s", created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();
        Http.Response issued = Http.postJson(LocalStack.GATEWAY + "/api/plans/" + id + "/issue", "",
                "Authorization", admin, "If-Match", created.header("ETag"));
        assertThat(issued.status()).as("issue plan: %s", issued.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(wardTargets(admin)).hasSize(2));
        planId = id;
        return id;
    }

    /** The ward's targets in the province overview (reporting-service's read model). */
    static List<JsonNode> wardTargets(String token) {
        Http.Response response = Http.get(LocalStack.GATEWAY + "/api/reports/units/" + PROVINCE + "/overview?year=" + year(),
                "Authorization", token);
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode commune : JSON.readTree(response.body()).get("communes")) {
            if (commune.get("unitId").asString().equals(WARD)) {
                List<JsonNode> targets = new java.util.ArrayList<>();
                commune.get("targets").forEach(targets::add);
                return targets;
            }
        }
        return List.of();
    }

    /** Records a website article of the ward published a minute ago (a fresh link each time, so never a duplicate). */
    static void recordWebsiteArticle(String token, String title) {
        String publishedAt = ZonedDateTime.now(VIETNAM).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Http.Response response = Http.postJson(LocalStack.GATEWAY + "/api/publications", JSON.writeValueAsString(Map.of(
                "unitId", WARD, "channel", "WEBSITE", "kind", "ARTICLE", "title", title,
                "url", "https://tanhanh.vinhlong.gov.vn/tin-tuc/" + UUID.randomUUID(), "publishedAt", publishedAt)),
                "Authorization", token);
        assertThat(response.status()).as("record publication: %s", response.body()).isEqualTo(201);
    }
}
