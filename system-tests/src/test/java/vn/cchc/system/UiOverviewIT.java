package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cchc.system.OverviewFixture.DIALOGUE_TARGET;
import static vn.cchc.system.OverviewFixture.WARD;
import static vn.cchc.system.OverviewFixture.WARD_NAME;
import static vn.cchc.system.OverviewFixture.WEBSITE_TARGET;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The province overview in a real browser against the real local stack, as the province admin: every commune × target
 * of Vĩnh Long with its traffic light in colour and words, sorting by the column headers, filtering by status, the
 * counts moving live when a publication is recorded through the API (no reload), the trend charts drawn by Chart.js,
 * the drill-down to the commune page, a phone-size layout, axe-core scans and screenshots
 * ({@code target/screenshots/overview*.png}, {@code docs/img/ui-overview.png}).
 */
@ExtendWith(LocalStack.Started.class)
class UiOverviewIT {
    static final Set<String> STATUS_WORDS = Set.of("Đạt", "Đúng tiến độ", "Có nguy cơ", "Không đạt", "Chưa đến kỳ", "Chưa áp dụng");

    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    @BeforeAll
    static void aSecondWardWithAPlan() {
        OverviewFixture.wardWithPlan();
    }

    static By row(String targetId) {
        return By.cssSelector("#ov-table tr[data-commune-id='" + WARD + "'][data-target-id='" + targetId + "']");
    }

    /** A cell's text (see {@link #reread}). */
    static String cell(WebDriver driver, String targetId, String column) {
        return reread(() -> driver.findElement(row(targetId)).findElement(By.cssSelector("td[data-col='" + column + "']")).getText());
    }

