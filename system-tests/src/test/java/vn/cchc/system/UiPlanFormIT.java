package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The plan form in a real browser (en-US, Los Angeles clock) against the real local stack: a date typed dd/mm/yyyy
 * and refused when it is no real date, the plan service's field error next to its field, a draft saved and shown
 * with its Vietnamese date, a change made by someone else meanwhile (412) explained with "Tải lại", then issued.
 * Uses Tiên Minh (Hải Phòng), so the Phú Khương figures other tests follow are untouched.
 */
@ExtendWith(LocalStack.Started.class)
class UiPlanFormIT {
    static final String UNIT = "hai-phong.tien-minh";
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void datesAndErrorsNextToTheirFieldsAConflictExplainedThenIssued() {
        Browser browser = browsers.open(Browser.Window.DESKTOP, Browser.Locale.FOREIGN);
        UiPage ui = UiPage.signIn(browser, "coordinator.tien-minh", DemoAccounts.password("coordinator.tien-minh"));
        ui.openTab("plans");
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("plan-new-button"))).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-form-view")));
        assertThat(ui.find("pf-issuedOn").getDomAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
        assertThat(ui.find("pf-issuedOn").getDomProperty("type")).isEqualTo("text"); // not the locale's date picker

        // a date that does not exist is refused before sending, next to its field
        String title = "Kế hoạch tuyên truyền CCHC xã Tiên Minh (thử nghiệm giao diện) " + System.nanoTime();
        ui.type("pf-title", title);
        ui.type("pf-number", "15/KH-UBND");
        ui.type("pf-issuedOn", "30/02/2026");
        WebElement description = browser.driver().findElement(By.cssSelector("#pf-targets [data-field='description']"));
        description.sendKeys("Tin, bài về cải cách hành chính trên Trang thông tin điện tử xã");
        WebElement minimum = browser.driver().findElement(By.cssSelector("#pf-targets [data-field='minimum']"));
        minimum.sendKeys("0");
        ui.recordFetches();
        ui.find("pf-submit").click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pf-issuedOn-error"),
                "Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (dd/mm/yyyy)"));
        assertThat(ui.find("pf-issuedOn").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(ui.focusedId()).isEqualTo("pf-issuedOn");
        assertThat(ui.posts("/api/plans")).isEmpty();

        // the service's rule (a minimum of at least 1) comes back next to the target's input, with the focus
        ui.type("pf-issuedOn", "15/01/2026");
        ui.find("pf-submit").click();
        browser.await().until(ExpectedConditions.attributeToBe(minimum, "aria-invalid", "true"));
        String errorId = minimum.getDomAttribute("aria-describedby");
        assertThat(ui.text(errorId)).contains("chỉ tiêu tối thiểu phải từ 1 trở lên");
        assertThat(ui.focusedId()).isEqualTo(minimum.getDomAttribute("id"));
        JsonNode sent = json.readTree((String) ui.posts("/api/plans").getFirst().get("body"));
        assertThat(sent.path("issuedOn").asString()).isEqualTo("2026-01-15");
        browser.screenshot("ui-plan-form-error");
        browser.assertNoSeriousA11yViolations("plan form with errors");

        // saved: the plan page shows the date the Vietnamese way
        minimum.clear();
        minimum.sendKeys("12");
        ui.find("pf-submit").click();
        browser.await().until(ExpectedConditions.textToBe(By.id("plans-message"), "Đã lưu dự thảo."));
        WebElement document = ui.find("plan-document");
        assertThat(document.getText()).contains("Số: 15/KH-UBND", "ngày 15 tháng 01 năm 2026", "Dự thảo",
                "Từ ngày ban hành (15/01/2026)");
        String planId = document.getDomAttribute("data-plan-id");
        browser.screenshot("ui-plan-page-draft");
        browser.assertNoSeriousA11yViolations("plan page (draft)");

        // someone else changes the draft meanwhile: issuing from the stale page is refused (412), explained, reloadable
        String token = UiPage.apiToken("coordinator.tien-minh", DemoAccounts.password("coordinator.tien-minh"));
        Http.Response current = Http.get(LocalStack.GATEWAY + "/api/plans/" + planId, "Authorization", "Bearer " + token);
        ObjectNode content = (ObjectNode) json.readTree(current.body()).path("plan");
        content.put("number", "16/KH-UBND");
        Http.Response changed = Http.send(HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + "/api/plans/" + planId))
                        .PUT(HttpRequest.BodyPublishers.ofString(content.toString())),
                "Authorization", "Bearer " + token, "Content-Type", "application/json",
                "If-Match", current.headers().firstValue("ETag").orElseThrow());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        browser.driver().findElement(By.cssSelector("#plan-actions [data-plan-action='issue']")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-action-error"),
                "Kế hoạch đã được người khác thay đổi, hãy tải lại trước khi lưu."));
        browser.driver().findElement(By.cssSelector("#plan-action-error button")).click(); // Tải lại
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-document"), "Số: 16/KH-UBND"));
        browser.driver().findElement(By.cssSelector("#plan-actions [data-plan-action='issue']")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("plans-message"), "Đã ban hành kế hoạch."));
        assertThat(ui.text("plan-document")).contains("Đã ban hành", "Lần ban hành thứ 1");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-revisions"), "Lần 1: Đã ban hành"));
        // the revision's time: dd/MM/yyyy HH:mm, Vietnam time
        assertThat(ui.text("plan-revisions")).containsPattern("Lần 1: Đã ban hành — \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        browser.screenshot("ui-plan-page-issued");
    }
}
