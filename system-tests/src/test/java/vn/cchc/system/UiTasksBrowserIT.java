package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
 * The Nhiệm vụ page in a real browser against the real local stack, on the demo plans that plan-service issues at
 * start-up (task-service builds their tasks from the plan events): the list puts overdue tasks first; a coordinator
 * moves a task to done with a note (with If-Match: a change made meanwhile is refused with a reload message) and sees it
 * in the audit trail; an editor adds a note and is offered no status change; a coordinator sets the due date of a task
 * due "when results are published" typed as dd/MM/yyyy; the list and the task page pass axe on a desktop and on a phone.
 * Screenshots in {@code system-tests/target/screenshots/}; the task page also in {@code docs/img/tasks.png}.
 */
@ExtendWith(LocalStack.Started.class)
class UiTasksBrowserIT {
    static final Duration WAIT = Duration.ofSeconds(180);
    static final String BAC_BINH = "lam-dong.bac-binh";
    static final String VAN_PHONG = "lai-chau.van-phong-ubnd";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo plans are for 2026: the year is chosen, so the test does not depend on today's year. */
    static final int YEAR = 2026;

    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    // ---------- the API, for choosing tasks and checking what the UI did

    static String token(String username, String password) {
        Http.Response response = Http.postJson(LocalStack.GATEWAY + "/api/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    static JsonNode get(String path, String token) {
        Http.Response response = Http.get(LocalStack.GATEWAY + path, "Authorization", "Bearer " + token);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The unit's tasks once task-service has built them from the demo plan's events. */
    static List<JsonNode> tasks(String unitId, String token, int atLeast) {
        List<JsonNode> tasks = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
            tasks.clear();
            get("/api/tasks?unit=" + unitId, token).forEach(tasks::add);
            return tasks.size() >= atLeast;
        });
        return tasks;
    }

    static JsonNode first(List<JsonNode> tasks, Predicate<JsonNode> which) {
        return tasks.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such task among " + tasks));
    }

    static boolean open(JsonNode task) {
        return List.of("PLANNED", "IN_PROGRESS", "OVERDUE").contains(task.get("status").asString());
    }

    // ---------- the browser

