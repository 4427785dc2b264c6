package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cchc.system.UiPublicationsSupport.EDITOR;
import static vn.cchc.system.UiPublicationsSupport.EDITOR_PASSWORD;
import static vn.cchc.system.UiPublicationsSupport.SHOWN;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The spreadsheet import in a real browser against the real local stack: the editor downloads the template (fetched
 * with the token), uploads a list written on it (the template's own header row, two good rows and two bad ones), sees
 * the dry run's preview (every row with its outcome, every error of the bad rows in Vietnamese with its row and
 * field) while nothing is stored yet, then Ghi nhận records the good rows and shows each row's result.
 */
@ExtendWith(LocalStack.Started.class)
class UiImportIT {
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    @Test
    void aSpreadsheetIsCheckedFirstThenRecorded() throws IOException {
        String token = UiPublicationsSupport.token(EDITOR, EDITOR_PASSWORD);
        String label = UiPublicationsSupport.unique();
        Http.Response template = Http.get(LocalStack.GATEWAY + "/api/publications/import/template", "Authorization", token);
        assertThat(template.status()).isEqualTo(200);
        String header = template.body().replace("\uFEFF", "").lines().findFirst().orElseThrow();
        assertThat(header).startsWith("Đơn vị,Kênh,Loại,Tiêu đề");

        Instant at = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        String websiteTitle = "Tin nhập từ bảng tính " + label;
        String radioTitle = "Chuyên mục phát thanh CCHC " + label;
        String csv = header + "\n"
                + "vinh-long.phu-khuong,Trang thông tin điện tử,\"Tin, bài\"," + websiteTitle + ",,https://phukhuong.vinhlong.gov.vn/tin-tuc/bang-tinh-" + label
                + "," + SHOWN.format(at) + ",,,,,,,\n"
                + "vinh-long.phu-khuong,Đài truyền thanh,Chương trình phát thanh," + radioTitle + ",,," + SHOWN.format(at.plusSeconds(60)) + ",15,,,,,,\n"
                // an unknown channel; then a row with two mistakes: no title, a time in the future
                + "vinh-long.phu-khuong,Kênh lạ,\"Tin, bài\",Tin kênh lạ " + label + ",,https://phukhuong.vinhlong.gov.vn/x-" + label
                + "," + SHOWN.format(at) + ",,,,,,,\n"
                + "vinh-long.phu-khuong,Trang thông tin điện tử,\"Tin, bài\",,,https://phukhuong.vinhlong.gov.vn/y-" + label + ","
                + SHOWN.format(Instant.now().plus(Duration.ofDays(30))) + ",,,,,,,\n";
        Path file = Files.createTempDirectory("cchc-import").resolve("danh-sach-tin-bai-" + label + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Browser browser = UiPublicationsSupport.signIn(browsers.open(), EDITOR, EDITOR_PASSWORD);
        WebDriver driver = browser.driver();
        UiPublicationsSupport.openView(browser, "pubs-import-view");

        driver.findElement(By.id("pimp-template")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pubs-message"), "Đã tải tệp mẫu mau-danh-sach-tin-bai.csv."));

        // no file chosen: said so
        driver.findElement(By.id("pimp-check")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pimp-error"), "Hãy chọn tệp danh sách tin bài (.xlsx hoặc .csv)."));

        // the dry run: a preview of every row, nothing stored
        driver.findElement(By.id("pimp-file")).sendKeys(file.toString());
        driver.findElement(By.id("pimp-check")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pimp-report")));
        browser.await().until(d -> d.findElements(By.cssSelector("#pimp-table tbody tr")).size() == 4);
        assertThat(status(driver, 2)).isEqualTo("VALID");
        assertThat(status(driver, 3)).isEqualTo("VALID");
        assertThat(status(driver, 4)).isEqualTo("REJECTED");
        assertThat(status(driver, 5)).isEqualTo("REJECTED");
        assertThat(row(driver, 2).getText()).contains(websiteTitle, "Hợp lệ, sẽ ghi nhận");
        assertThat(row(driver, 4).getText()).contains("Có lỗi, không ghi nhận");
        assertThat(errors(row(driver, 4))).anySatisfy(e -> assertThat(e).startsWith("Kênh: Giá trị không có trong danh mục"));
        assertThat(errors(row(driver, 5))).anySatisfy(e -> assertThat(e).isEqualTo("Tiêu đề: Không được để trống."))
                .anySatisfy(e -> assertThat(e).isEqualTo("Thời gian đăng, phát: Thời gian đăng, phát không được ở tương lai."));
        assertThat(driver.findElement(By.id("pimp-summary")).getText()).startsWith("4 dòng, 2 hợp lệ, 0 đã có");
        assertThat(titlesRecorded(token, at)).doesNotContain(websiteTitle, radioTitle);
        browser.screenshot("publications-import-preview");
        browser.script("document.getElementById('pimp-report').scrollIntoView()");
        browser.screenshot(LocalStack.ROOT.resolve("docs/img/publications-import.png"));
        browser.assertNoSeriousA11yViolations("spreadsheet import preview");

        // Ghi nhận: the good rows are recorded, each row's result shown
        driver.findElement(By.id("pimp-commit")).click();
        browser.await().until(d -> "IMPORTED".equals(status(d, 2)));
        assertThat(status(driver, 3)).isEqualTo("IMPORTED");
        assertThat(status(driver, 4)).isEqualTo("REJECTED");
        assertThat(status(driver, 5)).isEqualTo("REJECTED");
        assertThat(driver.findElement(By.id("pimp-summary")).getText()).startsWith("4 dòng, đã ghi nhận 2");
        assertThat(driver.findElement(By.id("pimp-commit")).isDisplayed()).isFalse();
        assertThat(titlesRecorded(token, at)).contains(websiteTitle, radioTitle);
        browser.screenshot("publications-import-result");
    }

    static WebElement row(WebDriver driver, int number) {
        return driver.findElement(By.cssSelector("#pimp-table tr[data-row='" + number + "']"));
    }

    static List<String> errors(WebElement row) {
        return row.findElements(By.cssSelector(".row-errors li")).stream().map(WebElement::getText).toList();
    }

    static String status(WebDriver driver, int number) {
        return row(driver, number).getDomAttribute("data-status");
    }

    /** Titles of the ward's items of the day of {@code at}, through the API. */
    static List<String> titlesRecorded(String token, Instant at) {
        String day = at.atZone(UiPublicationsSupport.VIETNAM).toLocalDate().toString();
        JsonNode page = UiPublicationsSupport.get("/api/publications?unit=" + UiPublicationsSupport.UNIT + "&from=" + day
                + "&size=200", token);
        return page.get("items").valueStream().map(item -> item.get("title").asString()).toList();
    }
}
