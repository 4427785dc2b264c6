package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The public transparency page {@code /cong-khai} against the real local stack, which publishes Vĩnh Long's figures
 * ({@code CCHC_TRANSPARENCY_PROVINCES=vinh-long}, see {@link LocalStack}): no sign-in; the province and year from the
 * address; per commune each target's status and counts; the CSV and JSON downloads; a province that has not switched it
 * on explained in words; phone layout, axe-core, screenshots.
 */
@ExtendWith(LocalStack.Started.class)
class UiPublicPageIT {
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    @Test
    void aProvincesFiguresWithoutSignInAndAClearMessageForOneThatIsNotPublic() {
        int year = OverviewFixture.year();
        Browser browser = browsers.open();
        WebDriver driver = browser.driver();
        browser.open("/cong-khai?province=vinh-long&year=" + year);

        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("public-result")));
        assertThat(driver.findElement(By.id("public-title")).getText()).isEqualTo("Tỉnh Vĩnh Long — năm " + year);
        assertThat(driver.findElement(By.id("public-asof")).getText()).matches("Số liệu tính đến ngày \\d{2}/\\d{2}/\\d{4}, cập nhật lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.");
        assertThat(new Select(driver.findElement(By.id("public-province"))).getFirstSelectedOption().getText()).isEqualTo("Tỉnh Vĩnh Long");
        WebElement phuKhuong = driver.findElement(By.cssSelector(".public-commune[data-unit-id='vinh-long.phu-khuong']"));
        assertThat(phuKhuong.findElement(By.tagName("h3")).getText()).isEqualTo("Phường Phú Khương");
        // nobody signed in, and the page holds no token
        assertThat(driver.findElements(By.id("login-button"))).isEmpty();
        assertThat(browser.script("return Object.keys(sessionStorage).length + Object.keys(localStorage).length")).isEqualTo(0L);
        if (year == 2026) {
            // the demo plan of Phú Khương: its targets with the status in words and the counts
            assertThat(phuKhuong.getText()).contains("Trang thông tin điện tử", "Hằng năm", "Hằng tháng");
            assertThat(phuKhuong.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(phuKhuong.findElement(By.cssSelector("tbody tr .badge")).getText())
                    .isIn("Đạt", "Đúng tiến độ", "Có nguy cơ", "Không đạt", "Chưa đến kỳ", "Chưa áp dụng");
        }

        // the downloads: CSV for Excel (UTF-8 with BOM, Vietnamese header) and JSON, both without a token
        String csv = driver.findElement(By.id("public-csv")).getDomAttribute("href");
        assertThat(csv).isEqualTo("/api/public/provinces/vinh-long/transparency.csv?year=" + year);
        Http.Response csvFile = Http.get(LocalStack.GATEWAY + csv);
        assertThat(csvFile.status()).isEqualTo(200);
        assertThat(csvFile.header("Content-Type")).startsWith("text/csv");
        assertThat(csvFile.body()).startsWith("\uFEFF"); // the byte-order mark, so Excel reads the diacritics
        assertThat(csvFile.body()).contains("\"Xã, phường, đặc khu\",Chỉ tiêu,Kênh", "Phường Phú Khương");
        String json = driver.findElement(By.id("public-json")).getDomAttribute("href");
        Http.Response jsonFile = Http.get(LocalStack.GATEWAY + json);
        assertThat(jsonFile.status()).isEqualTo(200);
        assertThat(jsonFile.body()).contains("\"provinceId\":\"vinh-long\"").doesNotContain("recordedBy", "title\"");

        browser.screenshot("public");
        browser.screenshot(LocalStack.ROOT.resolve("docs/img/ui-public.png"));
        browser.assertNoSeriousA11yViolations("public page");

        // a province that has not switched the page on: said in words, the address follows the choice
        new Select(driver.findElement(By.id("public-province"))).selectByValue("lam-dong");
        browser.await().until(ExpectedConditions.textToBe(By.id("public-message"),
                "Tỉnh Lâm Đồng chưa công khai số liệu tuyên truyền cải cách hành chính trên trang này."));
        assertThat(driver.findElement(By.id("public-result")).isDisplayed()).isFalse();
        assertThat(driver.getCurrentUrl()).endsWith("/cong-khai?province=lam-dong&year=" + year);
        browser.assertNoSeriousA11yViolations("public page, province not published");
    }

    @Test
    void onAPhoneThePublicPageFitsTheScreen() {
        Browser browser = browsers.open(Browser.Window.PHONE);
        browser.open("/cong-khai?province=vinh-long");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("public-result")));
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        assertThat(new Select(browser.driver().findElement(By.id("public-year"))).getFirstSelectedOption().getText())
                .isEqualTo(String.valueOf(OverviewFixture.year()));
        browser.screenshot("public-phone");
        browser.assertNoSeriousA11yViolations("public page (phone)");
    }
}
