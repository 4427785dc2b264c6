package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cchc.system.UiPublicationsSupport.EDITOR;
import static vn.cchc.system.UiPublicationsSupport.EDITOR_PASSWORD;

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
 * A viewer (VIEWER of the four provinces) in a real browser against the real local stack sees the ward's recorded
 * items, an item's page with its history, and the ward's feed subscriptions, but no action: no correction or
 * retraction button, no spreadsheet import, no form to add a feed, no button on a feed. On a Vietnamese phone.
 */
@ExtendWith(LocalStack.Started.class)
class UiPublicationsViewerIT {
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    @Test
    void aViewerSeesListsAndDetailsButNoActions() {
        // the scene, set by the ward's editor through the API
        String editor = UiPublicationsSupport.token(EDITOR, EDITOR_PASSWORD);
        String label = UiPublicationsSupport.unique();
        JsonNode item = UiPublicationsSupport.recordArticle(editor, "Tin xem được nhưng không sửa được " + label, "xem-" + label);
        String id = item.get("id").asString();
        String feedUrl = "https://phukhuong.vinhlong.gov.vn/rss-" + label;
        Http.Response feed = Http.postJson(LocalStack.GATEWAY + "/api/publications/feeds",
                "{\"unitId\":\"" + UiPublicationsSupport.UNIT + "\",\"url\":\"" + feedUrl + "\"}", "Authorization", editor);
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        String feedId = UiPublicationsSupport.JSON.readTree(feed.body()).get("id").asString();

        Browser browser = UiPublicationsSupport.signIn(browsers.open(Browser.Window.PHONE, Browser.Locale.VIETNAMESE), "viewer", DemoAccounts.password("viewer"));
        WebDriver driver = browser.driver();

        // the list and the item's page, without actions
        UiPublicationsSupport.openView(browser, "pubs-list-view");
        By row = By.cssSelector("#pubs-table tr[data-publication-id='" + id + "']");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(row));
        UiPublicationsSupport.click(browser, By.cssSelector("#pubs-table tr[data-publication-id='" + id + "'] [data-open]"));
        browser.await().until(ExpectedConditions.textToBe(By.id("pub-detail-title"), "Tin xem được nhưng không sửa được " + label));
        browser.await().until(d -> d.findElements(By.cssSelector("#pub-versions tbody tr")).size() == 1);
        assertThat(driver.findElements(By.id("pub-correct"))).isEmpty();
        assertThat(driver.findElements(By.id("pub-retract"))).isEmpty();
        assertThat(driver.findElement(By.id("pub-reload")).isDisplayed()).isTrue();
        browser.screenshot("publication-detail-viewer-phone");
        browser.assertNoSeriousA11yViolations("publication detail (viewer, phone)");

        // no import
        WebElement importTab = driver.findElement(By.cssSelector("#publications .subtab[data-view='pubs-import-view']"));
        assertThat(importTab.isDisplayed()).isFalse();

        // the feeds: listed, no form, no buttons
        UiPublicationsSupport.openView(browser, "pubs-feeds-view");
        By feedRow = By.cssSelector("#feeds-table tr[data-feed-id='" + feedId + "']");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(feedRow));
        assertThat(UiPublicationsSupport.cells(browser, feedRow)).contains(feedUrl, "Đang theo dõi");
        int buttons = browser.await().until(d -> d.findElement(feedRow).findElements(By.tagName("button")).size());
        assertThat(buttons).isZero();
        assertThat(driver.findElement(By.id("feed-form")).isDisplayed()).isFalse();
        browser.screenshot("publications-feeds-viewer-phone");
        browser.assertNoSeriousA11yViolations("feed subscriptions (viewer, phone)");

        // and the service agrees: a viewer's write is refused
        Http.Response refused = Http.postJson(LocalStack.GATEWAY + "/api/publications/" + id + "/retraction",
                "{\"reason\":\"thử\"}", "Authorization", UiPublicationsSupport.token("viewer", DemoAccounts.password("viewer")));
        assertThat(refused.status()).isEqualTo(403);
    }
}
