package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * Signing in and moving around the web UI in a real browser against the real local stack: the tabs by keyboard and
 * by address, each page free of critical or serious accessibility findings, a viewer offered nothing it may not do,
 * and the phone-size layout.
 */
@ExtendWith(LocalStack.Started.class)
class UiNavigationIT {
    static final List<String> TABS = List.of("dashboard", "plans", "publication", "publications", "tasks", "reports");
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);
    Browser browser;
    UiPage ui;

    @Test
    void signInTabsByKeyboardAndAddressEveryPageAccessible() {
        browser = browsers.open(Browser.Window.DESKTOP, Browser.Locale.VIETNAMESE);
        ui = UiPage.signIn(browser, "editor.phu-khuong", DemoAccounts.password("editor.phu-khuong"));
        assertThat(ui.text("user-name")).isEqualTo("Biên tập viên phường Phú Khương");
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "Đang cập nhật trực tiếp"));

        // the tablist: the selected tab alone in the Tab order, the others reached with the arrow keys, Home and End
        WebElement list = ui.find("tablist");
        assertThat(list.getDomAttribute("role")).isEqualTo("tablist");
        for (String tab : TABS) {
            WebElement button = ui.find("tab-" + tab);
            assertThat(button.getDomAttribute("role")).isEqualTo("tab");
            assertThat(button.getDomAttribute("aria-controls")).isEqualTo(tab);
            WebElement panel = ui.find(tab);
            assertThat(panel.getDomAttribute("role")).isEqualTo("tabpanel");
            assertThat(panel.getDomAttribute("aria-labelledby")).isEqualTo("tab-" + tab);
        }
        assertThat(ui.find("tab-dashboard").getDomAttribute("aria-selected")).isEqualTo("true");
        ui.find("tab-dashboard").click();
        assertSelected("dashboard");
        ui.find("tab-dashboard").sendKeys(Keys.ARROW_RIGHT);
        assertSelected("plans");
        ui.find("tab-plans").sendKeys(Keys.END);
        assertSelected("reports");
        ui.find("tab-reports").sendKeys(Keys.ARROW_RIGHT); // wraps to the first
        assertSelected("dashboard");
        ui.find("tab-dashboard").sendKeys(Keys.ARROW_LEFT); // and back to the last
        assertSelected("reports");
        ui.find("tab-reports").sendKeys(Keys.HOME);
        assertSelected("dashboard");
        assertThat(browser.driver().getCurrentUrl()).contains("tab=dashboard");

        // each page: shown, screenshot, accessibility scan
        for (String tab : TABS) {
            ui.openTab(tab);
            assertSelected(tab);
            waitForContent(tab);
            browser.screenshot("ui-" + tab);
            browser.assertNoSeriousA11yViolations(tab);
        }

        // a page by its address: #tab=tasks opens the task list
        browser.driver().get(LocalStack.GATEWAY + "/#tab=tasks&year=2026");
        browser.await().until(ExpectedConditions.attributeToBe(By.id("tab-tasks"), "aria-selected", "true"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks")));
        assertThat(ui.find("dashboard").isDisplayed()).isFalse();

        // live refresh: an article recorded elsewhere moves the website target's count without a click
        ui.openTab("dashboard");
        By websiteCount = By.xpath("//table[@id='targets-table']//tr[contains(., 'Trang')][contains(., '12 tin/bài')]/td[@data-label='Đã thực hiện / Tối thiểu']");
        int before = count(browser.await().until(ExpectedConditions.visibilityOfElementLocated(websiteCount)).getText());
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "Đang cập nhật trực tiếp"));
        String token = UiPage.apiToken("editor.phu-khuong", DemoAccounts.password("editor.phu-khuong"));
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusHours(1).withNano(0).toString();
        Http.Response recorded = Http.postJson(LocalStack.GATEWAY + "/api/publications", """
                {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE","title":"Tin cập nhật trực tiếp",
                 "url":"https://phukhuong.vinhlong.gov.vn/tin-tuc/cap-nhat-truc-tiep-%d","publishedAt":"%s"}"""
                .formatted(System.nanoTime(), now), "Authorization", "Bearer " + token);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        browser.await().until(d -> count(d.findElement(websiteCount).getText()) > before);

        // the Word report: fetched with the token, handed to the browser as a .docx file
        ui.openTab("reports");
        browser.script("""
                window.__downloads = [];
                const create = URL.createObjectURL;
                URL.createObjectURL = (blob) => { window.__downloads.push(blob); return create(blob); };""");
        browser.driver().findElement(By.cssSelector("#report-links [data-download='2026-Q1.docx']")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("status-message"), "Đã tải 2026-Q1.docx."));
        Object magic = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[0]; window.__downloads[0].slice(0, 2).text().then(done);");
        assertThat(magic).as("a .docx is a zip file").isEqualTo("PK");

        // signing out ends the gateway's session too
        ui.find("logout-button").click();
        browser.await().until(ExpectedConditions.urlContains("/login?logout"));
        browser.open("/");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
    }

    static int count(String countAndMinimum) {
        return Integer.parseInt(countAndMinimum.substring(0, countAndMinimum.indexOf('/')).trim());
    }

    @Test
    void aViewerIsOfferedNothingItMayNotDo() {
        browser = browsers.open(Browser.Window.DESKTOP, Browser.Locale.VIETNAMESE);
        ui = UiPage.signIn(browser, "viewer", DemoAccounts.password("viewer"));
        browser.driver().get(LocalStack.GATEWAY + "/#tab=publication");
        browser.driver().navigate().refresh();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("main-view")));
        // no publication tab (the address falls back to the dashboard), no form
        browser.await().until(ExpectedConditions.attributeToBe(By.id("tab-dashboard"), "aria-selected", "true"));
        assertThat(ui.find("tab-publication").isDisplayed()).isFalse();
        assertThat(ui.find("publication-form").isDisplayed()).isFalse();
        // the province: its plan list holds its communes' plans too
        new Select(ui.find("unit-select")).selectByValue("vinh-long");
        ui.find("tab-dashboard").sendKeys(Keys.END);
        assertSelected("reports");
        ui.find("tab-reports").sendKeys(Keys.ARROW_LEFT);
        assertSelected("tasks");
        ui.find("tab-tasks").sendKeys(Keys.ARROW_LEFT); // the recorded items: a viewer reads them
        assertSelected("publications");
        ui.find("tab-publications").sendKeys(Keys.ARROW_LEFT); // skips the hidden recording form
        assertSelected("plans");
        // plans: read only
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("plans-list-view")));
        assertThat(ui.find("plan-new-button").isDisplayed()).isFalse();
        assertThat(ui.find("import-form").isDisplayed()).isFalse();
        List<WebElement> open = browser.await().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#plans-table [data-open-plan]"), 0));
        open.getFirst().click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-view")));
        assertThat(browser.driver().findElements(By.cssSelector("#plan-actions [data-plan-action]")))
                .extracting(WebElement::getText).containsExactly("Tải lại");
        assertThat(browser.driver().findElements(By.cssSelector("#plan-document button[data-duty-id]"))).isEmpty();
        browser.screenshot("ui-viewer-plan");
        browser.assertNoSeriousA11yViolations("plan page (viewer)");
    }

    @Test
    void phoneSizeLayout() {
        browser = browsers.open(Browser.Window.PHONE, Browser.Locale.VIETNAMESE);
        ui = UiPage.signIn(browser, "coordinator.phu-khuong", DemoAccounts.password("coordinator.phu-khuong"));
        for (String tab : TABS) {
            ui.openTab(tab);
            waitForContent(tab);
            // nothing wider than the screen: no sideways scrolling on a phone
            Long overflow = (Long) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as(tab + ": page wider than the phone").isLessThanOrEqualTo(0L);
            browser.screenshot("ui-phone-" + tab);
            browser.assertNoSeriousA11yViolations(tab + " (phone)");
        }
        // the tables become labelled cards
        ui.openTab("dashboard");
        WebElement cell = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#targets-table tbody td")));
        assertThat(browser.driver().findElement(By.cssSelector("#targets-table tbody tr")).getCssValue("display")).isEqualTo("block");
        assertThat(browser.script("return getComputedStyle(arguments[0], '::before').content", cell)).isEqualTo("\"Chỉ tiêu\"");
        // the tabs wrap two by two
        int first = ui.find("tab-dashboard").getRect().getY();
        assertThat(ui.find("tab-plans").getRect().getY()).isEqualTo(first);
        assertThat(ui.find("tab-publication").getRect().getY()).isGreaterThan(first);
    }

    void assertSelected(String tab) {
        browser.await().until(ExpectedConditions.attributeToBe(By.id("tab-" + tab), "aria-selected", "true"));
        assertThat(ui.focusedId()).isEqualTo("tab-" + tab);
        assertThat(ui.find("tab-" + tab).getDomProperty("tabIndex")).isEqualTo("0");
        assertThat(browser.driver().findElements(By.cssSelector("[role=tab][tabindex='0']"))).hasSize(1);
        assertThat(ui.find(tab).isDisplayed()).isTrue();
    }

    void waitForContent(String tab) {
        switch (tab) {
            case "dashboard" -> browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#task-progress dd")));
            case "plans" -> browser.await().until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plans-table tbody tr")),
                    ExpectedConditions.visibilityOfElementLocated(By.id("plans-empty"))));
            case "publication" -> browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("pub-submit")));
            case "publications" -> browser.await().until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pubs-table tbody tr")),
                    ExpectedConditions.visibilityOfElementLocated(By.id("pubs-empty"))));
            case "tasks" -> browser.await().until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#tasks-table tbody tr")),
                    ExpectedConditions.visibilityOfElementLocated(By.id("tasks-empty"))));
            default -> browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report-links button")));
        }
    }
}
