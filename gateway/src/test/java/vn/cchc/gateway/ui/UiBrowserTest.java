package vn.cchc.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UI in a real browser (Debian's headless Chromium through chromedriver): sign in through the gateway's own
 * login page (authorization code + PKCE), see the dashboard with a target and its Vietnamese status, get a live
 * update over the event stream, record a publication (field errors first, then success) and see the stub service
 * receive it with the bearer token. The four services are JDK HTTP servers answering in the documented shapes.
 * Skipped when chromedriver is not installed ({@code apt-get install -y chromium chromium-driver}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UiBrowserTest {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String UNIT = "vinh-long.phu-khuong";

    static final AtomicBoolean STOPPING = new AtomicBoolean();
    /** Events the reporting stub's stream sends next (the test pushes one after the publication is recorded). */
    static final BlockingQueue<String> STREAM_EVENTS = new LinkedBlockingQueue<>();
    static final AtomicInteger WEBSITE_ARTICLES = new AtomicInteger(11);
    static final List<Recorded> PUBLICATIONS = new CopyOnWriteArrayList<>();
    static final List<String> API_AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    static final List<String> REPORT_DOWNLOADS = new CopyOnWriteArrayList<>();
    static final byte[] DOCX = "PK\u0003\u0004 stand-in for a Word report".getBytes(StandardCharsets.UTF_8);

    record Recorded(String authorization, JsonNode body) {
    }

    static final HttpServer PLAN = server(exchange -> {
        note(exchange);
        if (exchange.getRequestURI().getPath().equals("/api/units")) {
            json(exchange, 200, Map.of("items", List.of(
                    unit(UNIT, "vinh-long", "Phường Phú Khương", "WARD"),
                    unit(UNIT + ".vhxh", UNIT, "Phòng Văn hóa - Xã hội", "OFFICE")), "page", 0, "size", 500, "total", 2));
        } else {
            json(exchange, 404, Map.of("status", 404, "title", "Not Found"));
        }
    });

    static final HttpServer TASK = server(exchange -> {
        note(exchange);
        json(exchange, 200, List.of(
                task("task-1", "Viết tin, bài về CCHC đăng trên Trang TTĐT phường", "2026-12-31", "IN_PROGRESS", List.of("pub-1", "pub-2")),
                task("task-2", "Tổ chức Hội thi tìm hiểu về CCHC", "2026-04-30", "OVERDUE", List.of())));
    });

    static final HttpServer PUBLICATION = server(exchange -> {
        note(exchange);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (body.path("title").asString("").isBlank()) {
            problem(exchange, Map.of("type", "about:blank", "title", "Bad Request", "status", 400, "detail", "Invalid request",
                    "errors", List.of(Map.of("field", "title", "rule", "not-blank", "message", "must not be blank"))));
            return;
        }
        PUBLICATIONS.add(new Recorded(exchange.getRequestHeaders().getFirst("Authorization"), body));
        WEBSITE_ARTICLES.incrementAndGet();
        STREAM_EVENTS.add("event: change\ndata: {\"unitId\":\"" + UNIT + "\"}\n\n");
        json(exchange, 201, Map.of("id", "pub-new", "unitId", body.path("unitId").asString(), "revision", 1));
    });

    static final HttpServer REPORTING = server(exchange -> {
        note(exchange);
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/reports/stream")) {
            stream(exchange);
        } else if (path.equals("/api/reports/units/" + UNIT + "/periodic/2026-Q1.docx")) {
            REPORT_DOWNLOADS.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            send(exchange, 200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX);
        } else if (path.equals("/api/reports/units/" + UNIT + "/compliance")) {
            json(exchange, 200, compliance(WEBSITE_ARTICLES.get()));
        } else if (path.equals("/api/reports/units/" + UNIT + "/tasks")) {
            Map<String, Object> overdue = task("task-2", "Tổ chức Hội thi tìm hiểu về CCHC", "2026-04-30", "OVERDUE", List.of());
            Map<String, Object> all = Map.of("total", 4, "planned", 1, "inProgress", 1, "done", 1, "overdue", 1, "cancelled", 0,
                    "overdueTasks", List.of(overdue));
            json(exchange, 200, Map.of("unitId", UNIT, "all", all, "byPlan", Map.of(), "byUnit", Map.of()));
        } else {
            json(exchange, 404, Map.of("status", 404, "title", "Not Found"));
        }
    });

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        registry.add("cchc.services.plan", () -> url(PLAN));
        registry.add("cchc.services.task", () -> url(TASK));
        registry.add("cchc.services.publication", () -> url(PUBLICATION));
        registry.add("cchc.services.reporting", () -> url(REPORTING));
        Path keyDir = Files.createTempDirectory("cchc-ui-browser-keys");
        registry.add("cchc.auth.key-dir", keyDir::toString);
        // the registered redirect URI stays the default http://127.0.0.1:8080/ui/callback: for a loopback address
        // the authorization server accepts any port, so the random port of this test works as it is
    }

    @LocalServerPort
    int port;

    WebDriver driver;
    WebDriverWait wait;
    Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver not installed");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
        downloads = Files.createTempDirectory("cchc-ui-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("cchc-ui-chromium"), "--window-size=1280,1100", "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterAll
    static void stopServices() {
        STOPPING.set(true);
        for (HttpServer server : List.of(PLAN, TASK, PUBLICATION, REPORTING)) {
            server.stop(0);
        }
    }

    @Test
    void signInSeeTheDashboardAndRecordAPublication() throws Exception {
        driver.get(url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();

        // the gateway's own Vietnamese sign-in page
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.getPageSource()).contains("Tên đăng nhập", "Mật khẩu");
        driver.findElement(By.id("username")).sendKeys("editor.phu-khuong");
        driver.findElement(By.id("password")).sendKeys("BienTap@2026");
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        // back through /ui/callback to the page, signed in
        wait.until(ExpectedConditions.textToBe(By.id("user-name"), "Biên tập viên phường Phú Khương"));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(driver.findElement(By.id("logout-button")).getText()).isEqualTo("Đăng xuất");

        // the dashboard: targets with count/minimum and the Vietnamese status
        By websiteRow = By.cssSelector("tr[data-target-id='t-website']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(websiteRow, "11/12"));
        assertThat(driver.findElement(websiteRow).getText()).contains("Tối thiểu 12 tin/bài trong năm trên Trang TTĐT phường", "Năm 2026", "Đúng tiến độ");
        WebElement radio = driver.findElement(By.cssSelector("tr[data-target-id='t-radio']"));
        assertThat(radio.getText()).contains("Tháng 11/2026", "1/2", "Có nguy cơ");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-progress"), "Quá hạn"));
        // the commune page's task list: the overdue task first
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("commune-tasks"), "Tổ chức Hội thi tìm hiểu về CCHC"));
        assertThat(driver.findElement(By.cssSelector("#commune-tasks li")).getText()).contains("Quá hạn", "Tổ chức Hội thi tìm hiểu về CCHC", "30/04/2026");
        wait.until(ExpectedConditions.textToBe(By.id("live-indicator"), "Đang cập nhật trực tiếp"));
        assertThat(new Select(driver.findElement(By.id("unit-select"))).getFirstSelectedOption().getText()).contains("Phường Phú Khương");
        screenshot("ui-dashboard.png");

        // every API call carried the bearer token of the browser flow
        assertThat(API_AUTHORIZATIONS).isNotEmpty().allMatch(a -> a != null && a.startsWith("Bearer "));
        assertThat(SignedJWT.parse(API_AUTHORIZATIONS.getFirst().substring(7)).getJWTClaimsSet().getStringClaim("preferred_username"))
                .isEqualTo("editor.phu-khuong");

        // the task list
        driver.findElement(By.cssSelector(".tab[data-tab='tasks']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tasks-table")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks-table"), "Quá hạn"));
        assertThat(driver.findElement(By.id("tasks-table")).getText()).contains("Tổ chức Hội thi tìm hiểu về CCHC", "30/04/2026", "Đang thực hiện", "31/12/2026");

        // the publication form: an error from the service shows next to its field, in Vietnamese
        driver.findElement(By.cssSelector(".tab[data-tab='publication']")).click();
        WebElement submit = wait.until(ExpectedConditions.elementToBeClickable(By.id("pub-submit")));
        new Select(driver.findElement(By.id("pub-channel"))).selectByValue("WEBSITE");
        new Select(driver.findElement(By.id("pub-kind"))).selectByValue("ARTICLE");
        driver.findElement(By.id("pub-url")).sendKeys("https://phukhuong.vinhlong.gov.vn/tin-tuc/1");
        submit.click();
        wait.until(ExpectedConditions.textToBe(By.id("pub-title-error"), "Không được để trống."));
        assertThat(driver.findElement(By.id("pub-title")).getDomAttribute("aria-invalid")).isEqualTo("true");
        screenshot("ui-publication-error.png");
        assertThat(PUBLICATIONS).isEmpty();

        driver.findElement(By.id("pub-title")).sendKeys("Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến");
        driver.findElement(By.id("pub-publishedDate")).clear();
        driver.findElement(By.id("pub-publishedDate")).sendKeys("02/03/2026");
        driver.findElement(By.id("pub-publishedTime")).clear();
        driver.findElement(By.id("pub-publishedTime")).sendKeys("08:00");
        submit.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pub-result"), "Đã ghi nhận tin bài"));
        assertThat(driver.findElement(By.id("pub-title-error")).getText()).isEmpty();

        assertThat(PUBLICATIONS).hasSize(1);
        Recorded recorded = PUBLICATIONS.getFirst();
        assertThat(recorded.authorization()).startsWith("Bearer ");
        assertThat(SignedJWT.parse(recorded.authorization().substring(7)).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("EDITOR");
        assertThat(recorded.body().path("unitId").asString()).isEqualTo(UNIT);
        assertThat(recorded.body().path("channel").asString()).isEqualTo("WEBSITE");
        assertThat(recorded.body().path("kind").asString()).isEqualTo("ARTICLE");
        assertThat(recorded.body().path("title").asString()).isEqualTo("Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến");
        assertThat(recorded.body().path("url").asString()).isEqualTo("https://phukhuong.vinhlong.gov.vn/tin-tuc/1");
        assertThat(recorded.body().path("publishedAt").asString()).isEqualTo("2026-03-02T08:00:00+07:00");
        assertThat(recorded.body().has("durationSeconds")).isFalse();

        // the stream's change event makes the dashboard reload: the target is now met
        driver.findElement(By.cssSelector(".tab[data-tab='dashboard']")).click();
        // (the rows are rendered anew on each reload: always look them up again)
        wait.until(ExpectedConditions.textToBePresentInElementLocated(websiteRow, "12/12"));
        assertThat(driver.findElement(websiteRow).getText()).contains("Đạt").doesNotContain("Đúng tiến độ");

        // a periodic report: fetched with the token, saved as a file by the browser
        driver.findElement(By.cssSelector(".tab[data-tab='reports']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-download='2026-Q1.docx']"))).click();
        Path saved = downloads.resolve("bao-cao-" + UNIT + "-2026-Q1.docx");
        wait.until(d -> Files.exists(saved) && sameBytes(saved, DOCX));
        assertThat(REPORT_DOWNLOADS).singleElement().asString().contains("/periodic/2026-Q1.docx Bearer ");
        driver.findElement(By.cssSelector(".tab[data-tab='dashboard']")).click();

        // a phone-sized screen: tables turn into labelled cards
        driver.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> d.findElement(By.cssSelector("thead")).getLocation().getX() < 0);
        screenshot("ui-dashboard-phone.png");

        // sign out: the token is gone and the gateway's sign-in session ended (signing in again asks for the password)
        driver.findElement(By.id("logout-button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(driver.getPageSource()).contains("Bạn đã đăng xuất.");
        driver.get(url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button")));
        assertThat(driver.findElement(By.id("user-box")).isDisplayed()).isFalse();
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
    }

    // --- the stub services

    static Map<String, Object> compliance(int websiteArticles) {
        String websiteStatus = websiteArticles >= 12 ? "MET" : "ON_TRACK";
        Map<String, Object> websiteNow = period("2026", "2026-01-01", "2026-12-31", websiteArticles, 12, 10.6, websiteStatus);
        Map<String, Object> radioNow = period("2026-11", "2026-11-01", "2026-11-30", 1, 2, 1.6, "AT_RISK");
        Map<String, Object> website = target("t-website", "Tối thiểu 12 tin/bài trong năm trên Trang TTĐT phường", "YEAR",
                List.of("ARTICLE"), List.of("WEBSITE"), 12, websiteNow);
        Map<String, Object> radio = target("t-radio", "Ít nhất 02 tin/bài mỗi tháng trên Đài Truyền thanh phường", "MONTH",
                List.of(), List.of("RADIO"), 2, radioNow);
        return Map.of("unitId", UNIT, "name", "Phường Phú Khương", "year", 2026, "asOf", "2026-11-25",
                "summary", Map.of(websiteStatus, 1, "AT_RISK", 1), "targets", List.of(website, radio),
                "tasks", Map.of("total", 4, "planned", 1, "inProgress", 1, "done", 1, "overdue", 1, "cancelled", 0, "overdueTasks", List.of()));
    }

    static Map<String, Object> target(String id, String description, String period, List<String> kinds, List<String> channels,
                                      int minimum, Map<String, Object> current) {
        return Map.ofEntries(Map.entry("planId", "kh-pk-2026"),
                Map.entry("planTitle", "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026"),
                Map.entry("targetId", id), Map.entry("description", description), Map.entry("unitId", UNIT),
                Map.entry("scope", "SUBTREE"), Map.entry("period", period), Map.entry("kinds", kinds),
                Map.entry("channels", channels), Map.entry("minimum", minimum), Map.entry("current", current),
                Map.entry("periods", List.of(current)));
    }

    static Map<String, Object> period(String key, String start, String end, long count, int minimum, double expected, String status) {
        return Map.of("period", key, "start", start, "end", end, "count", count, "minimum", minimum,
                "expectedByNow", expected, "status", status);
    }

    static Map<String, Object> unit(String id, String parent, String name, String kind) {
        List<Map<String, String>> channels = kind.equals("WARD")
                ? List.of(Map.of("channel", "WEBSITE", "url", "https://phukhuong.vinhlong.gov.vn")) : List.of();
        return Map.of("unitId", id, "parentId", parent, "name", name, "kind", kind, "status", "ACTIVE", "channels", channels,
                "revision", 1);
    }

    static Map<String, Object> task(String id, String title, String due, String status, List<String> evidence) {
        return Map.of("id", id, "taskId", id, "planId", "kh-pk-2026", "title", title, "unitId", UNIT + ".vhxh",
                "dueDate", due, "status", status, "evidence", evidence,
                "timeFrame", Map.of("type", "DATE", "text", due));
    }

    /** Server-sent events: hello now, then whatever the test queues, with a heartbeat comment every half second. */
    static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (var out = exchange.getResponseBody()) {
            out.write("event: hello\ndata: {\"scope\":\"vinh-long.phu-khuong\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!STOPPING.get()) {
                String event = STREAM_EVENTS.poll(500, TimeUnit.MILLISECONDS);
                out.write((event != null ? event : ":\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the browser went away
        }
    }

    static void note(HttpExchange exchange) {
        API_AUTHORIZATIONS.add(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void problem(HttpExchange exchange, Object body) throws IOException {
        send(exchange, 400, "application/problem+json", JSON.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static boolean sameBytes(Path file, byte[] expected) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), expected);
        } catch (IOException e) {
            return false;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    static HttpServer server(Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try {
                    handler.handle(exchange);
                } catch (RuntimeException e) {
                    exchange.sendResponseHeaders(500, -1);
                    exchange.close();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
