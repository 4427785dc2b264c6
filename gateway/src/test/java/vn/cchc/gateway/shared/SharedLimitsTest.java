package vn.cchc.gateway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cchc.gateway.GatewayApplication;
import vn.cchc.platform.test.Http;

/**
 * Two gateway replicas (two application contexts, real HTTP) sharing one MongoDB wire server over TCP: requests
 * alternated between them are limited at the shared capacity, not twice it; a token signed out on one is refused by
 * the other; failed sign-ins on one lock the username on the other. Then the store goes away: both replicas keep
 * answering, each with its own limit, and count the fallbacks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedLimitsTest {
    // also the budget of the anonymous calls from 127.0.0.1 over the whole class (token requests, the sign-in form): 9
    static final int CAPACITY = 10;
    static final Duration PERIOD = Duration.ofMinutes(10);
    static MongoServer mongo;
    static HttpServer plans;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        plans = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plans.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        plans.start();
        Path keys = Files.createTempDirectory("cchc-shared-keys");
        first = replica(keys);
        second = replica(keys); // the key set the first one generated: tokens verify on both
    }

    static ConfigurableApplicationContext replica(Path keys) {
        String service = "http://127.0.0.1:" + plans.getAddress().getPort();
        return new SpringApplicationBuilder(GatewayApplication.class).profiles("demo").run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + mongo.getConnectionString() + "/cchc-gateway",
                "--cchc.auth.key-dir=" + keys, "--cchc.auth.issuer=http://127.0.0.1:8080",
                "--cchc.services.plan=" + service, "--cchc.services.task=" + service,
                "--cchc.services.publication=" + service, "--cchc.services.reporting=" + service,
                "--cchc.gateway.rate-limit.capacity=" + CAPACITY, "--cchc.gateway.rate-limit.period=" + PERIOD.toSeconds() + "s",
                "--cchc.auth.sign-in.max-failures-per-user=3", "--cchc.auth.sign-in.lockout=60s");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
        plans.stop(0);
        mongo.shutdownNow();
    }

    @Test
    @Order(1)
    void requestsAlternatedBetweenReplicasAreLimitedAtTheSharedCapacity() {
        String token = token(first, "viewer", "Xem@2026");
        awaitRoomInTheWindow();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * CAPACITY; i++) {
            statuses.add(Http.get(url(i % 2 == 0 ? first : second, "/api/plans"), "Authorization", "Bearer " + token).status());
        }
        assertThat(statuses.subList(0, CAPACITY)).as("the first %d, on either replica", CAPACITY).containsOnly(200);
        assertThat(statuses.subList(CAPACITY, 2 * CAPACITY)).as("the rest, on either replica").containsOnly(429);
        Http.Response refused = Http.get(url(second, "/api/plans"), "Authorization", "Bearer " + token);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, PERIOD.toSeconds());
        // another user is not affected
        String other = token(second, "ops", "VanHanh@2026");
        assertThat(Http.get(url(first, "/api/plans"), "Authorization", "Bearer " + other).status()).isNotEqualTo(429);
    }

    @Test
    @Order(2)
    void aTokenSignedOutOnOneReplicaIsRefusedByTheOther() throws Exception {
        Tokens tokens = browserSignIn(first, "editor.phu-khuong", "BienTap.PhuKhuong@2026");
        assertThat(Http.get(url(second, "/api/plans"), "Authorization", "Bearer " + tokens.access()).status()).isEqualTo(200);

        Http.Response revoked = Http.send(HttpRequest.newBuilder(URI.create(url(first, "/oauth2/revoke"))).POST(HttpRequest.BodyPublishers.ofString(
                "token=" + enc(tokens.refresh()) + "&token_type_hint=refresh_token&client_id=cchc-web")),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(revoked.status()).isEqualTo(200);

        Http.Response onTheOther = Http.get(url(second, "/api/plans"), "Authorization", "Bearer " + tokens.access());
        assertThat(onTheOther.status()).isEqualTo(401);
        assertThat(onTheOther.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(onTheOther.body()).contains("revoked");
    }

    @Test
    @Order(3)
    void failedSignInsOnOneReplicaLockTheUsernameOnTheOther() {
        for (int i = 0; i < 3; i++) {
            assertThat(tokenResponse(i % 2 == 0 ? first : second, "coordinator.tien-minh", "sai-" + i).status()).isEqualTo(401);
        }
        Http.Response locked = tokenResponse(second, "coordinator.tien-minh", "DieuPhoi.TienMinh@2026");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(tokenResponse(first, "coordinator.tien-minh", "DieuPhoi.TienMinh@2026").status()).isEqualTo(429);
    }

    @Test
    @Order(4)
    void withoutTheStoreEachReplicaFallsBackToItsOwnLimitAndKeepsAnswering() {
        String token = token(first, "admin", "Admin@2026");
        mongo.shutdownNow();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * CAPACITY + 2; i++) {
            statuses.add(Http.get(url(i % 2 == 0 ? first : second, "/api/plans"), "Authorization", "Bearer " + token).status());
        }
        // each replica's own bucket (the store gone): twice the capacity in all (a slow loop may see a token refilled),
        // where the shared count would have stopped at the capacity; never a 5xx
        assertThat(statuses.stream().filter(s -> s == 200).count()).isBetween(2L * CAPACITY, 2L * CAPACITY + 2);
        assertThat(statuses).containsOnly(200, 429);
        for (ConfigurableApplicationContext replica : List.of(first, second)) {
            MeterRegistry meters = replica.getBean(MeterRegistry.class);
            assertThat(meters.counter("cchc.gateway.shared.store.fallbacks", "operation", "rate-limit").count()).isPositive();
        }
    }

    /** Fixed windows: start the burst well inside one, never across a boundary. */
    static void awaitRoomInTheWindow() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            long millis = PERIOD.toMillis();
            return millis - Instant.now().toEpochMilli() % millis > 60_000;
        });
    }

    static String token(ConfigurableApplicationContext replica, String username, String password) {
        Http.Response response = tokenResponse(replica, username, password);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    static Http.Response tokenResponse(ConfigurableApplicationContext replica, String username, String password) {
        return Http.postJson(url(replica, "/api/auth/token"), "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    record Tokens(String access, String refresh) {
    }

    /** The browser's authorization code flow with PKCE on one replica (its sign-in session lives there). */
    static Tokens browserSignIn(ConfigurableApplicationContext replica, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = "verifier-" + "b".repeat(50);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:8080/ui/callback";
        browser.send(HttpRequest.newBuilder(URI.create(url(replica, "/oauth2/authorize?response_type=code&client_id=cchc-web"
                + "&scope=openid%20profile&state=s1&redirect_uri=" + enc(redirect) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256"))).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url(replica, "/login"))).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(url(replica, "/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        HttpResponse<String> code = browser.send(HttpRequest.newBuilder(URI.create(login.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher codeParam = Pattern.compile("[?&]code=([^&]+)").matcher(code.headers().firstValue("Location").orElseThrow());
        assertThat(codeParam.find()).isTrue();
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(url(replica, "/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=cchc-web&code=" + codeParam.group(1)
                        + "&redirect_uri=" + enc(redirect) + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        Matcher access = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokens.body());
        Matcher refresh = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokens.body());
        assertThat(access.find() && refresh.find()).isTrue();
        return new Tokens(access.group(1), refresh.group(1));
    }

    static String url(ConfigurableApplicationContext replica, String path) {
        int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
        return "http://127.0.0.1:" + port + path;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
