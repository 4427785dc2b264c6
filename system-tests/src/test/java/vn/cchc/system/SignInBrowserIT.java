package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import vn.cchc.system.browser.Browser;
import vn.cchc.system.browser.Browsers;

/**
 * Signing in through the gateway's Vietnamese sign-in page in a real browser, against the real local stack: on a
 * desktop with an American browser (en-US, Los Angeles clock) and on a phone with a Vietnamese one. The sign-in page
 * passes an axe scan. Screenshots in {@code system-tests/target/screenshots/}.
 */
@ExtendWith(LocalStack.Started.class)
class SignInBrowserIT {
    @RegisterExtension
    final Browsers browsers = new Browsers(LocalStack.GATEWAY);

    @Test
    void aForeignDesktopBrowserSignsInThroughTheAccessibleVietnameseSignInPage() {
        Browser browser = browsers.open(Browser.Window.DESKTOP, Browser.Locale.FOREIGN);
        browser.open("/login");
        // the browser really is a foreign one: what the UI shows must not follow it
        assertThat(browser.script("return navigator.language")).isEqualTo("en-US");
        assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("America/Los_Angeles");

        assertThat(browser.driver().getTitle()).isEqualTo("Đăng nhập – Kế hoạch tuyên truyền CCHC");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
        browser.screenshot("sign-in");
        browser.assertNoSeriousA11yViolations("sign-in page");

        browser.signIn("editor.phu-khuong", DemoAccounts.password("editor.phu-khuong"));
        browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("Biên tập viên phường Phú Khương"));
        browser.screenshot("signed-in-desktop");
    }

    @Test
    void aVietnamesePhoneSignsIn() {
        Browser browser = browsers.open(Browser.Window.PHONE, Browser.Locale.VIETNAMESE);
        browser.open("/login");
        assertThat(((Number) browser.script("return window.innerWidth")).intValue()).isEqualTo(390);
        assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isIn("Asia/Ho_Chi_Minh", "Asia/Saigon"); // ICU names it by its old name
        browser.assertNoSeriousA11yViolations("sign-in page on a phone");
        browser.screenshot("sign-in-phone");

        browser.signIn("coordinator.phu-khuong", DemoAccounts.password("coordinator.phu-khuong"));
        browser.await().until(d -> d.findElement(By.tagName("body")).getText().contains("Phòng Văn hóa - Xã hội phường Phú Khương"));
        browser.screenshot("signed-in-phone");
    }
}
