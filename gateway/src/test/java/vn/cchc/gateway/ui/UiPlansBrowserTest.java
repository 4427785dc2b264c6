package vn.cchc.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * The plans part of the UI in a real browser against stub services: the year picker drives the calls; an upload
 * opens the review screen (confidence badges, low confidence highlighted, clicking a field highlights its lines,
 * warnings and proposed units); a field error of the PUT shows under its field; the draft is saved with If-Match;
 * a stale If-Match on issue shows the Vietnamese conflict message; then the plan page shows the partial date as
 * written and a duty becomes a task. Skipped without chromedriver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UiPlansBrowserTest {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String UNIT = "vinh-long.phu-khuong";
    static final String PLAN_ID = "plan-imported-1";

    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final List<JsonNode> PUTS = new CopyOnWriteArrayList<>();
    static final AtomicInteger VERSION = new AtomicInteger(0);
    static final AtomicBoolean CONFLICT_ONCE = new AtomicBoolean();
    static volatile String status = "DRAFT";
    static volatile Map<String, Object> content = draftContent();
    static final AtomicBoolean DUTY_TRACKED = new AtomicBoolean();

    static Map<String, Object> draftContent() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("issuingUnitId", UNIT);
        plan.put("issuingBody", "Ủy ban nhân dân phường Phú Khương");
        plan.put("number", null);
        plan.put("title", "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026");
        plan.put("year", 2026);
        plan.put("place", "Phú Khương");
        plan.put("issuedDate", Map.of("year", 2026, "month", 1));
        plan.put("legalBases", List.of(Map.of("kind", "PLAN", "number", "125/KH-UBND", "date", "2025-12-29",
                "issuer", "Ủy ban nhân dân tỉnh Vĩnh Long")));
        plan.put("targets", List.of(new LinkedHashMap<>(Map.of("id", "tg-1", "description", "Tối thiểu 12 tin/bài trong năm trên Trang TTĐT phường",
                "kinds", List.of("ARTICLE"), "channels", List.of("WEBSITE"), "minimum", 12, "period", "YEAR", "scope", "SUBTREE", "unitId", UNIT))));
        plan.put("tasks", List.of(Map.of("id", "tk-1", "number", "1", "title", "Viết tin, bài về CCHC", "leadUnitId", UNIT,
                "timeFrame", Map.of("type", "ONGOING", "text", "Thường xuyên"), "products", List.of("Tin, bài"))));
        plan.put("responsibilities", List.of(Map.of("id", "rs-1", "unit", Map.of("unitId", UNIT + ".vhxh", "name", "Phòng Văn hóa - Xã hội phường"),
                "requested", false, "duties", List.of(Map.of("id", "du-1", "label", "a)", "text", "Tham mưu Ủy ban nhân dân phường triển khai kế hoạch.")))));
        plan.put("signatory", Map.of("mandates", List.of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "position", "PHÓ CHỦ TỊCH", "name", "Nguyễn Văn A"));
        return plan;
    }

    static Map<String, Object> doc() {
        return Map.of("id", PLAN_ID, "status", status, "revision", status.equals("DRAFT") ? 0 : 1, "plan", content);
    }

    static Map<String, Object> imported() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(switch (i) {
                case 3 -> "Số: /KH-UBND";
                case 5 -> "Phú Khương, ngày    tháng 01 năm 2026";
                case 7 -> "KẾ HOẠCH";
                case 8 -> "Thông tin, tuyên truyền cải cách hành chính năm 2026";
                case 30 -> "đảm bảo đăng tải tối thiểu 12 tin/bài trong năm trên Trang Thông tin Điện tử của phường";
                default -> "Dòng nội dung " + i;
            });
        }
        return Map.of("id", "imp-1", "planId", PLAN_ID, "fileName", "phu-khuong-2026.txt", "format", "TXT", "issuingUnitId", UNIT,
                "lines", lines,
                "fields", List.of(
                        Map.of("field", "title", "value", content.get("title"), "fromLine", 7, "toLine", 8, "confidence", 0.9, "source", "KẾ HOẠCH"),
                        Map.of("field", "issuedDate", "value", Map.of("year", 2026, "month", 1), "fromLine", 5, "toLine", 5, "confidence", 0.85, "source", "x"),
                        Map.of("field", "targets[0].minimum", "value", 12, "fromLine", 30, "toLine", 30, "confidence", 0.4, "source", "x")),
                "warnings", List.of(Map.of("fromLine", 3, "toLine", 3, "message", "Văn bản chưa có số hiệu.", "text", "Số: /KH-UBND")),
                "proposedUnits", List.of(Map.of("name", "Đài Truyền thanh phường", "suggestedParentId", UNIT,
                        "suggestedUnitId", UNIT + ".dai-truyen-thanh", "usedAt", List.of("targets[1].responsible"))),
                "summary", Map.of("fields", 3, "warnings", 1));
    }

    static final HttpServer PLAN = server(exchange -> {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        CALLS.add(method + " " + path + (query == null ? "" : "?" + query) + " If-Match=" + exchange.getRequestHeaders().getFirst("If-Match"));
        String etag = "\"" + VERSION.get() + "\"";
        if (path.equals("/api/units")) {
            json(exchange, 200, Map.of("items", List.of(
                    Map.of("unitId", UNIT, "parentId", "vinh-long", "name", "Phường Phú Khương", "kind", "WARD", "status", "ACTIVE"),
                    Map.of("unitId", UNIT + ".vhxh", "parentId", UNIT, "name", "Phòng Văn hóa - Xã hội phường", "kind", "OFFICE", "status", "ACTIVE")),
                    "page", 0, "size", 500, "total", 2), null);
        } else if (path.equals("/api/plans") && method.equals("GET")) {
            json(exchange, 200, Map.of("items", query.contains("year=2026") ? List.of(doc()) : List.of(), "page", 0, "size", 200,
                    "total", query.contains("year=2026") ? 1 : 0), null);
        } else if (path.equals("/api/plans/imports") && method.equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).contains("name=\"file\"", "phu-khuong-2026.txt", "name=\"unitId\"");
            json(exchange, 201, imported(), null);
        } else if (path.equals("/api/plans/imports/imp-1")) {
            json(exchange, 200, imported(), null);
        } else if (path.equals("/api/plans/" + PLAN_ID) && method.equals("GET")) {
            json(exchange, 200, doc(), etag);
        } else if (path.equals("/api/plans/" + PLAN_ID) && method.equals("PUT")) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!etag.equals(exchange.getRequestHeaders().getFirst("If-Match"))) {
                problem(exchange, 412, Map.of("status", 412, "title", "Precondition Failed"));
            } else if (body.path("targets").path(0).path("minimum").asInt() < 1) {
                problem(exchange, 400, Map.of("status", 400, "title", "Bad Request", "errors",
                        List.of(Map.of("field", "targets[0].minimum", "rule", "min", "message", "must be at least 1"))));
            } else {
                PUTS.add(body);
                content = JSON.convertValue(body, Map.class);
                VERSION.incrementAndGet();
                CONFLICT_ONCE.set(true); // someone else changes it before the issue
                json(exchange, 200, doc(), "\"" + VERSION.get() + "\"");
            }
        } else if (path.equals("/api/plans/" + PLAN_ID + "/issue")) {
            if (CONFLICT_ONCE.getAndSet(false)) {
                VERSION.incrementAndGet();
                problem(exchange, 412, Map.of("status", 412, "title", "Precondition Failed", "detail", "The resource was changed"));
            } else if (!etag.equals(exchange.getRequestHeaders().getFirst("If-Match"))) {
                problem(exchange, 412, Map.of("status", 412, "title", "Precondition Failed"));
            } else {
                status = "ISSUED";
                VERSION.incrementAndGet();
                json(exchange, 200, doc(), "\"" + VERSION.get() + "\"");
            }
        } else if (path.equals("/api/plans/" + PLAN_ID + "/revisions")) {
            json(exchange, 200, List.of(Map.of("revision", 1, "status", "ISSUED", "at", "2026-01-15T02:00:00Z")), null);
        } else if (path.equals("/api/plans/" + PLAN_ID + "/duties/du-1/task") && method.equals("POST")) {
            if (!etag.equals(exchange.getRequestHeaders().getFirst("If-Match"))) {
                problem(exchange, 412, Map.of("status", 412, "title", "Precondition Failed"));
                return;
            }
            DUTY_TRACKED.set(true);
            @SuppressWarnings("unchecked")
            Map<String, Object> rs = new LinkedHashMap<>((Map<String, Object>) ((List<?>) content.get("responsibilities")).getFirst());
            rs.put("duties", List.of(Map.of("id", "du-1", "label", "a)", "text", "Tham mưu Ủy ban nhân dân phường triển khai kế hoạch.", "taskId", "tk-9")));
            Map<String, Object> next = new LinkedHashMap<>(content);
            next.put("responsibilities", List.of(rs));
            content = next;
            VERSION.incrementAndGet();
            json(exchange, 200, doc(), "\"" + VERSION.get() + "\"");
        } else {
            json(exchange, 404, Map.of("status", 404, "title", "Not Found"), null);
        }
    });

    static final HttpServer OTHERS = server(exchange -> {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        CALLS.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        if (path.equals("/api/reports/stream")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("event: hello\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        } else if (path.endsWith("/compliance")) {
            json(exchange, 200, Map.of("unitId", UNIT, "year", 2026, "summary", Map.of(), "targets", List.of()), null);
        } else if (path.endsWith("/tasks") && path.startsWith("/api/reports")) {
            json(exchange, 200, Map.of("unitId", UNIT, "all", Map.of("total", 0)), null);
        } else if (path.equals("/api/tasks")) {
            json(exchange, 200, List.of(
                    Map.of("id", "t-2025", "planId", "p-2025", "title", "Nhiệm vụ năm 2025", "dueDate", "2025-06-30", "status", "DONE", "evidence", List.of()),
                    Map.of("id", "t-2026", "planId", PLAN_ID, "title", "Nhiệm vụ năm 2026", "dueDate", "2026-06-30", "status", "PLANNED", "evidence", List.of())), null);
        } else {
            json(exchange, 404, Map.of("status", 404, "title", "Not Found"), null);
        }
    });

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        registry.add("cchc.services.plan", () -> url(PLAN));
        registry.add("cchc.services.task", () -> url(OTHERS));
        registry.add("cchc.services.publication", () -> url(OTHERS));
        registry.add("cchc.services.reporting", () -> url(OTHERS));
        Path keyDir = Files.createTempDirectory("cchc-ui-plans-keys");
        registry.add("cchc.auth.key-dir", keyDir::toString);
    }

    @LocalServerPort
    int port;

    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver not installed");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("cchc-ui-plans-chromium"), "--window-size=1400,1000", "--lang=vi-VN");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @AfterAll
    static void stopServices() {
        PLAN.stop(0);
        OTHERS.stop(0);
    }

    @Test
    void yearPickerImportReviewErrorsConflictIssueAndDuty() throws Exception {
        driver.get(url("/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-button"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys("coordinator.phu-khuong");
        driver.findElement(By.id("password")).sendKeys("DieuPhoi@2026");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        wait.until(d -> CALLS.stream().anyMatch(c -> c.contains("/compliance?year=")));

        // the year picker: the dashboard, tasks and reports follow it; the address remembers it
        new Select(driver.findElement(By.id("year-select"))).selectByValue("2025");
        wait.until(ExpectedConditions.urlContains("#year=2025"));
        wait.until(d -> CALLS.contains("GET /api/reports/units/" + UNIT + "/compliance?year=2025"));
        assertThat(driver.findElement(By.id("dashboard-title")).getText()).isEqualTo("Tổng quan năm 2025");
        driver.findElement(By.cssSelector(".tab[data-tab='tasks']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tasks-table"), "Nhiệm vụ năm 2025"));
        assertThat(driver.findElement(By.id("tasks-table")).getText()).doesNotContain("Nhiệm vụ năm 2026");
        driver.findElement(By.cssSelector(".tab[data-tab='reports']")).click();
        assertThat(driver.findElement(By.id("report-links")).getText()).contains("Báo cáo năm 2025");
        driver.findElement(By.cssSelector(".tab[data-tab='plans']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plans-empty")));
        driver.navigate().refresh(); // the year and the tab survive a reload (address + storage)
        wait.until(ExpectedConditions.attributeToBe(By.id("tab-plans"), "aria-selected", "true"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plans-empty")));
        driver.findElement(By.cssSelector(".tab[data-tab='dashboard']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("dashboard-title"), "Tổng quan năm 2025"));
        new Select(driver.findElement(By.id("year-select"))).selectByValue("2026");
        wait.until(ExpectedConditions.urlContains("#year=2026"));

        // the plan list of 2026
        driver.findElement(By.cssSelector(".tab[data-tab='plans']")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plans-table tr[data-plan-id='" + PLAN_ID + "']")));
        assertThat(row.getText()).contains("Chưa có số", "Dự thảo", "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026");

        // upload → review
        Path file = Files.createTempDirectory("cchc-upload").resolve("phu-khuong-2026.txt");
        Files.writeString(file, "KẾ HOẠCH\nThông tin, tuyên truyền cải cách hành chính năm 2026\n");
        driver.findElement(By.id("import-file")).sendKeys(file.toString());
        driver.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-view")));
        assertThat(driver.findElements(By.cssSelector("#import-lines li"))).hasSize(40);
        WebElement minimum = driver.findElement(By.cssSelector("#import-fields li[data-field='targets[0].minimum']"));
        assertThat(minimum.getText()).contains("Chỉ tiêu 1 — số lượng tối thiểu", "Độ tin cậy 40%", "Cần kiểm tra", "Dòng 30");
        assertThat(minimum.getDomAttribute("class")).contains("low");
        WebElement title = driver.findElement(By.cssSelector("#import-fields li[data-field='title']"));
        assertThat(title.getText()).contains("Tên kế hoạch", "Độ tin cậy 90%", "Dòng 7–8");
        assertThat(title.getDomAttribute("class")).doesNotContain("low");
        assertThat(driver.findElement(By.cssSelector("#import-fields li[data-field='number']")).getText()).contains("Số hiệu", "Chưa trích xuất được");
        assertThat(driver.findElement(By.id("import-warnings")).getText()).contains("Văn bản chưa có số hiệu.", "Dòng 3");
        assertThat(driver.findElement(By.id("import-units-block")).getText())
                .contains("Đơn vị chưa có trong danh mục — đề nghị quản trị tỉnh xác nhận", "Đài Truyền thanh phường");
        title.findElement(By.cssSelector(".line-link")).click();
        wait.until(d -> d.findElements(By.cssSelector("#import-lines li.hl")).size() == 2);
        assertThat(driver.findElement(By.id("doc-line-8")).getDomAttribute("class")).contains("hl");
        // keyboard: tabbing into a field highlights its lines too
        minimum.findElement(By.cssSelector("input[data-path='targets[0].minimum']")).click();
        wait.until(d -> d.findElement(By.id("doc-line-30")).getDomAttribute("class").contains("hl"));

        // a field error of the service shows under its field
        WebElement minimumInput = minimum.findElement(By.cssSelector("input[data-path='targets[0].minimum']"));
        minimumInput.clear();
        minimumInput.sendKeys("0");
        driver.findElement(By.id("import-save")).click();
        wait.until(d -> d.findElement(By.cssSelector("#import-fields li[data-field='targets[0].minimum'] > .field-error")).getText()
                .contains("chỉ tiêu tối thiểu phải từ 1"));
        assertThat(minimumInput.getDomAttribute("aria-invalid")).isEqualTo("true");

        // corrected, with the number filled in: saved with If-Match
        minimumInput.clear();
        minimumInput.sendKeys("12");
        WebElement number = driver.findElement(By.cssSelector("#import-fields [data-path='number']"));
        number.sendKeys("80/KH-UBND");
        driver.findElement(By.id("import-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("import-result"), "Đã lưu dự thảo."));
        assertThat(PUTS).hasSize(1);
        assertThat(PUTS.getFirst().path("number").asString()).isEqualTo("80/KH-UBND");
        assertThat(PUTS.getFirst().path("targets").path(0).path("minimum").asInt()).isEqualTo(12);
        assertThat(PUTS.getFirst().path("targets").path(0).path("id").asString()).isEqualTo("tg-1");
        assertThat(PUTS.getFirst().path("signatory").path("name").asString()).isEqualTo("Nguyễn Văn A");
        assertThat(CALLS).contains("PUT /api/plans/" + PLAN_ID + " If-Match=\"0\"");

        // someone else changed it meanwhile: the conflict in Vietnamese, reload, issue
        driver.findElement(By.id("import-issue")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-save-error"),
                "Kế hoạch đã được người khác thay đổi, hãy tải lại trước khi lưu."));
        driver.findElement(By.cssSelector("#import-save-error button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#import-save-error button")));
        driver.findElement(By.id("import-issue")).click();
        wait.until(ExpectedConditions.textToBe(By.id("plans-message"), "Đã ban hành kế hoạch."));
        assertThat(CALLS).contains("POST /api/plans/" + PLAN_ID + "/issue If-Match=\"2\"");

        // the plan page: the date line as written (day blank), legal basis, signatory, a duty → task
        WebElement document = driver.findElement(By.id("plan-document"));
        assertThat(document.getText()).contains("Số: 80/KH-UBND", "Phú Khương, ngày … tháng 01 năm 2026", "Đã ban hành",
                "Kế hoạch số 125/KH-UBND ngày 29/12/2025 của Ủy ban nhân dân tỉnh Vĩnh Long", "Tối thiểu 12 tin/bài",
                "Viết tin, bài về CCHC", "Thường xuyên", "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn A",
                "Phòng Văn hóa - Xã hội phường", "a) Tham mưu");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-revisions"), "Lần 1: Đã ban hành"));
        document.findElement(By.cssSelector("button[data-duty-id='du-1']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("plans-message"), "Đã chuyển nội dung thành nhiệm vụ theo dõi."));
        assertThat(DUTY_TRACKED).isTrue();
        assertThat(driver.findElement(By.id("plan-document")).getText()).contains("Đã theo dõi: nhiệm vụ tk-9");
        assertThat(driver.findElement(By.id("plan-actions")).getText()).contains("Sửa đổi kế hoạch", "Kết thúc kế hoạch");
    }

    static void json(HttpExchange exchange, int status, Object body, String etag) throws IOException {
        if (etag != null) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void problem(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
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
                } catch (RuntimeException | AssertionError e) {
                    e.printStackTrace();
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
