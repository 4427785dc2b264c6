package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.cchc.system.UiPublicationsSupport.DAY;
import static vn.cchc.system.UiPublicationsSupport.EDITOR;
import static vn.cchc.system.UiPublicationsSupport.EDITOR_PASSWORD;
import static vn.cchc.system.UiPublicationsSupport.SHOWN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The recorded publications in a real browser against the real local stack: an editor of Phú Khương sees an article
 * recorded through the API arrive on the dashboard by itself (live stream), finds it in "Tin bài đã ghi nhận" with
 * the filters (dates typed dd/MM/yyyy), opens it, corrects its title (PUT + If-Match), is told in Vietnamese when
 * someone else changed it meanwhile (412) and reloads, retracts it (Thu hồi) with a reason and a confirmation, and sees the
 * website target's count on the dashboard go back. The browser is an American one (en-US, Los Angeles): times must
 * still be Vietnam time. Each page passes an axe scan; screenshots in target/screenshots.
 */
@ExtendWith(LocalStack.Started.class)
class UiPublicationsIT {
    static final String WEBSITE_TARGET = "pk-website-articles";

    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    @Test
    void recordedThenCorrectedAndRetractedWithTheDashboardFollowing() {
        String token = UiPublicationsSupport.token(EDITOR, EDITOR_PASSWORD);
        String label = UiPublicationsSupport.unique();
        Browser browser = UiPublicationsSupport.signIn(browsers.open(), EDITOR, EDITOR_PASSWORD);
        WebDriver driver = browser.driver();

        // the dashboard's website target (Phú Khương 2026: 12 articles a year)
        browser.await().until(d -> !d.findElements(By.cssSelector("#targets-table tr[data-target-id='" + WEBSITE_TARGET + "']")).isEmpty());
        int before = UiPublicationsSupport.targetCount(browser, WEBSITE_TARGET);

        String title = "Phường Phú Khương hướng dẫn nộp hồ sơ trực tuyến " + label;
        JsonNode recorded = UiPublicationsSupport.recordArticle(token, title, "ho-so-" + label);
        String id = recorded.get("id").asString();
        Instant publishedAt = Instant.parse(recorded.get("publishedAt").asString());

        // no click: the live stream moves the figure
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(UiPublicationsSupport.targetCount(browser, WEBSITE_TARGET)).isEqualTo(before + 1));

