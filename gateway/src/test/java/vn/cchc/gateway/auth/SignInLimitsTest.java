package vn.cchc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.cchc.platform.test.Http;

/**
 * Sign-in limits of the built-in issuer over real HTTP: a username locked after consecutive failures on any door
 * (script token endpoint, sign-in form), an address locked after more, growing lock-outs, 429 with Retry-After,
 * the failure counter on the management port, which the public port does not serve.
 */
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cchc.auth.sign-in.max-failures-per-user=3", "cchc.auth.sign-in.max-failures-per-address=20",
    "cchc.auth.sign-in.lockout=2s", "cchc.auth.sign-in.max-lockout=6s",
    // the per-address request bucket is not what is tested here
    "cchc.gateway.rate-limit.capacity=1000"})
class SignInLimitsTest {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) throws Exception {
        Path keyDir = Files.createTempDirectory("cchc-signin-keys");
        registry.add("cchc.auth.key-dir", keyDir::toString);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void aUsernameIsLockedAfterConsecutiveFailuresEvenForTheRightPasswordThenAgainForLonger() {
        for (int i = 0; i < 3; i++) {
            assertThat(token("coordinator.tien-minh", "sai-" + i).status()).isEqualTo(401);
        }
        Http.Response locked = token("coordinator.tien-minh", "DieuPhoi.TienMinh@2026");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(locked.body()).contains("\"status\":429", "sign-in").doesNotContain("access_token");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        // another account from the same address is not locked
        assertThat(token("viewer", "Xem@2026").status()).isEqualTo(200);

        // after the lock-out the right password works, and success clears the count
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> token("coordinator.tien-minh", "DieuPhoi.TienMinh@2026").status() == 200);
        for (int i = 0; i < 3; i++) {
            assertThat(token("coordinator.tien-minh", "sai-" + i).status()).isEqualTo(401);
        }
        assertThat(token("coordinator.tien-minh", "DieuPhoi.TienMinh@2026").status()).isEqualTo(429);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> token("coordinator.tien-minh", "sai-again").status() == 401);
        // one more failure right after a lock-out: locked at once, for twice as long
        Http.Response longer = token("coordinator.tien-minh", "DieuPhoi.TienMinh@2026");
        assertThat(longer.status()).isEqualTo(429);
        assertThat(Long.parseLong(longer.header("Retry-After"))).isBetween(3L, 4L);
    }

    @Test
    void theSignInFormCountsTowardsTheSameLockAndAnswersInVietnamese() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> wrong = postForm(browser, "editor.bac-binh", "sai-" + i);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        // the third failure at the script door locks the form too
        assertThat(token("editor.bac-binh", "sai").status()).isEqualTo(401);
        HttpResponse<String> locked = postForm(browser, "editor.bac-binh", "BienTap.BacBinh@2026");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(locked.body()).contains("Bạn đã đăng nhập sai quá nhiều lần", "giây", "lang=\"vi\"");
    }

    @Test
    void anAddressTryingManyUsernamesIsLockedWhateverTheUsername() throws Exception {
        // from another loopback address, so the other tests' failures (from 127.0.0.1) do not count here
        HttpClient elsewhere = HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName("127.0.0.2")).build();
        // ten usernames, two failures each: every username stays under its own threshold, the address reaches its own
        for (int round = 0; round < 2; round++) {
            for (int user = 0; user < 10; user++) {
                assertThat(token(elsewhere, "spray-" + user, "sai").statusCode()).isEqualTo(401);
            }
        }
        HttpResponse<String> locked = token(elsewhere, "admin", "Admin@2026");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        // the same account from another address is not affected
        assertThat(token("admin", "Admin@2026").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> token(elsewhere, "admin", "Admin@2026").statusCode() == 200);
    }

    HttpResponse<String> token(HttpClient client, String username, String password) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url("/api/auth/token"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failuresAreCountedOnTheManagementPortWithoutUsernamesAndActuatorIsNotOnThePublicPort() {
        token("ops", "sai");
        Http.Response metrics = Http.get("http://127.0.0.1:" + managementPort + "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("cchc_auth_signin_failures_total\\{[^}]*outcome=\"bad_credentials\"[^}]*\\} [1-9]")
                .doesNotContain("username=\"", "user=\"ops\"");
        assertThat(metrics.body().lines().filter(l -> l.startsWith("cchc_auth_signin_failures_total")))
                .allSatisfy(line -> assertThat(line).doesNotContain("ops"));

        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/info"}) {
            Http.Response publicPort = Http.get("http://127.0.0.1:" + port + path, "Accept", "application/json");
            assertThat(publicPort.status()).as(path).isEqualTo(404);
            assertThat(publicPort.body()).doesNotContain("cchc_", "\"UP\"");
        }
        // other actuator paths: the public chain asks for a token (401), and behind it there is no actuator anyway
        Http.Response metrics401 = Http.get("http://127.0.0.1:" + port + "/actuator/metrics", "Accept", "application/json");
        assertThat(metrics401.status()).isIn(401, 404);
        // probes stay on the public port without details
        assertThat(Http.get("http://127.0.0.1:" + port + "/readyz").status()).isEqualTo(200);
        assertThat(Http.get("http://127.0.0.1:" + port + "/livez").status()).isEqualTo(200);
        assertThat(Http.get("http://127.0.0.1:" + managementPort + "/actuator/health/readiness").status()).isEqualTo(200);
    }

    Http.Response token(String username, String password) {
        return Http.postJson(url("/api/auth/token"),
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    HttpResponse<String> postForm(HttpClient browser, String username, String password) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