    /** The table is rebuilt by every live update: what was replaced while it was read is read again. */
    static <T> T reread(java.util.function.Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 20) {
                    throw replaced;
                }
            }
        }
    }

    /** Signs in as the province admin and opens Vĩnh Long's overview. */
    static Browser provinceOverview(Browser browser) {
        browser.signIn("admin", DemoAccounts.password("admin"));
        WebDriver driver = browser.driver();
        browser.await().until(d -> new Select(d.findElement(By.id("unit-select"))).getOptions().stream()
                .anyMatch(o -> "vinh-long".equals(o.getDomAttribute("value"))));
        new Select(driver.findElement(By.id("unit-select"))).selectByValue("vinh-long");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("province-view")));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(row(WEBSITE_TARGET)));
        return browser;
    }

    @Test
    void everyCommuneAndTargetWithItsTrafficLightSortedFilteredLiveAndDrilledDown() {
        Browser browser = provinceOverview(browsers.open());
        WebDriver driver = browser.driver();
        assertThat(driver.findElement(By.id("commune-view")).isDisplayed()).isFalse();

        // every commune of the province, each target with a light and its status in words
        List<String> website = reread(() -> {
            WebElement r = driver.findElement(row(WEBSITE_TARGET));
            return List.of(r.getText(), r.findElement(By.cssSelector(".light")).getDomAttribute("aria-hidden"),
                    r.findElement(By.cssSelector(".traffic .badge")).getText());
        });
        assertThat(website.get(0)).contains(WARD_NAME, "Ít nhất 02 tin, bài về CCHC mỗi tháng", "Hằng tháng");
        assertThat(website.get(1)).isEqualTo("true");
        assertThat(website.get(2)).isIn(STATUS_WORDS);
        assertThat(reread(() -> driver.findElement(row(DIALOGUE_TARGET)).getText())).contains("Hằng năm");
        assertThat(driver.findElements(By.cssSelector("#ov-table tr[data-commune-id='vinh-long.phu-khuong']"))).isNotEmpty();
        // the monthly website target has missed every month before this one (the plan is in force from 1 January)
        int month = OverviewFixture.today().getMonthValue();
        assertThat(cell(driver, WEBSITE_TARGET, "periods")).isEqualTo("0 / " + (month - 1));
        // figures above a list of targets, never above an empty state
        assertThat(driver.findElement(By.id("ov-empty")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("ov-summary")).getText()).contains("Từ đầu năm đến nay: Đạt"); // periods met and missed so far

        // the year's trend, drawn by Chart.js (one line per target shown)
        browser.await().until(d -> chartDatasets(browser, "ov-trend-targets") > 0 && chartDatasets(browser, "ov-trend-status") > 0);
        browser.screenshot("overview");
        browser.assertNoSeriousA11yViolations("province overview");

        // sort by commune: A→Z first, a second click Z→A
        WebElement communeHeader = driver.findElement(By.cssSelector("#ov-table th[data-sort='commune']"));
        assertThat(communeHeader.getDomAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(communes(driver)).isSortedAccordingTo(String::compareTo).first().isEqualTo("Phường Phú Khương");
        communeHeader.findElement(By.tagName("button")).click();
        browser.await().until(d -> "descending".equals(d.findElement(By.cssSelector("#ov-table th[data-sort='commune']")).getDomAttribute("aria-sort")));
        assertThat(communes(driver).getFirst()).isEqualTo(WARD_NAME);

        // live: a publication recorded through the API moves the counts on the open page, without a reload
        browser.script("window.__notReloaded = true");
        int monthBefore = Integer.parseInt(cell(driver, WEBSITE_TARGET, "month"));
        int yearBefore = Integer.parseInt(cell(driver, WEBSITE_TARGET, "year"));
        String editor = OverviewFixture.admin();
        OverviewFixture.recordWebsiteArticle(editor, "Phường Tân Hạnh triển khai dịch vụ công trực tuyến toàn trình");
        browser.await().until(d -> Integer.parseInt(cell(d, WEBSITE_TARGET, "month")) == monthBefore + 1);
        assertThat(Integer.parseInt(cell(driver, WEBSITE_TARGET, "year"))).isEqualTo(yearBefore + 1);
        OverviewFixture.recordWebsiteArticle(editor, "Hướng dẫn nộp hồ sơ trực tuyến tại Trung tâm Phục vụ hành chính công");
        browser.await().until(d -> d.findElement(row(WEBSITE_TARGET)).getDomAttribute("data-status").equals("MET"));
        List<String> met = reread(() -> {
            WebElement r = driver.findElement(row(WEBSITE_TARGET));
            return List.of(r.findElement(By.cssSelector(".traffic .badge")).getText(),
                    r.findElement(By.cssSelector(".light")).getDomAttribute("class"));
        });
        assertThat(met.get(0)).isEqualTo("Đạt");
        assertThat(met.get(1)).contains("light-met");
        assertThat(cell(driver, WEBSITE_TARGET, "progress")).isEqualTo("2/2");
        assertThat(browser.script("return window.__notReloaded === true")).isEqualTo(true);

        // filter by status: only the met targets, then a status none has says so
        new Select(driver.findElement(By.id("ov-filter"))).selectByValue("MET");
        browser.await().until(d -> statuses(d).stream().allMatch("MET"::equals));
        assertThat(driver.findElements(row(WEBSITE_TARGET))).hasSize(1);
        assertThat(driver.findElements(row(DIALOGUE_TARGET))).isEmpty();
        assertThat(driver.findElement(By.id("ov-shown")).getText()).startsWith("Đang hiển thị");
        new Select(driver.findElement(By.id("ov-filter"))).selectByValue("NOT_STARTED");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("ov-empty")));
        assertThat(driver.findElement(By.id("ov-empty")).getText()).isEqualTo("Không có chỉ tiêu nào đang ở tình trạng “Chưa áp dụng”.");
        new Select(driver.findElement(By.id("ov-filter"))).selectByValue("");
        browser.await().until(d -> !d.findElements(row(DIALOGUE_TARGET)).isEmpty());
        browser.screenshot(LocalStack.ROOT.resolve("docs/img/ui-overview.png"));

        // sort by this year's count: highest first, a second click lowest first
        driver.findElement(By.cssSelector("#ov-table th[data-sort='year'] button")).click();
        browser.await().until(d -> "descending".equals(d.findElement(By.cssSelector("#ov-table th[data-sort='year']")).getDomAttribute("aria-sort")));
        assertThat(yearCounts(driver)).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        driver.findElement(By.cssSelector("#ov-table th[data-sort='year'] button")).click();
        browser.await().until(d -> "ascending".equals(d.findElement(By.cssSelector("#ov-table th[data-sort='year']")).getDomAttribute("aria-sort")));
        assertThat(yearCounts(driver)).isSorted();
        // by status: the worst first
        driver.findElement(By.cssSelector("#ov-table th[data-sort='status'] button")).click();
        List<String> severity = List.of("MISSED", "AT_RISK", "ON_TRACK", "MET", "UPCOMING", "NOT_STARTED");
        assertThat(statuses(driver).stream().map(severity::indexOf).toList()).isSorted();

        // drill down: the ward's name opens its commune page (the unit picker follows)
        driver.findElement(By.cssSelector("#ov-table button[data-drill='" + WARD + "']")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("commune-view")));
        assertThat(new Select(driver.findElement(By.id("unit-select"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo(WARD);
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#targets-table tr[data-target-id='" + WEBSITE_TARGET + "']")));
        assertThat(driver.findElement(By.id("province-view")).isDisplayed()).isFalse();
        // and back up to the province
        driver.findElement(By.id("commune-up-button")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("province-view")));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(row(WEBSITE_TARGET)));
    }

    @Test
    void onAPhoneTheRowsBecomeCardsWithTheSortButtonsAbove() {
        Browser browser = provinceOverview(browsers.open(Browser.Window.PHONE));
        WebDriver driver = browser.driver();
        browser.await().until(d -> chartDatasets(browser, "ov-trend-targets") > 0);
        // nothing wider than the phone
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        // the sort headers stay usable, as buttons above the cards
        WebElement sortByStatus = driver.findElement(By.cssSelector("#ov-table th[data-sort='status'] button"));
        assertThat(sortByStatus.isDisplayed()).isTrue();
        sortByStatus.click();
        browser.await().until(d -> "ascending".equals(d.findElement(By.cssSelector("#ov-table th[data-sort='status']")).getDomAttribute("aria-sort")));
        // each row a card: the cells stacked, each with its label
        List<String> card = reread(() -> {
            WebElement r = driver.findElement(row(WEBSITE_TARGET));
            return List.of(r.getCssValue("display"), r.findElement(By.cssSelector("td[data-col='month']")).getDomAttribute("data-label"));
        });
        assertThat(card.get(0)).isEqualTo("block");
        assertThat(card.get(1)).isEqualTo("Tháng này");
        browser.screenshot("overview-phone");
        browser.assertNoSeriousA11yViolations("province overview (phone)");
    }

    static long chartDatasets(Browser browser, String canvasId) {
        Object n = browser.script("const c = document.getElementById(arguments[0]);"
                + " const chart = c && window.Chart && window.Chart.getChart(c);"
                + " return chart ? chart.data.datasets.length : 0;", canvasId);
        return ((Number) n).longValue();
    }

    static List<String> communes(WebDriver driver) {
        return reread(() -> driver.findElements(By.cssSelector("#ov-table tbody tr td:first-child")).stream().map(c -> c.getText().lines().findFirst().orElse("")).toList()); // the name; the periods met and missed so far follow it
    }

    static List<String> statuses(WebDriver driver) {
        return reread(() -> driver.findElements(By.cssSelector("#ov-table tbody tr[data-target-id]")).stream()
                .map(r -> r.getDomAttribute("data-status")).toList());
    }

    static List<Integer> yearCounts(WebDriver driver) {
        return reread(() -> driver.findElements(By.cssSelector("#ov-table tbody tr[data-target-id] td[data-col='year']")).stream()
                .map(c -> Integer.parseInt(c.getText())).toList());
    }
}
