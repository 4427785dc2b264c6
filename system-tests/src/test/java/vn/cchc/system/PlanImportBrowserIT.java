package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The plan import in a real browser against the real local stack (shared with {@link LocalStackIT}): a coordinator
 * signs in, picks the year, uploads the Phú Khương 2026 plan, corrects a field on the review screen, saves the draft
 * (PUT + If-Match), issues it, and then finds its tasks in the task list and its targets on the dashboard, which
 * task-service and reporting-service built from the plan's events. Headless Debian Chromium ({@link Browser}, with an
 * en-US locale and a Los Angeles clock: nothing may depend on them); skipped when it is not installed.
 * Writes the review screen to {@code docs/img/plan-review.png} for the documentation.
 */
@ExtendWith(LocalStack.Started.class)
class PlanImportBrowserIT {
    static final String GATEWAY = LocalStack.GATEWAY;
    static final String UNIT = "vinh-long.phu-khuong";
    final JsonMapper json = JsonMapper.builder().build();

    @RegisterExtension
    final Browsers browsers = new Browsers(GATEWAY);

    WebDriver driver;
    WebDriverWait wait;

    @Test
    void uploadAPlanReviewCorrectSaveIssueAndFollowIt() throws Exception {
        Path sample = Files.createTempDirectory("cchc-sample").resolve("phu-khuong-2026.txt");
        try (var in = getClass().getResourceAsStream("/samples/phu-khuong-2026.txt")) {
            assertThat(in).as("sample plan on the test class path").isNotNull();
            Files.copy(in, sample, StandardCopyOption.REPLACE_EXISTING);
        }

        // sign in through the gateway's own login page (authorization code + PKCE)
        Browser browser = browsers.open().signIn("coordinator.phu-khuong", DemoAccounts.password("coordinator.phu-khuong"));
        driver = browser.driver();
        wait = browser.await();
        wait.until(ExpectedConditions.textToBe(By.id("user-name"), "Phòng Văn hóa - Xã hội phường Phú Khương"));
        wait.until(d -> new Select(d.findElement(By.id("unit-select"))).getOptions().size() > 0);

        // the year for the whole UI, remembered in the address
        // (2026 is the default in 2026: pick another year first, so that choosing 2026 is a change the UI remembers)
        new Select(driver.findElement(By.id("year-select"))).selectByValue("2025");
        wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Tổng quan năm 2025"));
        new Select(driver.findElement(By.id("year-select"))).selectByValue("2026");
        wait.until(ExpectedConditions.urlContains("#year=2026"));
        assertThat(driver.findElement(By.id("dashboard-title")).getText()).isEqualTo("Tổng quan năm 2026");

        // Kế hoạch → upload the document
        driver.findElement(By.cssSelector(".tab[data-tab='plans']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plans-list-view")));
        assertThat(driver.findElement(By.id("plans-title")).getText()).isEqualTo("Kế hoạch năm 2026");
        driver.findElement(By.id("import-file")).sendKeys(sample.toString());
        driver.findElement(By.id("import-submit")).click();

        // the review screen: fields with their confidence beside the numbered lines of the document
        WebElement view = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-view")));
        String planId = view.getDomAttribute("data-plan-id");
        assertThat(planId).isNotBlank();
        wait.until(d -> d.findElements(By.cssSelector("#import-lines li")).size() > 50);
        assertThat(driver.findElement(By.id("import-lines")).getText()).contains("Thông tin, tuyên truyền cải cách hành chính năm 2026");
        WebElement title = driver.findElement(By.cssSelector("#import-fields li[data-field='title']"));
        assertThat(title.getText()).contains("Tên kế hoạch").containsPattern("Độ tin cậy \\d+%");
        title.findElement(By.cssSelector(".line-link")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#import-lines li.hl")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#import-lines li.hl")).getLast().getText())
                .contains("Thông tin, tuyên truyền cải cách hành chính năm 2026");

        // correct a field in place: the number, blank in the document ("Số: /KH-UBND")
        WebElement number = driver.findElement(By.cssSelector("#import-fields li[data-field='number'] [data-path='number']"));
        number.clear();
        number.sendKeys("80/KH-UBND");
        browser.screenshot(LocalStack.ROOT.resolve("docs/img/plan-review.png"));
        browser.screenshot("plan-review");

        driver.findElement(By.id("import-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("import-result"), "Đã lưu dự thảo."));
        String token = login();
        JsonNode draft = plan(planId, token);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("plan").path("number").asString()).isEqualTo("80/KH-UBND");

        // issue it: the plan page shows it issued, with its number
        driver.findElement(By.id("import-issue")).click();
        wait.until(ExpectedConditions.textToBe(By.id("plans-message"), "Đã ban hành kế hoạch."));
        WebElement document = driver.findElement(By.id("plan-document"));
        assertThat(document.getDomAttribute("data-status")).isEqualTo("ISSUED");
        assertThat(document.getText()).contains("Số: 80/KH-UBND", "Đã ban hành", "KẾ HOẠCH");
        JsonNode issued = plan(planId, token);
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");

        // a duty of "Tổ chức thực hiện" tracked as a task (the sample's task table is an annex outside the document,
        // so its catalogue starts empty): POST …/duties/{dutyId}/task amends the issued plan with a catalogue entry
        WebElement track = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#plan-document button[data-duty-id]")));
        track.click();
        wait.until(ExpectedConditions.textToBe(By.id("plans-message"), "Đã chuyển nội dung thành nhiệm vụ theo dõi."));
        // the message comes first, the plan page is drawn again once the amended plan is read back
        wait.until(d -> {
            String page = d.findElement(By.id("plan-document")).getText();
            return page.contains("Đã theo dõi: nhiệm vụ") && page.contains("Đã sửa đổi");
        });
        JsonNode tracked = plan(planId, token);
        assertThat(tracked.path("plan").path("tasks").size()).isPositive();

        // its tasks in the task list (task-service built them from the plan's events)
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            driver.findElement(By.cssSelector(".tab[data-tab='dashboard']")).click();
            driver.findElement(By.cssSelector(".tab[data-tab='tasks']")).click(); // switching to the tab reloads the list
            assertThat(driver.findElements(By.cssSelector("#tasks-table tr[data-plan-id='" + planId + "']"))).isNotEmpty();
        });

        // its targets on the dashboard (reporting-service's compliance for 2026)
        int targets = tracked.path("plan").path("targets").size();
        assertThat(targets).as("targets of the imported plan (extracted from the document: at least 12 articles a year on the "
                + "ward website, at least 2 radio items a month)").isPositive();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            driver.findElement(By.cssSelector(".tab[data-tab='tasks']")).click();
            driver.findElement(By.cssSelector(".tab[data-tab='dashboard']")).click(); // reloads the figures
            List<WebElement> rows = driver.findElements(By.cssSelector("#targets-table tr[data-plan-id='" + planId + "']"));
            assertThat(rows).hasSize(targets);
        });
    }

    String login() {
        Http.Response response = Http.postJson(GATEWAY + "/api/auth/token",
                "{\"username\":\"coordinator.phu-khuong\",\"password\":\"" + DemoAccounts.password("coordinator.phu-khuong") + "\"}");
        assertThat(response.status()).isEqualTo(200);
        return "Bearer " + json.readTree(response.body()).get("access_token").asString();
    }

    JsonNode plan(String id, String token) {
        Http.Response response = Http.get(GATEWAY + "/api/plans/" + id, "Authorization", token);
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }


}
