package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cchc.system.OverviewFixture.DIALOGUE_TARGET;
import static vn.cchc.system.OverviewFixture.WARD;
import static vn.cchc.system.OverviewFixture.WEBSITE_TARGET;

import java.util.List;
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
 * The commune page in a real browser against the real local stack (the ward of {@link OverviewFixture}, opened by the
 * province admin): each target with an accessible progress bar and its monthly Chart.js chart, the tasks with the
 * overdue one first, today's scheduled broadcast, the latest publications, the PAR estimate with its explanations, the
 * periodic reports named by period (a Word report downloaded); phone layout, axe-core, screenshots.
 */
@ExtendWith(LocalStack.Started.class)
class UiOverviewCommuneIT {
    static final String ARTICLE = "Tân Hạnh: tuyên truyền Cổng Dịch vụ công quốc gia tại khu phố";

    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    @BeforeAll
    static void theWardWithAPlanAndAnArticle() {
        OverviewFixture.wardWithPlan();
        OverviewFixture.recordWebsiteArticle(OverviewFixture.admin(), ARTICLE);
    }

    static Browser communePage(Browser browser) {
        browser.signIn("admin", DemoAccounts.password("admin"));
        browser.await().until(d -> new Select(d.findElement(By.id("unit-select"))).getOptions().stream()
                .anyMatch(o -> WARD.equals(o.getDomAttribute("value"))));
        new Select(browser.driver().findElement(By.id("unit-select"))).selectByValue(WARD);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("commune-view")));
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#targets-table tr[data-target-id='" + WEBSITE_TARGET + "']")));
        return browser;
    }

    @Test
    void targetsWithProgressAndChartsTasksScheduleNewsScoreAndReports() {
        Browser browser = communePage(browsers.open());
        WebDriver driver = browser.driver();
        int year = OverviewFixture.year();

        // progress bars with a label saying the figures
        WebElement website = driver.findElement(By.cssSelector("#targets-table tr[data-target-id='" + WEBSITE_TARGET + "']"));
        WebElement bar = website.findElement(By.tagName("progress"));
        assertThat(bar.getDomAttribute("max")).isEqualTo("2");
        assertThat(bar.getDomAttribute("aria-label")).startsWith("Tiến độ kỳ hiện tại của chỉ tiêu “Ít nhất 02 tin, bài về CCHC mỗi tháng");
        assertThat(driver.findElement(By.cssSelector("#targets-table tr[data-target-id='" + DIALOGUE_TARGET + "'] progress"))
                .getDomAttribute("aria-label")).contains("0 trên 1 (0%)");

        // one Chart.js chart per target: the twelve months, the article counted in this month
        browser.await().until(d -> driver.findElements(By.cssSelector("#target-charts canvas")).size() == 2);
        int month = OverviewFixture.today().getMonthValue();
        browser.await().until(d -> monthlyCount(browser, WEBSITE_TARGET, month) >= 1);
        Object labels = browser.script("const c = document.querySelector(\"#target-charts figure[data-target-id='" + WEBSITE_TARGET
                + "'] canvas\"); return window.Chart.getChart(c).data.labels.length");
        assertThat(((Number) labels).intValue()).isEqualTo(12);
        assertThat(driver.findElement(By.cssSelector("#target-charts figure[data-target-id='" + WEBSITE_TARGET + "'] canvas"))
                .getDomAttribute("role")).isEqualTo("img");

        // tasks: the overdue one first (task-service builds them from the plan's events)
        browser.await().until(d -> {
            List<WebElement> tasks = d.findElements(By.cssSelector("#commune-tasks li[data-task-id]"));
            return tasks.size() >= 3 && tasks.getFirst().getText().contains(OverviewFixture.OVERDUE_TASK);
        });
        List<WebElement> tasks = driver.findElements(By.cssSelector("#commune-tasks li[data-task-id]"));
        if (OverviewFixture.today().getDayOfYear() > 1) {
            assertThat(tasks.getFirst().getDomAttribute("data-status")).isEqualTo("OVERDUE");
            assertThat(tasks.getFirst().getText()).contains("Quá hạn", "hạn 01/01/" + year);
        }
        // (the broadcast scheduled today is a task too: task-service tracks the plan's schedule)
        assertThat(tasks.subList(1, tasks.size()).stream().map(WebElement::getText))
                .anyMatch(t -> t.contains(OverviewFixture.LATER_TASK) && t.contains("31/12/" + year))
                .noneMatch(t -> t.contains(OverviewFixture.OVERDUE_TASK));

        // today's broadcast of the plan's schedule, the article just recorded, the score with its reasons
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("commune-schedule"), OverviewFixture.SCHEDULED_TITLE));
        assertThat(driver.findElement(By.id("commune-schedule")).getText()).contains("20:15–20:45", "Đài truyền thanh");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("commune-publications"), ARTICLE));
        assertThat(driver.findElement(By.id("commune-publications")).getText()).contains("Trang thông tin điện tử");
        browser.await().until(d -> !d.findElements(By.cssSelector("#commune-score li[data-criterion]")).isEmpty());
        assertThat(driver.findElement(By.id("commune-score-total")).getText()).matches("[0-9,]+ / [0-9,]+ điểm");
        for (WebElement line : driver.findElements(By.cssSelector("#commune-score li[data-criterion]"))) {
            assertThat(line.findElement(By.cssSelector(".block")).getText()).as("explanation of %s", line.getText()).isNotBlank();
        }

        browser.script("window.scrollTo(0, 0)");
        browser.screenshot(LocalStack.ROOT.resolve("docs/img/ui-commune.png"));

        // periodic reports named as the reports are; the Word report of quarter I downloads (fetched with the token)
        assertThat(driver.findElements(By.cssSelector("#commune-reports .report-name")).stream().map(WebElement::getText).toList())
                .containsExactly("Báo cáo quý I năm " + year, "Báo cáo 6 tháng đầu năm " + year, "Báo cáo quý III năm " + year,
                        "Báo cáo năm " + year);
        driver.findElement(By.cssSelector("#commune-reports [data-report='" + year + "-Q1.docx']")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("status-message"), "Đã tải " + year + "-Q1.docx."));
        assertThat(driver.findElement(By.id("commune-error")).getText()).isEmpty();

        browser.screenshot("commune");
        browser.assertNoSeriousA11yViolations("commune page");
    }

    @Test
    void onAPhoneTheCommunePageFitsTheScreen() {
        Browser browser = communePage(browsers.open(Browser.Window.PHONE));
        browser.await().until(d -> d.findElements(By.cssSelector("#target-charts canvas")).size() == 2
                && monthlyCount(browser, WEBSITE_TARGET, 1) >= 0);
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        WebElement card = browser.driver().findElement(By.cssSelector("#targets-table tr[data-target-id='" + WEBSITE_TARGET + "']"));
        assertThat(card.getCssValue("display")).isEqualTo("block");
        assertThat(card.findElement(By.tagName("progress")).isDisplayed()).isTrue();
        browser.screenshot("commune-phone");
        browser.assertNoSeriousA11yViolations("commune page (phone)");
    }

    /** The count of {@code month} (1–12) in a target's chart, or -1 while it is not drawn. */
    static long monthlyCount(Browser browser, String targetId, int month) {
        Object n = browser.script("const c = document.querySelector(\"#target-charts figure[data-target-id='\" + arguments[0] + \"'] canvas\");"
                + " const chart = c && window.Chart && window.Chart.getChart(c);"
                + " return chart ? chart.data.datasets[0].data[arguments[1] - 1] : -1;", targetId, month);
        return ((Number) n).longValue();
    }
}
