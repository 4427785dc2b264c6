package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;
import vn.cchc.system.browser.Browser;

/**
 * The web UI's own page in a {@link Browser}, for the Ui*IT tests: signed in and loaded, its tabs, its elements by
 * id, the focus, what the page sent with fetch, and functions of its modules called in the page.
 */
final class UiPage {
    final Browser browser;

    UiPage(Browser browser) {
        this.browser = browser;
    }

    /** Signs in and waits until the UI shows the user's units. */
    static UiPage signIn(Browser browser, String username, String password) {
        browser.signIn(username, password);
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("main-view")));
        browser.await().until(d -> new Select(d.findElement(By.id("unit-select"))).getOptions().size() > 0);
        return new UiPage(browser);
    }

    void openTab(String tab) {
        find("tab-" + tab).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id(tab)));
    }

    WebElement find(String id) {
        return browser.driver().findElement(By.id(id));
    }

    String text(String id) {
        return find(id).getText();
    }

    String focusedId() {
        return (String) browser.script("return document.activeElement && document.activeElement.id");
    }

    /** Clears an input and types {@code text} into it. */
    void type(String id, String text) {
        WebElement input = find(id);
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** From now on, every fetch of the page is noted (URL, method, Idempotency-Key, body) for {@link #posts}. */
    void recordFetches() {
        browser.script("""
                window.__fetches = [];
                const original = window.fetch;
                window.fetch = (url, options) => {
                  const o = options || {};
                  const headers = o.headers || {};
                  window.__fetches.push({ url: String(url), method: o.method || 'GET',
                    key: headers['Idempotency-Key'] || null, body: typeof o.body === 'string' ? o.body : null });
                  return original(url, options);
                };""");
    }

    /** The POSTs the page sent to {@code path} since {@link #recordFetches}, oldest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> posts(String path) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) browser.script("return window.__fetches || []");
        return all.stream().filter(f -> path.equals(f.get("url")) && "POST".equals(f.get("method"))).toList();
    }

    /** Runs {@code body} (which sees the module as {@code m} and returns a value) with a module of the UI. */
    Object module(String path, String body) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import(arguments[0]).then((m) => done((function (m) {" + body + "})(m)), (e) => done('error: ' + e));", path);
    }

    /** An access token for checks through the API (the local stack's demo accounts). */
    static String apiToken(String username, String password) {
        Http.Response response = Http.postJson(LocalStack.GATEWAY + "/api/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
    }
}
