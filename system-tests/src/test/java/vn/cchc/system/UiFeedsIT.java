package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cchc.system.UiPublicationsSupport.EDITOR;
import static vn.cchc.system.UiPublicationsSupport.EDITOR_PASSWORD;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * Feed subscriptions in a real browser against the real local stack. The ward's website feed is an RSS document
 * served by a JDK {@link HttpServer} on 127.0.0.2 (the test stack lets publication-service read feeds there and nowhere else on loopback:
 * {@code CCHC_FEEDS_ALLOW_PRIVATE_ADDRESSES} in {@link LocalStack}). The editor adds it (a bad address first: the
 * error under its field), polls it now (the last poll, its result and the items found show in the row, and the
 * entries are recorded), pauses and resumes it, and removes it after a confirmation.
 */
@ExtendWith(LocalStack.Started.class)
class UiFeedsIT {
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    HttpServer server;
    String label;

    @BeforeEach
    void serveTheFeed() throws IOException {
        label = UiPublicationsSupport.unique();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        server.createContext("/rss", exchange -> {
            byte[] body = rss().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopTheFeed() {
        server.stop(0);
    }

    String feedUrl() {
        return "http://127.0.0.2:" + server.getAddress().getPort() + "/rss";
    }

    /** Two entries of the ward website, yesterday and an hour ago. */
    String rss() {
        DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME;
        ZonedDateTime now = ZonedDateTime.now(UiPublicationsSupport.VIETNAM);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Phường Phú Khương</title><link>https://phukhuong.vinhlong.gov.vn</link>
                <description>Tin tức</description>
                <item><title>Tiếp nhận hồ sơ trực tuyến tại bộ phận một cửa %1$s</title><link>https://phukhuong.vinhlong.gov.vn/rss-%1$s-1</link>
                <pubDate>%2$s</pubDate></item>
                <item><title>Hội nghị đối thoại về cải cách hành chính %1$s</title><link>https://phukhuong.vinhlong.gov.vn/rss-%1$s-2</link>
                <pubDate>%3$s</pubDate></item>
                </channel></rss>
                """.formatted(label, rfc.format(now.minusDays(1)), rfc.format(now.minusHours(1)));
    }

    @Test
    void aFeedIsAddedPolledPausedResumedAndRemoved() {
        String token = UiPublicationsSupport.token(EDITOR, EDITOR_PASSWORD);
        Browser browser = UiPublicationsSupport.signIn(browsers.open(), EDITOR, EDITOR_PASSWORD);
        WebDriver driver = browser.driver();
        UiPublicationsSupport.openView(browser, "pubs-feeds-view");
        assertThat(new Select(driver.findElement(By.id("feed-unitId"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo(UiPublicationsSupport.UNIT);

        // not an http(s) address: the service's field error, in Vietnamese, under the address
        driver.findElement(By.id("feed-url")).sendKeys("ftp://phukhuong.vinhlong.gov.vn/rss");
        driver.findElement(By.id("feed-submit")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("feed-url-error"),
                "Đường dẫn phải bắt đầu bằng http:// hoặc https:// và có tên miền."));
        assertThat(driver.findElement(By.id("feed-url")).getDomAttribute("aria-invalid")).isEqualTo("true");

        // the real one
        driver.findElement(By.id("feed-url")).clear();
        driver.findElement(By.id("feed-url")).sendKeys(feedUrl());
        driver.findElement(By.id("feed-submit")).click();
        browser.await().until(ExpectedConditions.textToBe(By.id("pubs-message"), "Đã thêm nguồn tin " + feedUrl() + "."));
        String id = subscriptionId(token);
        By row = By.cssSelector("#feeds-table tr[data-feed-id='" + id + "']");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(UiPublicationsSupport.cells(browser, row)).startsWith(feedUrl(), "Trang thông tin điện tử", "Phường Phú Khương", "Đang theo dõi");
        assertThat(driver.findElement(By.id("feed-url-error")).getText()).isEmpty();

        // poll now: the entries are recorded, the row shows the last poll (time, result, items found)
        UiPublicationsSupport.click(browser, action(id, "poll"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pubs-message"), "Đã lấy tin: 2 mục, ghi nhận mới 2"));
        browser.await().until(d -> UiPublicationsSupport.cells(browser, row).get(4).contains("Thành công"));
        List<String> shown = UiPublicationsSupport.cells(browser, row);
        assertThat(shown.get(4)).matches("(?s)Thành công \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}.*");
        assertThat(shown.get(5)).isEqualTo("2");
        JsonNode items = UiPublicationsSupport.get("/api/publications?unit=" + UiPublicationsSupport.UNIT + "&size=200", token).get("items");
        assertThat(items.valueStream().filter(i -> i.get("title").asString().endsWith(label)))
                .hasSize(2).allSatisfy(i -> assertThat(i.get("source").asString()).isEqualTo("FEED"));
        browser.screenshot("publications-feeds");
        browser.assertNoSeriousA11yViolations("feed subscriptions");

        // pause, resume
        UiPublicationsSupport.click(browser, action(id, "pause"));
        browser.await().until(ExpectedConditions.attributeToBe(row, "data-status", "PAUSED"));
        assertThat(UiPublicationsSupport.cells(browser, row).get(3)).isEqualTo("Tạm dừng");
        assertThat(active(token, id)).isFalse();
        UiPublicationsSupport.click(browser, action(id, "resume"));
        browser.await().until(ExpectedConditions.attributeToBe(row, "data-status", "ACTIVE"));
        assertThat(active(token, id)).isTrue();

        // remove: asks for a confirmation first
        UiPublicationsSupport.click(browser, action(id, "remove"));
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#feeds-table tr[data-feed-id='" + id + "'] [data-feed-action='remove-confirmed']")));
        assertThat(active(token, id)).isTrue();
        UiPublicationsSupport.click(browser, action(id, "remove-confirmed"));
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pubs-message"), "Đã xóa nguồn tin"));
        // polled no more: gone from the list (or, with the older API, listed as paused); what it recorded stays
        Http.Response after = Http.get(LocalStack.GATEWAY + "/api/publications/feeds/" + id, "Authorization", token);
        assertThat(after.status() == 404 || !UiPublicationsSupport.JSON.readTree(after.body()).path("active").asBoolean(true))
                .as("removed subscription: %s %s", after.status(), after.body()).isTrue();
        if (after.status() == 404) {
            browser.await().until(ExpectedConditions.invisibilityOfElementLocated(row));
        }
        assertThat(UiPublicationsSupport.get("/api/publications?unit=" + UiPublicationsSupport.UNIT + "&size=200", token)
                .get("items").valueStream().filter(i -> i.get("title").asString().endsWith(label))).hasSize(2);
    }

    String subscriptionId(String token) {
        JsonNode list = UiPublicationsSupport.get("/api/publications/feeds?unit=" + UiPublicationsSupport.UNIT, token);
        return list.valueStream().filter(f -> feedUrl().equals(f.get("feedUrl").asString()))
                .findFirst().orElseThrow().get("id").asString();
    }

    static boolean active(String token, String id) {
        return UiPublicationsSupport.get("/api/publications/feeds/" + id, token).get("active").asBoolean();
    }

    static By action(String id, String action) {
        return By.cssSelector("#feeds-table tr[data-feed-id='" + id + "'] [data-feed-action='" + action + "']");
    }
}
