package vn.cchc.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through chromedriver, for the browser tests against the real local stack.
 * Open it through {@link Browsers} (a JUnit extension), which quits it after each test even when the test fails.
 *
 * <p>The browser runs with a foreign locale and time zone by default ({@link Locale#FOREIGN}: en-US, Los Angeles):
 * the UI must show Vietnamese text, dd/MM/yyyy dates and Vietnam time whatever the device says, and a browser on the
 * other side of the date line is where a forgotten time zone shows. {@link Locale#VIETNAMESE} is the ordinary user.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** system-tests/target/screenshots, kept as build artifacts. */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("cchc.screenshots", "target/screenshots")).toAbsolutePath();
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** axe impact levels that fail a page. */
    static final Set<String> SERIOUS = Set.of("critical", "serious");

    /** Window sizes: a desktop screen and a phone (iPhone 12-15 viewport). */
    public enum Window {
        DESKTOP(1400, 1000), PHONE(390, 844);

        final int width;
        final int height;

        Window(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** The browser's language and the device's time zone. */
    public enum Locale {
        FOREIGN("en-US", "America/Los_Angeles"), VIETNAMESE("vi-VN", "Asia/Ho_Chi_Minh");

        public final String language;
        public final String timeZone;

        Locale(String language, String timeZone) {
            this.language = language;
            this.timeZone = timeZone;
        }
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String gateway;
    private final Window window;
    private final Locale locale;

    Browser(String gateway, Window window, Locale locale) throws IOException {
        this.gateway = gateway;
        this.window = window;
        this.locale = locale;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("cchc-chromium"),
                "--window-size=" + window.width + "," + window.height, "--lang=" + locale.language);
        // Chromium refuses some ports outright (ERR_UNSAFE_PORT, e.g. 10080): the gateway's port is allowed explicitly
        options.addArguments("--explicitly-allowed-ports=" + java.net.URI.create(gateway).getPort());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", locale.language));
        // the device's time zone: chromedriver passes its environment on to Chromium
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("TZ", locale.timeZone)).build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        // the pages rebuild their lists on every live update: an element read while it is replaced is read again
        wait = new WebDriverWait(driver, TIMEOUT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        if (window == Window.PHONE) {
            // --window-size sets the outer window; the phone is about its viewport
            driver.manage().window().setSize(new Dimension(window.width, window.height));
        }
    }

    /** Whether the tests can run here ({@code apt-get install -y chromium chromium-driver}). */
    public static boolean installed() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public Window window() {
        return window;
    }

    public Locale locale() {
        return locale;
    }

    /** The gateway's base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String gateway() {
        return gateway;
    }

    /** Opens a path of the gateway ({@code /}, {@code /cong-khai}…) or a full URL. */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : gateway + pathOrUrl);
        return this;
    }

    /**
     * Signs in the way a user does: the start page's sign-in button ({@code #login-button}) leads through the
     * authorization server to the gateway's Vietnamese {@code /login} page; the user types the name and password and
     * comes back to the web UI signed in (authorization code + PKCE). Returns when the browser is back on the UI,
     * past {@code /ui/callback}; the caller then waits for what its page shows.
     */
    public Browser signIn(String username, String password) {
        return signIn(gateway, username, password);
    }

    /** {@link #signIn(String, String)} from another origin of the same gateway (e.g. {@code http://localhost:9080}). */
    public Browser signIn(String origin, String username, String password) {
        driver.get(origin + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> {
            String url = d.getCurrentUrl();
            return url != null && url.startsWith(origin + "/") && !url.contains("/login") && !url.contains("/oauth2/")
                    && !url.contains("/ui/callback") && !url.contains("code=")
                    && Boolean.TRUE.equals(script("return document.readyState === 'complete'"));
        });
        return this;
    }

    /** Runs JavaScript in the page. */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the visible window to {@code target/screenshots/<name>.png}; returns the file. */
    public Path screenshot(String name) {
        return screenshot(SCREENSHOTS.resolve(name + ".png"));
    }

    /** Saves the visible window to the given file (e.g. an image for docs/). */
    public Path screenshot(Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (Deque, WCAG 2.x A/AA rules and best practices) on the current page and fails on any critical or
     * serious finding, printing each with the elements concerned. Minor and moderate findings are printed only.
     */
    public Browser assertNoSeriousA11yViolations(String pageName) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            System.out.println("axe findings on " + pageName + " (" + driver.getCurrentUrl() + "):\n" + describe(violations));
        }
        List<Rule> serious = violations.stream().filter(rule -> SERIOUS.contains(rule.getImpact())).toList();
        assertThat(serious).as("critical or serious accessibility violations on %s (%s):%n%s", pageName,
                driver.getCurrentUrl(), describe(serious)).isEmpty();
        return this;
    }

    static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "  [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " ("
                + rule.getHelpUrl() + ")\n" + rule.getNodes().stream().map(Browser::describe).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    static String describe(CheckedNode node) {
        return "      " + node.getTarget() + "  " + node.getHtml();
    }

    /** Quits Chromium and stops chromedriver; safe to call twice. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