        // the list, filtered: website, from today (typed dd/MM/yyyy)
        UiPublicationsSupport.openView(browser, "pubs-list-view");
        new Select(driver.findElement(By.id("pubs-f-channel"))).selectByValue("WEBSITE");
        driver.findElement(By.id("pubs-f-from")).sendKeys("31/02/2026"); // not a date: said so under the field
        driver.findElement(By.id("pubs-f-apply")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pubs-f-from-error"),
                "Ngày không hợp lệ, hãy nhập theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 02/03/2026."));
        assertThat(driver.findElement(By.id("pubs-f-from")).getDomAttribute("aria-invalid")).isEqualTo("true");
        driver.findElement(By.id("pubs-f-from")).clear();
        driver.findElement(By.id("pubs-f-from")).sendKeys(DAY.format(publishedAt));
        driver.findElement(By.id("pubs-f-apply")).click();
        By row = By.cssSelector("#pubs-table tr[data-publication-id='" + id + "']");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(UiPublicationsSupport.cells(browser, row))
                .containsExactly(SHOWN.format(publishedAt), title, "Trang thông tin điện tử", "Tin, bài", "Đã ghi nhận");
        assertThat(driver.findElement(By.id("pubs-total")).getText()).matches("Tổng số: \\d+ tin bài");
        List<String> channels = browser.await().until(d -> d.findElements(By.cssSelector("#pubs-table tbody tr td:nth-child(3)"))
                .stream().map(WebElement::getText).toList());
        assertThat(channels).containsOnly("Trang thông tin điện tử");
        browser.screenshot("publications-list");
        browser.script("document.getElementById('publications').scrollIntoView()");
        browser.screenshot(LocalStack.ROOT.resolve("docs/img/publications-list.png"));
        browser.assertNoSeriousA11yViolations("publications list");

        // the detail page: facts, one version, the audit
        UiPublicationsSupport.click(browser, By.cssSelector("#pubs-table tr[data-publication-id='" + id + "'] [data-open]"));
        browser.await().until(ExpectedConditions.textToBe(By.id("pub-detail-title"), title));
        assertThat(driver.findElement(By.id("pub-detail")).getText())
                .contains("Đã ghi nhận", "Trang thông tin điện tử", SHOWN.format(publishedAt), "Nhập tay", EDITOR);
        browser.await().until(d -> d.findElements(By.cssSelector("#pub-versions tbody tr")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#pub-versions tbody tr")).getText()).contains("Ghi nhận", EDITOR);

        // Đính chính: the title
        driver.findElement(By.id("pub-correct")).click();
        WebElement titleInput = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pe-title")));
        assertThat(titleInput.getDomProperty("value")).isEqualTo(title);
        assertThat(driver.findElement(By.id("pe-publishedDate")).getDomProperty("value")
                + " " + driver.findElement(By.id("pe-publishedTime")).getDomProperty("value")).isEqualTo(SHOWN.format(publishedAt));
        String corrected = "Phường Phú Khương hướng dẫn nộp hồ sơ trực tuyến (đính chính) " + label;
        titleInput.clear();
        titleInput.sendKeys(corrected);
        browser.screenshot("publication-correction");
        driver.findElement(By.id("pe-submit")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pub-detail-title"), corrected));
        browser.await().until(d -> d.findElements(By.cssSelector("#pub-versions tbody tr")).size() == 2);
        assertThat(driver.findElement(By.cssSelector("#pub-versions tbody tr[data-revision='2']")).getText()).contains("Đính chính", EDITOR);
        assertThat(driver.findElement(By.cssSelector("#pub-audit li[data-action='CORRECTED']")).getText())
                .contains("Tiêu đề: " + title + " → " + corrected, EDITOR);
        JsonNode afterCorrection = UiPublicationsSupport.get("/api/publications/" + id, token);
        assertThat(afterCorrection.get("title").asString()).isEqualTo(corrected);
        assertThat(afterCorrection.get("revision").asLong()).isEqualTo(2);
        assertThat(afterCorrection.get("publishedAt").asString()).isEqualTo(recorded.get("publishedAt").asString());
        assertThat(afterCorrection.get("url").asString()).isEqualTo(recorded.get("url").asString());
        browser.screenshot("publication-detail");
        browser.assertNoSeriousA11yViolations("publication detail");

        // someone else changes it meanwhile (the engagement figures): the page's ETag is stale → 412 in Vietnamese
        Http.Response engagement = Http.putJson(LocalStack.GATEWAY + "/api/publications/" + id + "/engagement",
                "{\"views\":120,\"interactions\":9}", "Authorization", token);
        assertThat(engagement.status()).isEqualTo(200);
        driver.findElement(By.id("pub-correct")).click();
        WebElement again = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pe-title")));
        again.clear();
        again.sendKeys("Một tiêu đề không được lưu " + label);
        driver.findElement(By.id("pe-submit")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pe-form-error"),
                "Tin bài đã được người khác thay đổi, hãy tải lại."));
        assertThat(UiPublicationsSupport.get("/api/publications/" + id, token).get("title").asString()).isEqualTo(corrected);
        driver.findElement(By.cssSelector("#pe-form-error [data-reload]")).click();
        browser.await().until(d -> d.findElements(By.cssSelector("#pub-versions tbody tr")).size() == 3);
        assertThat(driver.findElement(By.id("pub-detail")).getText()).contains("120 lượt xem, 9 lượt tương tác");

        // Thu hồi: a reason is required, then a confirmation
        driver.findElement(By.id("pub-retract")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pr-reason")));
        driver.findElement(By.id("pr-submit")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pr-reason-error"), "Hãy nêu lý do thu hồi."));
        driver.findElement(By.id("pr-reason")).sendKeys("Trùng nội dung với tin đã đăng");
        driver.findElement(By.id("pr-submit")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pr-submit"), "Xác nhận thu hồi"));
        assertThat(driver.findElement(By.id("pr-confirm")).getText()).contains("Xác nhận thu hồi tin bài “" + corrected + "”");
        assertThat(UiPublicationsSupport.get("/api/publications/" + id, token).get("status").asString()).isEqualTo("ACTIVE");
        browser.screenshot("publication-retraction");
        driver.findElement(By.id("pr-submit")).click();
        browser.await().until(ExpectedConditions.attributeToBe(By.id("pub-detail"), "data-status", "RETRACTED"));
        browser.await().until(ExpectedConditions.textToBe(By.id("pubs-message"), "Đã thu hồi tin bài “" + corrected + "”."));
        assertThat(driver.findElement(By.id("pub-detail")).getText()).contains("Đã thu hồi", "Trùng nội dung với tin đã đăng");
        assertThat(driver.findElements(By.id("pub-correct"))).isEmpty();
        assertThat(driver.findElements(By.id("pub-retract"))).isEmpty();
        JsonNode retracted = UiPublicationsSupport.get("/api/publications/" + id, token);
        assertThat(retracted.get("status").asString()).isEqualTo("RETRACTED");
        assertThat(retracted.get("retractionReason").asString()).isEqualTo("Trùng nội dung với tin đã đăng");
        assertThat(retracted.get("changedBy").asString()).isEqualTo(EDITOR);

        // the dashboard follows: the retracted article no longer counts
        driver.findElement(By.cssSelector(".tab[data-tab='dashboard']")).click();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(UiPublicationsSupport.targetCount(browser, WEBSITE_TARGET)).isEqualTo(before));
    }
}
