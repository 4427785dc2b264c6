package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * The gateway's error pages in a real browser against the real local stack: Vietnamese, accessible (axe), with the
 * way back to the start page; signing in from {@code http://localhost:<port>} works like from 127.0.0.1 (it used to
 * end on an English "Whitelabel Error Page": the redirect address was not registered). Screenshots
 * {@code error-*.png} in {@code system-tests/target/screenshots/}.
 */
@ExtendWith(LocalStack.Started.class)
class ErrorPagesBrowserIT {
    static final String LOCALHOST = "http://localhost:" + LocalStack.PORT_BASE;

    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    @Test
    void signingInFromLocalhostWorks() {
        Browser browser = browsers.open();
        browser.signIn(LOCALHOST, "editor.phu-khuong", DemoAccounts.password("editor.phu-khuong"));
        browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("Biên tập viên phường Phú Khương"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(LOCALHOST + "/");
        assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel");
        browser.screenshot("signed-in-localhost");
    }

    @Test
    void anUnknownAddressIsAnAccessibleVietnamesePageLeadingBackToTheStart() {
        Browser browser = browsers.open();
        browser.open("/khong-co-trang-nay");
        assertErrorPage(browser, "Không tìm thấy trang", 404);
        browser.screenshot("error-404");
        browser.assertNoSeriousA11yViolations("404 page");

        browser.driver().findElement(By.linkText("Về trang đầu")).click();
        browser.await().until(ExpectedConditions.urlToBe(LocalStack.GATEWAY + "/"));
    }

    @Test
    void onAPhoneTooTheErrorPageIsAccessible() {
        Browser browser = browsers.open(Browser.Window.PHONE, Browser.Locale.VIETNAMESE);
        browser.open("/khong-co-trang-nay");
        assertErrorPage(browser, "Không tìm thấy trang", 404);
        browser.screenshot("error-404-phone");
        browser.assertNoSeriousA11yViolations("404 page on a phone");
    }

    @Test
    void addressesTomcatRefusesGetTheVietnamesePage() {
        Browser browser = browsers.open();
        browser.open("/tai-lieu%2Fbao-cao");
        assertErrorPage(browser, "Yêu cầu không hợp lệ", 400);
        browser.screenshot("error-400-encoded-slash");
        browser.assertNoSeriousA11yViolations("400 page (encoded slash)");

        browser.open("/?q=" + "a".repeat(100_000));
        assertErrorPage(browser, "Yêu cầu không hợp lệ", 400);
        browser.screenshot("error-400-long-address");
    }

    @Test
    void aSignInLinkWithAnUnregisteredAddressIsAVietnamesePage() {
        Browser browser = browsers.open();
        browser.open("/oauth2/authorize?response_type=code&client_id=cchc-web&scope=openid&state=s"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&redirect_uri="
                + URLEncoder.encode("https://evil.example/ui/callback", StandardCharsets.UTF_8));
        assertErrorPage(browser, "Không thể đăng nhập", 400);
        browser.screenshot("error-400-sign-in");
        browser.assertNoSeriousA11yViolations("sign-in error page");
    }

    static void assertErrorPage(Browser browser, String heading, int status) {
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.driver().getTitle()).isEqualTo(heading + " – Kế hoạch tuyên truyền CCHC");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(heading);
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Mã lỗi: " + status);
        assertThat(browser.driver().findElement(By.linkText("Về trang đầu")).getDomAttribute("href")).isEqualTo("/");
    }
}
