package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The calendar subscription from the Nhiệm vụ page, against the real local stack: a coordinator creates a secret
 * address for the commune; a plain HTTP GET of it <b>without any token</b>, through the gateway as a calendar app
 * sends it, answers text/calendar with the commune's dated tasks; the page lists the subscription (never its key) and
 * revokes it, after which the address is a bare 404. A viewer is offered the download only.
 */
@ExtendWith(LocalStack.Started.class)
class UiTasksCalendarIT {
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    /** iCalendar folds long lines (CRLF + space): unfold before looking for text. */
    static String unfold(String ics) {
        return ics.replace("\r\n ", "").replace("\n ", "");
    }

    @Test
    void aCoordinatorCreatesACalendarAddressThatWorksWithoutATokenAndRevokesIt() {
        String token = UiTasksBrowserIT.token("coordinator.bac-binh", DemoAccounts.password("coordinator.bac-binh"));
        List<JsonNode> tasks = UiTasksBrowserIT.tasks(UiTasksBrowserIT.BAC_BINH, token, 13);
        JsonNode dated = UiTasksBrowserIT.first(tasks, t -> t.path("dueDate").isString() && !t.path("window").isObject());

        Browser browser = UiTasksBrowserIT.tasksPage(browsers.open(Browser.Window.DESKTOP), "coordinator.bac-binh", DemoAccounts.password("coordinator.bac-binh"));
        browser.driver().findElement(By.id("task-calendar-create")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("task-calendar-url")));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-calendar-message"),
                "chỉ hiển thị một lần"));
        String url = browser.driver().findElement(By.id("task-calendar-url")).getDomProperty("value");
        assertThat(url).matches(LocalStack.GATEWAY.replace(".", "\\.") + "/api/tasks/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics");
        String key = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        browser.await().until(d -> d.findElements(By.cssSelector("#task-calendar-list li")).size() == 1);
        assertThat(browser.driver().findElement(By.id("task-calendar-list")).getText())
                .contains("Bắc Bình", "chưa được ứng dụng lịch đọc").doesNotContain(key);
        browser.screenshot("tasks-calendar-created");
        browser.assertNoSeriousA11yViolations("task list with a calendar address");

        // a calendar app: no Authorization header, just the address
        Http.Response feed = Http.get(url);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        String ics = unfold(feed.body());
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Đối thoại về cải cách hành chính",
                "SUMMARY:Hạn: " + dated.get("title").asString(), "TZID=Asia/Ho_Chi_Minh");
        assertThat(ics.split("BEGIN:VEVENT", -1)).as("the 12 dated tasks, not the ongoing one").hasSize(13);
        // the key opens nothing else
        assertThat(Http.get(LocalStack.GATEWAY + "/api/tasks?unit=lam-dong.bac-binh&key=" + key).status()).isEqualTo(401);

        // the owner's list (API) knows it was used, and never shows the key
        JsonNode mine = UiTasksBrowserIT.get("/api/tasks/calendar/feeds", token);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(mine.toString()).doesNotContain(key);

        // revoke from the page: the address is dead, with nothing to learn from the answer
        browser.driver().findElement(By.cssSelector("#task-calendar-list .task-calendar-revoke")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-calendar-message"),
                "Đã thu hồi địa chỉ đăng ký lịch"));
        browser.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("task-calendar-subscriptions")));
        Http.Response revoked = Http.get(url);
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.body()).isEmpty();
        assertThat(UiTasksBrowserIT.get("/api/tasks/calendar/feeds", token)).isEmpty();
    }

    @Test
    void aViewerIsOfferedTheDownloadButNoSubscription() {
        Browser browser = UiTasksBrowserIT.tasksPage(browsers.open(Browser.Window.DESKTOP), "viewer", DemoAccounts.password("viewer"));
        assertThat(browser.driver().findElement(By.id("task-calendar-download")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElement(By.id("task-calendar-create")).isDisplayed()).isFalse();
        // a viewer opens a task and gets no form at all
        browser.driver().findElement(By.cssSelector("#tasks-table button.task-open")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("task-detail-title")));
        browser.await().until(d -> !d.findElements(By.cssSelector("#task-detail .task-facts")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector("#task-detail form"))).isEmpty();
    }
}
