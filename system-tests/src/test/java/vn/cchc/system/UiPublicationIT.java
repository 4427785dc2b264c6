package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The publication form in a real browser against the real local stack, with an en-US browser on a Los Angeles clock (the
 * form must still read and show dd/MM/yyyy HH:mm in Vietnam time): every error at once with the focus on the first,
 * a publication recorded, the same unchanged submission retried with the same Idempotency-Key, a broadcast recorded
 * twice refused as a probable duplicate and then confirmed.
 */
@ExtendWith(LocalStack.Started.class)
class UiPublicationIT {
    static final String UNIT = "vinh-long.phu-khuong";
    final JsonMapper json = JsonMapper.builder().build();
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);
    Browser browser;
    UiPage ui;

    @BeforeEach
    void signIn() {
        // an en-US browser on a Los Angeles clock: the form must still read and show Vietnam time as dd/MM/yyyy HH:mm
        browser = browsers.open(Browser.Window.DESKTOP, Browser.Locale.FOREIGN);
        ui = UiPage.signIn(browser, "editor.phu-khuong", DemoAccounts.password("editor.phu-khuong"));
        ui.openTab("publication");
    }

    @Test
    void everyErrorAtOnceThenRecordedWithVietnameseDatesWhateverTheLocale() {
        // the browser really is en-US in Los Angeles: what its own date formatting would have shown
        assertThat(browser.script("return new Date(Date.UTC(2026, 0, 15, 1, 17)).toLocaleString()"))
                .isEqualTo("1/14/2026, 5:17:00 PM");
        // the form's date parsing is strict whatever the locale
        assertThat(ui.module("/js/core/format.js",
                "return [m.parseDate('30/02/2026'), m.parseDate('31/04/2026'), m.parseDate('29/02/2028'), m.parseDate('2/3/2026'),"
                        + " m.parseTime('24:00'), m.parseTime('8:05'), m.formatDateTime('2026-01-14T23:17:00Z')];"))
                .isEqualTo(java.util.Arrays.asList(null, null, "2028-02-29", "2026-03-02", null, "08:05", "15/01/2026 06:17"));
        // the time is prefilled with now in Vietnam time, as dd/mm/yyyy and hh:mm
        assertThat(value("pub-publishedDate")).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(value("pub-publishedTime")).matches("\\d{2}:\\d{2}");
        ui.recordFetches();

        // everything wrong at once: no title, a link that is no URL, 30/02, 25:00 → four errors, the focus on the first
        new Select(ui.find("pub-channel")).selectByValue("WEBSITE");
        new Select(ui.find("pub-kind")).selectByValue("ARTICLE");
        ui.type("pub-url", "trang-tin-phuong");
        ui.type("pub-publishedDate", "30/02/2026");
        ui.type("pub-publishedTime", "25:00");
        ui.find("pub-submit").click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pub-title-error"), "Không được để trống."));
        assertThat(ui.text("pub-url-error")).isEqualTo("Đường dẫn phải bắt đầu bằng http:// hoặc https:// và có tên miền.");
        assertThat(ui.text("pub-publishedDate-error")).startsWith("Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (dd/mm/yyyy)");
        assertThat(ui.text("pub-publishedTime-error")).startsWith("Giờ không hợp lệ, hãy nhập theo dạng giờ:phút (hh:mm");
        for (String id : List.of("pub-title", "pub-url", "pub-publishedDate", "pub-publishedTime")) {
            WebElement input = ui.find(id);
            assertThat(input.getDomAttribute("aria-invalid")).as(id).isEqualTo("true");
            assertThat(input.getDomAttribute("aria-describedby")).as(id).contains(id + "-error");
        }
        assertThat(ui.focusedId()).isEqualTo("pub-title");
        assertThat(ui.posts("/api/publications")).as("nothing sent while the form has errors").isEmpty();
        browser.screenshot("ui-publication-errors");

        // a time in the future is refused before sending too
        ui.type("pub-title", "Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến");
        ui.type("pub-url", "https://phukhuong.vinhlong.gov.vn/tin-tuc/dvc-truc-tuyen-" + System.nanoTime());
        ui.type("pub-publishedDate", "31/12/2099");
        ui.type("pub-publishedTime", "08:00");
        ui.find("pub-submit").click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pub-publishedDate-error"), "Thời gian đăng, phát không được ở tương lai."));
        assertThat(ui.focusedId()).isEqualTo("pub-publishedDate");

        // recorded: 15/01/2026 06:17 Vietnam time whatever the browser's zone; the focus on the success message
        ui.type("pub-publishedDate", "15/01/2026");
        ui.type("pub-publishedTime", "06:17");
        ui.find("pub-submit").click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pub-result"),
                "Đã ghi nhận tin bài “Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến” (15/01/2026 06:17)."));
        assertThat(ui.focusedId()).isEqualTo("pub-result");
        List<Map<String, Object>> sent = ui.posts("/api/publications");
        assertThat(sent).hasSize(1);
        JsonNode body = json.readTree((String) sent.getFirst().get("body"));
        assertThat(body.path("publishedAt").asString()).isEqualTo("2026-01-15T06:17:00+07:00");
        assertThat((String) sent.getFirst().get("key")).matches("[0-9a-f-]{36}");
        JsonNode stored = publications("WEBSITE").stream()
                .filter(p -> p.path("title").asString().equals("Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến")).findFirst().orElseThrow();
        assertThat(stored.path("publishedAt").asString()).isEqualTo("2026-01-14T23:17:00Z");
        assertThat(stored.path("clientRequestId").asString()).isEqualTo(sent.getFirst().get("key"));
        browser.screenshot("ui-publication-recorded");
        browser.assertNoSeriousA11yViolations("publication form");
    }

    @Test
    void theSameSubmissionRetriedKeepsItsKeyAndABroadcastTwiceIsConfirmedAsSuch() {
        ui.recordFetches();

        // the service refuses a title that is empty once its HTML is removed: the same unchanged submission sent again
        // carries the same Idempotency-Key; a changed one a new key
        new Select(ui.find("pub-channel")).selectByValue("ON_SITE");
        new Select(ui.find("pub-kind")).selectByValue("DIALOGUE");
        ui.type("pub-title", "<b></b>");
        ui.type("pub-publishedDate", "20/01/2026");
        ui.type("pub-publishedTime", "09:00");
        ui.find("pub-submit").click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pub-title-error"), "Không được để trống."));
        assertThat(ui.focusedId()).isEqualTo("pub-title");
        ui.find("pub-submit").click();
        await().atMost(Duration.ofSeconds(60)).until(() -> ui.posts("/api/publications").size() == 2);
        browser.await().until(ExpectedConditions.textToBe(By.id("pub-title-error"), "Không được để trống."));
        ui.type("pub-title", "<b>Đối thoại</b> với người dân về thủ tục hành chính");
        ui.find("pub-submit").click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pub-result"), "Đã ghi nhận tin bài"));
        List<Map<String, Object>> sent = ui.posts("/api/publications");
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1).get("key")).isEqualTo(sent.get(0).get("key"));
        assertThat(sent.get(2).get("key")).isNotEqualTo(sent.get(0).get("key"));

        // a radio broadcast, then the same broadcast again (no link, same unit, channel, kind and time): refused as a
        // probable duplicate with the stored item shown; "Vẫn ghi nhận" records it anyway
        String first = "Chuyên mục Cải cách hành chính tháng 1";
        recordBroadcast(first);
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pub-result"), "Đã ghi nhận tin bài “" + first + "” (21/01/2026 17:30)."));
        String second = "Chuyên mục Cải cách hành chính tháng 1 (phát lại)";
        recordBroadcast(second);
        WebElement box = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pub-duplicate")));
        assertThat(box.getText()).contains("Có thể trùng với tin, bài đã ghi nhận:", "“" + first + "”", "Đài truyền thanh",
                "Chương trình phát thanh", "21/01/2026 17:30");
        assertThat(ui.focusedId()).isEqualTo("pub-duplicate");
        assertThat(publications("RADIO").stream().filter(p -> p.path("title").asString().equals(second))).isEmpty();
        browser.screenshot("ui-publication-duplicate");
        browser.assertNoSeriousA11yViolations("publication form, probable duplicate");

        ui.find("pub-duplicate-confirm").click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pub-result"), "Đã ghi nhận tin bài “" + second + "”"));
        assertThat(box.isDisplayed()).isFalse();
        List<Map<String, Object>> all = ui.posts("/api/publications");
        JsonNode confirmed = json.readTree((String) all.getLast().get("body"));
        assertThat(confirmed.path("confirmDuplicate").asBoolean()).isTrue();
        assertThat(confirmed.path("durationSeconds").asInt()).isEqualTo(15 * 60);
        assertThat(all.getLast().get("key")).isNotEqualTo(all.get(all.size() - 2).get("key"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                publications("RADIO").stream().filter(p -> p.path("title").asString().startsWith(first)).count() == 2);
    }

    void recordBroadcast(String title) {
        new Select(ui.find("pub-channel")).selectByValue("RADIO");
        new Select(ui.find("pub-kind")).selectByValue("BROADCAST");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pub-durationMinutes")));
        ui.type("pub-title", title);
        ui.type("pub-url", "");
        ui.type("pub-publishedDate", "21/01/2026");
        ui.type("pub-publishedTime", "17:30");
        ui.type("pub-durationMinutes", "15");
        ui.find("pub-submit").click();
    }

    String value(String id) {
        return ui.find(id).getDomProperty("value");
    }

    List<JsonNode> publications(String channel) {
        String token = UiPage.apiToken("editor.phu-khuong", DemoAccounts.password("editor.phu-khuong"));
        Http.Response page = Http.get(LocalStack.GATEWAY + "/api/publications?unit=" + UNIT + "&channel=" + channel + "&size=200",
                "Authorization", "Bearer " + token);
        assertThat(page.status()).isEqualTo(200);
        return json.readTree(page.body()).path("items").valueStream().toList();
    }
}