    /** Signs in, picks the demo year and opens Nhiệm vụ; returns when the task list has rows. */
    static Browser tasksPage(Browser browser, String username, String password) {
        browser.signIn(username, password);
        browser.await().until(d -> new Select(d.findElement(By.id("unit-select"))).getOptions().size() > 0);
        Select year = new Select(browser.driver().findElement(By.id("year-select")));
        if (!String.valueOf(YEAR).equals(year.getFirstSelectedOption().getDomAttribute("value"))) {
            year.selectByValue(String.valueOf(YEAR));
        }
        browser.driver().findElement(By.cssSelector(".tab[data-tab='tasks']")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks-table")));
        browser.await().until(d -> !d.findElements(By.cssSelector("#tasks-table tbody tr")).isEmpty());
        return browser;
    }

    /** Opens a task's page from the list (waiting for the list to show it: task-service may still be building it). */
    static void openTask(Browser browser, String taskId) {
        By row = By.cssSelector("#tasks-table button.task-open[data-task-id='" + taskId + "']");
        browser.await().until(ExpectedConditions.elementToBeClickable(row)).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("task-detail-title")));
        browser.await().until(d -> !d.findElements(By.cssSelector("#task-detail .task-facts")).isEmpty());
    }

    static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    static String focusedId(Browser browser) {
        return String.valueOf(browser.script("return document.activeElement && document.activeElement.id"));
    }

    @Test
    void aCoordinatorMovesATaskToDoneWithANoteAndSeesItInTheAuditTrail() {
        String token = token("coordinator.bac-binh", DemoAccounts.password("coordinator.bac-binh"));
        List<JsonNode> tasks = tasks(BAC_BINH, token, 13);
        // an open task with a due date late in the demo year (the 31/12 one), so the overdue check leaves it alone today
        JsonNode task = first(tasks, t -> open(t) && t.path("dueDate").asString("").equals(YEAR + "-12-31"));
        String id = task.get("id").asString();

        Browser browser = tasksPage(browsers.open(Browser.Window.DESKTOP), "coordinator.bac-binh", DemoAccounts.password("coordinator.bac-binh"));
        // overdue first, then by due date
        browser.await().until(d -> d.findElements(By.cssSelector("#tasks-table tbody tr")).size() >= 13);
        List<String> statuses = browser.driver().findElements(By.cssSelector("#tasks-table tbody tr .badge")).stream()
                .map(WebElement::getText).toList();
        int lastOverdue = statuses.lastIndexOf("Quá hạn");
        assertThat(statuses.subList(0, lastOverdue + 1)).as("overdue tasks come first").allMatch("Quá hạn"::equals);
        // the status filter
        new Select(browser.driver().findElement(By.id("tasks-status-filter"))).selectByValue("PLANNED");
        browser.await().until(d -> d.findElements(By.cssSelector("#tasks-table tbody tr .badge")).stream()
                .allMatch(b -> b.getText().equals("Chưa thực hiện")));
        new Select(browser.driver().findElement(By.id("tasks-status-filter"))).selectByValue("");
        browser.screenshot("tasks-list");
        browser.assertNoSeriousA11yViolations("task list");

        openTask(browser, id);
        String detail = text(browser, "task-detail");
        assertThat(detail).contains(task.get("title").asString(), "Đơn vị chủ trì", "Thời gian thực hiện", "31/12/" + YEAR,
                "Tài liệu kiểm chứng", "Lịch sử thay đổi", "Ghi chú tiến độ").doesNotContain("null", "undefined");
        assertThat(browser.driver().findElements(By.id("task-note-form"))).as("coordinators note too").hasSize(1);
        browser.assertNoSeriousA11yViolations("task page (coordinator)");

        // someone else changes the task meanwhile: the ETag the page holds is stale → 412, explained, reload offered
        Http.Response meanwhile = Http.postJson(LocalStack.GATEWAY + "/api/tasks/" + id + "/notes",
                "{\"author\":\"Biên tập viên xã Bắc Bình\",\"text\":\"Đã chuẩn bị tư liệu\"}",
                "Authorization", "Bearer " + token("editor.bac-binh", DemoAccounts.password("editor.bac-binh")));
        assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(200);
        Select status = new Select(browser.driver().findElement(By.id("task-status")));
        assertThat(status.getOptions().stream().map(o -> o.getDomAttribute("value")).toList())
                .as("only the allowed transitions").doesNotContain("OVERDUE").contains("DONE", "CANCELLED");
        status.selectByValue("DONE");
        browser.driver().findElement(By.id("task-status-note")).sendKeys("Đã tiếp sóng đủ 11 chương trình");
        browser.driver().findElement(By.cssSelector("#task-status-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-status-form-error"),
                "Nhiệm vụ vừa được người khác thay đổi"));
        assertThat(get("/api/tasks/" + id, token).get("status").asString()).as("nothing changed").isEqualTo(task.get("status").asString());
        browser.driver().findElement(By.cssSelector("#task-status-form-error button")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("task-detail-message"), "Đã tải lại nhiệm vụ."));
        assertThat(text(browser, "task-notes")).contains("Đã chuẩn bị tư liệu");

        // again on the fresh copy: done, with the note, in the audit trail
        new Select(browser.driver().findElement(By.id("task-status"))).selectByValue("DONE");
        browser.driver().findElement(By.id("task-status-note")).sendKeys("Đã tiếp sóng đủ 11 chương trình");
        browser.driver().findElement(By.cssSelector("#task-status-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("task-detail-message"), "Đã chuyển nhiệm vụ sang “Hoàn thành”."));
        assertThat(focusedId(browser)).as("the success message gets the focus").isEqualTo("task-detail-message");
        String audit = text(browser, "task-audit");
        assertThat(audit).contains("coordinator.bac-binh", "→ Hoàn thành", "Đã tiếp sóng đủ 11 chương trình", "editor.bac-binh");
        assertThat(audit).containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(text(browser, "task-detail")).contains("Hoàn thành");
        assertThat(get("/api/tasks/" + id, token).get("status").asString()).isEqualTo("DONE");
        JsonNode trail = get("/api/tasks/" + id + "/audit", token);
        assertThat(trail.get(trail.size() - 1).get("action").asString()).isEqualTo("NOTE_ADDED");
        assertThat(trail.get(trail.size() - 2).get("to").asString()).isEqualTo("DONE");
        browser.script("document.getElementById('task-audit').scrollIntoView()");
        browser.screenshot("task-detail-audit");
        browser.script("document.getElementById('task-detail-title').scrollIntoView()");
        browser.screenshot("task-detail-done");
        browser.screenshot(LocalStack.ROOT.resolve("docs/img/tasks.png"));
    }

    @Test
    void anEditorAddsANoteAndIsOfferedNoStatusChange() {
        String token = token("editor.bac-binh", DemoAccounts.password("editor.bac-binh"));
        JsonNode task = first(tasks(BAC_BINH, token, 13), t -> t.path("dueDate").isNull() || t.path("dueDate").isMissingNode());
        String id = task.get("id").asString();

        Browser browser = tasksPage(browsers.open(Browser.Window.DESKTOP, Browser.Locale.VIETNAMESE),
                "editor.bac-binh", DemoAccounts.password("editor.bac-binh"));
        openTask(browser, id);
        assertThat(browser.driver().findElements(By.id("task-status-form"))).as("no status change for an editor").isEmpty();
        assertThat(text(browser, "task-detail")).doesNotContain("null", "undefined");
        assertThat(browser.driver().findElements(By.id("task-trigger-form"))).isEmpty();
        WebElement author = browser.driver().findElement(By.id("task-note-author"));
        assertThat(author.getDomProperty("value")).as("from the token's name claim").isEqualTo("Biên tập viên xã Bắc Bình");

        // every error at once, next to its field, the first one focused; nothing sent
        author.clear();
        browser.driver().findElement(By.cssSelector("#task-note-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("task-note-author-error"), "Hãy nhập tên người ghi."));
        assertThat(text(browser, "task-note-text-error")).isEqualTo("Hãy nhập nội dung ghi chú.");
        assertThat(author.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(author.getDomAttribute("aria-describedby")).isEqualTo("task-note-author-error");
        assertThat(focusedId(browser)).isEqualTo("task-note-author");
        assertThat(get("/api/tasks/" + id, token).get("notes")).hasSize(task.get("notes").size());

        author.sendKeys("Phạm Thị Dung");
        browser.driver().findElement(By.id("task-note-text")).sendKeys("Đã đăng 3 bài giới thiệu lịch phát sóng");
        browser.driver().findElement(By.cssSelector("#task-note-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("task-detail-message"), "Đã thêm ghi chú."));
        assertThat(focusedId(browser)).isEqualTo("task-detail-message");
        assertThat(text(browser, "task-notes")).contains("Phạm Thị Dung", "Đã đăng 3 bài giới thiệu lịch phát sóng");
        assertThat(text(browser, "task-audit")).contains("editor.bac-binh", "Thêm ghi chú");
        assertThat(browser.driver().findElements(By.id("task-status-form"))).isEmpty();
        JsonNode notes = get("/api/tasks/" + id, token).get("notes");
        assertThat(notes.get(notes.size() - 1).get("author").asString()).isEqualTo("Phạm Thị Dung");
        browser.assertNoSeriousA11yViolations("task page (editor)");
        browser.screenshot("task-detail-editor");
    }

    @Test
    void aCoordinatorSetsTheDueDateOfATaskDueWhenResultsArePublished() {
        String token = token("coordinator.van-phong", DemoAccounts.password("coordinator.van-phong"));
        JsonNode task = first(tasks(VAN_PHONG, token, 1),
                t -> "ON_RESULTS".equals(t.path("timeFrame").path("type").asString()) && t.path("dueDate").isNull());
        String id = task.get("id").asString();

        Browser browser = tasksPage(browsers.open(Browser.Window.DESKTOP), "coordinator.van-phong", DemoAccounts.password("coordinator.van-phong"));
        openTask(browser, id);
        assertThat(text(browser, "task-detail")).contains("Chưa xác định (khi có kết quả công bố)");
        WebElement date = browser.driver().findElement(By.id("task-trigger-date"));
        date.sendKeys("31/02/" + YEAR);
        browser.driver().findElement(By.cssSelector("#task-trigger-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-trigger-date-error"), "Ngày không hợp lệ"));
        assertThat(focusedId(browser)).isEqualTo("task-trigger-date");
        assertThat(get("/api/tasks/" + id, token).path("dueDate").isNull()).as("nothing sent").isTrue();

        date.clear();
        date.sendKeys("15/12/" + YEAR);
        browser.driver().findElement(By.cssSelector("#task-trigger-form button[type=submit]")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("task-detail-message"), "Đã xác định hạn hoàn thành: 15/12/" + YEAR + "."));
        assertThat(get("/api/tasks/" + id, token).get("dueDate").asString()).isEqualTo(YEAR + "-12-15");
        assertThat(text(browser, "task-audit")).contains("coordinator.van-phong", "Xác định hạn hoàn thành: 15/12/" + YEAR);
    }

    @Test
    void onAPhoneTheListAndTheTaskPageFitAndPassAxe() {
        String token = token("coordinator.bac-binh", DemoAccounts.password("coordinator.bac-binh"));
        JsonNode task = first(tasks(BAC_BINH, token, 13), t -> t.path("window").isObject());
        Browser browser = tasksPage(browsers.open(Browser.Window.PHONE, Browser.Locale.VIETNAMESE),
                "coordinator.bac-binh", DemoAccounts.password("coordinator.bac-binh"));
        assertThat(((Number) browser.script("return window.innerWidth")).intValue()).isEqualTo(390);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling").isLessThanOrEqualTo(390);
        browser.script("document.getElementById('tasks-status-filter').scrollIntoView()");
        browser.screenshot("tasks-phone");
        browser.assertNoSeriousA11yViolations("task list on a phone");

        openTask(browser, task.get("id").asString());
        // a radio programme: its air time in Vietnam time
        assertThat(text(browser, "task-detail")).contains("20:15–20:45");
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        browser.script("document.getElementById('task-detail-title').scrollIntoView()");
        browser.screenshot("task-detail-phone");
        browser.assertNoSeriousA11yViolations("task page on a phone");
    }
}
