package vn.cchc.system.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens browsers for a test and closes every one of them after it, also when the test failed (then each first
 * leaves {@code target/screenshots/failed-<class>-<test>[-n].png}). Skips the test when Chromium or chromedriver
 * is not installed. Use: {@code @RegisterExtension final Browsers browsers = new Browsers(LocalStack.GATEWAY);}
 * then {@code Browser browser = browsers.open(Browser.Window.PHONE);}.
 */
public final class Browsers implements BeforeEachCallback, AfterEachCallback {
    private final String gateway;
    private final List<Browser> open = new ArrayList<>();

    public Browsers(String gateway) {
        this.gateway = gateway;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(Browser.installed(), "chromium / chromedriver not installed (apt-get install -y chromium chromium-driver)");
    }

    /** A desktop browser with the foreign locale. */
    public Browser open() {
        return open(Browser.Window.DESKTOP, Browser.Locale.FOREIGN);
    }

    public Browser open(Browser.Window window) {
        return open(window, Browser.Locale.FOREIGN);
    }

    public Browser open(Browser.Window window, Browser.Locale locale) {
        try {
            Browser browser = new Browser(gateway, window, locale);
            open.add(browser);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        boolean failed = context.getExecutionException().isPresent();
        RuntimeException closing = null;
        for (int i = 0; i < open.size(); i++) {
            Browser browser = open.get(i);
            try {
                if (failed) {
                    browser.screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName() + (i == 0 ? "" : "-" + i));
                }
            } catch (RuntimeException screenshotFailed) {
                // the browser may be the reason the test failed: closing it matters more than the picture
            } finally {
                try {
                    browser.close();
                } catch (RuntimeException e) {
                    if (closing == null) {
                        closing = e;
                    } else {
                        closing.addSuppressed(e);
                    }
                }
            }
        }
        open.clear();
        if (closing != null) {
            throw closing;
        }
    }
}
