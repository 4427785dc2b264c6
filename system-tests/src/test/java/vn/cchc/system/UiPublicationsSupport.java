package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;

/**
 * What the publications browser tests share: API calls through the gateway with a real token (to set the scene and
 * to check what the UI did), and the steps into the "Tin bài đã ghi nhận" tab.
 */
final class UiPublicationsSupport {
    static final String UNIT = "vinh-long.phu-khuong";
    static final String EDITOR = "editor.phu-khuong";
    static final String EDITOR_PASSWORD = DemoAccounts.password(EDITOR);
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private UiPublicationsSupport() {
    }

    static String token(String username, String password) {
        Http.Response response = Http.postJson(LocalStack.GATEWAY + "/api/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status()).as("token for %s", username).isEqualTo(200);
        return "Bearer " + JSON.readTree(response.body()).get("access_token").asString();
    }

    static JsonNode get(String path, String token) {
        Http.Response response = Http.get(LocalStack.GATEWAY + path, "Authorization", token);
        assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A unique label for this run's items, so that runs and other test classes sharing the stack never collide. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A website article of the ward published an hour ago (a minute boundary, so the list shows it exactly). */
    static JsonNode recordArticle(String token, String title, String slug) {
        Instant at = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        String body = "{\"unitId\":\"" + UNIT + "\",\"channel\":\"WEBSITE\",\"kind\":\"ARTICLE\",\"title\":\"" + title
                + "\",\"url\":\"https://phukhuong.vinhlong.gov.vn/tin-tuc/" + slug + "\",\"publishedAt\":\"" + at + "\"}";
        // on a fresh stack the unit directory reaches publication-service shortly after start: until then, unknown-unit
        Http.Response[] response = new Http.Response[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> {
            response[0] = Http.postJson(LocalStack.GATEWAY + "/api/publications", body, "Authorization", token);
            return !(response[0].status() == 400 && response[0].body().contains("unknown-unit"));
        });
        assertThat(response[0].status()).as("recorded: %s", response[0].body()).isEqualTo(201);
        return JSON.readTree(response[0].body());
    }

    /** Signs in and waits for the selected unit to be the ward. */
    static Browser signIn(Browser browser, String username, String password) {
        // the lists are rebuilt after every action: a row read while it is replaced is read again
        browser.await().ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        browser.signIn(username, password);
        browser.await().until(d -> !d.findElements(By.cssSelector("#unit-select option")).isEmpty());
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("unit-select"))).selectByValue(UNIT);
        return browser;
    }

    /** Opens the "Tin bài đã ghi nhận" tab and one of its sub-views (pubs-list-view, pubs-import-view, pubs-feeds-view). */
    static void openView(Browser browser, String view) {
        browser.driver().findElement(By.cssSelector(".tab[data-tab='publications']")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("publications")));
        browser.driver().findElement(By.cssSelector("#publications .subtab[data-view='" + view + "']")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id(view)));
    }

    /** The texts of a table row's cells, read again if the list is rebuilt meanwhile (live refresh, an action). */
    static List<String> cells(Browser browser, By row) {
        return browser.await().until(d -> d.findElement(row).findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
    }

    /** Clicks an element of a list that may be rebuilt meanwhile. */
    static void click(Browser browser, By element) {
        browser.await().until(d -> {
            d.findElement(element).click();
            return true;
        });
    }

    /** "7/12" → 7: the count of a dashboard target. */
    static int targetCount(Browser browser, String targetId) {
        WebElement cell = browser.driver().findElement(By.cssSelector("#targets-table tr[data-target-id='" + targetId + "'] td.count"));
        return Integer.parseInt(cell.getText().trim().split("/")[0]);
    }
}
