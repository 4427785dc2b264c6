package vn.cchc.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;
import vn.cchc.security.test.TestTokens;

/**
 * The gateway as the local stack runs it: its own issuer with the demo accounts, token checks before routing,
 * request ids, size limit, rate limit, and 503 for a service that is down or too slow. Real HTTP throughout;
 * the services are JDK HTTP servers.
 */
@org.springframework.test.context.ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cchc.gateway.rate-limit.capacity=20", "cchc.gateway.rate-limit.period=1m",
    "cchc.gateway.read-timeout=1s", "cchc.gateway.max-request-size=64KB",
    "cchc.gateway.cors.allowed-origins=https://cchc.example.vn"})
class GatewaySecurityTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A key set as a Secret would mount it: the old key still published, the new one active (mid-rotation). */
    static final Path KEY_DIR = tempDir();
    static final RSAKey OLD_KEY = KeySets.write(KEY_DIR, "k-2026-10");
    static final RSAKey ACTIVE_KEY = KeySets.write(KEY_DIR, "k-2026-11");
    static final String ISSUER = "https://cchc.test";
    static final AtomicInteger PLAN_HITS = new AtomicInteger();
    static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);
    /** Counted down by the test once the first event came through: only then does the backend send the next one. */
    static final CountDownLatch HELLO_SEEN = new CountDownLatch(1);
    static final AtomicInteger BUSY_HITS = new AtomicInteger();
    static final HttpServer PLAN = server(exchange -> {
        if (exchange.getRequestURI().getPath().equals("/api/plans/busy")) {
            // a service refusing for now, as reporting-service refuses a live stream over its cap
            BUSY_HITS.incrementAndGet();
            byte[] body = "{\"status\":429,\"title\":\"Too many live streams\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.getResponseHeaders().add("Retry-After", "30");
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        if (exchange.getRequestURI().getPath().equals("/api/reports/live")) {
            // a server-sent event stream: one event now, the rest only when the test ends
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("event: hello\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                // a second event after more than the gateway's 1 s read timeout, and not before the test has received
                // the first one (so the first cannot have waited for the rest); heartbeats every 0.5 s meanwhile
                for (int i = 0; i < 5 || HELLO_SEEN.getCount() > 0; i++) {
                    RELEASE_SLOW.await(500, TimeUnit.MILLISECONDS);
                    exchange.getResponseBody().write(":\n\n".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    if (i > 240) {
                        break; // two minutes: the test has given up
                    }
                }
                exchange.getResponseBody().write("event: later\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                RELEASE_SLOW.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        PLAN_HITS.incrementAndGet();
        String reply = JSON.writeValueAsString(Map.of(
                "path", exchange.getRequestURI().toString(),
                "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                "requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id"))));
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    });
    /** Answers only when the test ends: much longer than the gateway's 1 s read timeout. */
    static final HttpServer SLOW_TASK = server(exchange -> {
        try {
            RELEASE_SLOW.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    });
    /** A loopback port held (bound, never listening) for the whole class: connections to it are refused. */
    static final java.net.Socket DOWN = reservedPort();
    static final String DOWN_URL = "http://127.0.0.1:" + DOWN.getLocalPort();
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cchc.services.plan", () -> url(PLAN));
        registry.add("cchc.services.task", () -> url(SLOW_TASK));
        registry.add("cchc.services.publication", () -> DOWN_URL);
        registry.add("cchc.services.reporting", () -> url(PLAN));
        registry.add("cchc.auth.key-dir", KEY_DIR::toString);
        registry.add("cchc.auth.active-key-id", () -> "k-2026-11");
        registry.add("cchc.auth.generate-key", () -> "false");
        registry.add("cchc.auth.issuer", () -> ISSUER);
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        RELEASE_SLOW.countDown();
        PLAN.stop(0);
        SLOW_TASK.stop(0);
        try {
            DOWN.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Test
    void tokenEndpointIssuesTokensForDemoAccountsAndRefusesWrongCredentials() throws Exception {
        Http.Response ok = Http.postJson(url("/api/auth/token"), "{\"username\":\"coordinator.phu-khuong\",\"password\":\"DieuPhoi.PhuKhuong@2026\"}");
        assertThat(ok.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(600);
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("coordinator.phu-khuong");
        assertThat(claims.getStringListClaim("roles")).containsExactly("COORDINATOR");
        assertThat(claims.getStringListClaim("units")).containsExactly("vinh-long.phu-khuong");

        for (String wrong : List.of("{\"username\":\"coordinator.phu-khuong\",\"password\":\"sai\"}",
                "{\"username\":\"nobody\",\"password\":\"DieuPhoi.PhuKhuong@2026\"}")) {
            Http.Response refused = Http.postJson(url("/api/auth/token"), wrong);
            assertProblem(refused, 401);
            assertThat(refused.body()).doesNotContain("access_token");
        }
    }

    @Test
    void tokensCarryTheFixedIssuerAndTheApiAudienceWhateverTheHostHeader() throws Exception {
        Http.Response response = Http.send(HttpRequest.newBuilder(URI.create(url("/api/auth/token")))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"viewer\",\"password\":\"Xem@2026\"}")),
                "Content-Type", "application/json", "X-Forwarded-Host", "evil.example.com");
        assertThat(response.status()).isEqualTo(200);
        SignedJWT token = SignedJWT.parse(JSON.readTree(response.body()).get("access_token").asString());
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("cchc-api");
        assertThat(token.getJWTClaimsSet().getJWTID()).isNotBlank();
        Duration life = Duration.between(token.getJWTClaimsSet().getIssueTime().toInstant(),
                token.getJWTClaimsSet().getExpirationTime().toInstant());
        assertThat(life).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theJwksPublishesEveryKeyOfTheSetAndTheActiveOneSigns() throws Exception {
        Http.Response jwks = Http.get(url("/oauth2/jwks"));
        assertThat(jwks.status()).isEqualTo(200);
        JWKSet set = JWKSet.parse(jwks.body());
        assertThat(set.getKeys()).extracting(k -> k.getKeyID()).containsExactlyInAnyOrder("k-2026-10", "k-2026-11");
        assertThat(set.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        SignedJWT token = SignedJWT.parse(token("viewer", "Xem@2026"));
        assertThat(token.getHeader().getKeyID()).isEqualTo("k-2026-11");
        assertThat(token.verify(new RSASSAVerifier(set.getKeyByKeyId("k-2026-11").toRSAKey()))).isTrue();
        // a token the old key signed before the switch stays valid until it expires (rotation without sign-outs)
        String byOldKey = signed(OLD_KEY, claims("viewer", ISSUER, List.of("cchc-api")).build());
        assertThat(Http.get(url("/api/plans"), "Authorization", "Bearer " + byOldKey).status()).isEqualTo(200);

        Http.Response discovery = Http.get(url("/.well-known/openid-configuration"));
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(JSON.readTree(discovery.body()).get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(JSON.readTree(discovery.body()).get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
    }

    @Test
    void rightlySignedTokensOfAnotherIssuerForAnotherApiOrIdTokensAre401() throws Exception {
        int hits = PLAN_HITS.get();
        List<String> refused = List.of(
                signed(ACTIVE_KEY, claims("admin", "https://evil.example.com", List.of("cchc-api")).build()),
                signed(ACTIVE_KEY, claims("admin", ISSUER, List.of("other-api")).build()),
                signed(ACTIVE_KEY, claims("admin", ISSUER, List.of()).build()),
                // an ID token: made for the web client, or marked as one
                signed(ACTIVE_KEY, claims("admin", ISSUER, List.of("cchc-web")).claim("azp", "cchc-web").build()),
                signed(ACTIVE_KEY, claims("admin", ISSUER, List.of("cchc-web", "cchc-api")).claim("typ", "ID").build()));
        for (String token : refused) {
            Http.Response response = Http.get(url("/api/plans"), "Authorization", "Bearer " + token);
            assertProblem(response, 401);
            assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        }
        assertThat(PLAN_HITS.get()).isEqualTo(hits);
        assertThat(Http.get(url("/api/plans"), "Authorization", "Bearer "
                + signed(ACTIVE_KEY, claims("admin", ISSUER, List.of("cchc-api")).build())).status()).isEqualTo(200);
    }

    @Test
    void badTokensAre401ProblemsAndNeverReachAService() throws Exception {
        int hits = PLAN_HITS.get();
        RSAKey gatewayKey = ACTIVE_KEY;
        List<String> authorizations = new ArrayList<>();
        authorizations.add(null);
        authorizations.add("Bearer " + TestTokens.malformed());
        authorizations.add("Bearer " + TestTokens.wronglySigned("admin", List.of("PROVINCE_ADMIN"), List.of("vinh-long")));
        authorizations.add("Bearer " + expiredToken(gatewayKey));
        authorizations.add("Basic YWRtaW46QWRtaW5AMjAyNg==");
        for (String authorization : authorizations) {
            Http.Response response = authorization == null ? Http.get(url("/api/plans"))
                    : Http.get(url("/api/plans"), "Authorization", authorization);
            assertProblem(response, 401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(PLAN_HITS.get()).isEqualTo(hits);
    }

    @Test
    void tokensAreRelayedAndViewersAndOpsCannotWrite() throws Exception {
        String viewer = token("viewer", "Xem@2026");
        Http.Response read = Http.get(url("/api/plans?year=2026"), "Authorization", "Bearer " + viewer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("authorization").asString()).isEqualTo("Bearer " + viewer);

        int hits = PLAN_HITS.get();
        assertProblem(Http.postJson(url("/api/plans"), "{}", "Authorization", "Bearer " + viewer), 403);
        String ops = token("ops", "VanHanh@2026");
        assertProblem(Http.get(url("/api/plans"), "Authorization", "Bearer " + ops), 403);
        assertProblem(Http.postJson(url("/api/plans"), "{}", "Authorization", "Bearer " + ops), 403);
        assertThat(PLAN_HITS.get()).isEqualTo(hits);

        // a coordinator's write passes the gateway (the service decides whether the unit is theirs)
        assertThat(Http.postJson(url("/api/plans"), "{}", "Authorization", "Bearer " + token("coordinator.tien-minh", "DieuPhoi.TienMinh@2026"))
                .status()).isEqualTo(200);
    }

    @Test
    void requestIdsArePropagatedOrCreatedAndEchoed() throws Exception {
        String auth = "Bearer " + token("editor.tien-minh", "BienTap.TienMinh@2026");
        Http.Response given = Http.get(url("/api/reports/x"), "Authorization", auth, "X-Request-Id", "req-123");
        assertThat(given.header("X-Request-Id")).isEqualTo("req-123");
        assertThat(JSON.readTree(given.body()).get("requestId").asString()).isEqualTo("req-123");

        Http.Response created = Http.get(url("/api/reports/x"), "Authorization", auth);
        String id = created.header("X-Request-Id");
        // none given: the request's trace id, also echoed as X-Trace-Id
        assertThat(id).matches("[0-9a-f]{32}").isEqualTo(created.header("X-Trace-Id"));
        assertThat(JSON.readTree(created.body()).get("requestId").asString()).isEqualTo(id);
        // errors carry it too
        assertThat(Http.get(url("/api/plans"), "X-Request-Id", "req-401").header("X-Request-Id")).isEqualTo("req-401");
    }

    @Test
    void aServiceThatIsDownOrTooSlowGivesA503ProblemWithinTheTimeout() throws Exception {
        String auth = "Bearer " + token("editor.phu-khuong", "BienTap.PhuKhuong@2026");
        long start = System.nanoTime();
        Http.Response down = Http.get(url("/api/publications"), "Authorization", auth);
        assertProblem(down, 503);
        assertThat(down.header("Retry-After")).isNotBlank();
        assertThat(down.body()).doesNotContain("Exception", "at java.");

        Http.Response slow = Http.get(url("/api/tasks"), "Authorization", auth);
        assertProblem(slow, 503);
        // well before the slow service would answer (at the end of the class, 120 s at most): the 1 s read timeout
        // cut it off, whatever the load of the machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
    }

    @Test
    void serverSentEventsAreStreamedThroughAsTheyCome() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(
                get(url("/api/reports/live")).header("Authorization", "Bearer " + token("viewer", "Xem@2026"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        java.util.Iterator<String> lines = stream.body().iterator();
        java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(lines::next);
        // the backend has not finished the response (it sends nothing but heartbeats until this test has the first
        // event), yet the first event is already through
        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo("event: hello");
        HELLO_SEEN.countDown();
        // a stream that keeps talking outlives the read timeout (it bounds silence, not the whole response)
        java.util.concurrent.CompletableFuture<String> later = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event: later")) {
                    return line;
                }
            }
            return "stream ended";
        });
        assertThat(later.get(60, TimeUnit.SECONDS)).isEqualTo("event: later");

        // several open streams at once: none waits for another
        List<java.util.concurrent.CompletableFuture<String>> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            others.add(HttpClient.newHttpClient().sendAsync(
                            get(url("/api/reports/live")).header("Authorization", "Bearer " + token("viewer", "Xem@2026")).build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .thenApply(response -> response.body().findFirst().orElse("")));
        }
        for (java.util.concurrent.CompletableFuture<String> other : others) {
            assertThat(other.get(60, TimeUnit.SECONDS)).isEqualTo("event: hello");
        }
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        String auth = "Bearer " + token("coordinator.bac-binh", "DieuPhoi.BacBinh@2026");
        int hits = PLAN_HITS.get();
        String big = "{\"text\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(Http.postJson(url("/api/plans"), big, "Authorization", auth), 413);
        assertThat(PLAN_HITS.get()).isEqualTo(hits);
        // chunked: no Content-Length, the body is cut off while streaming
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        Http.Response chunked = Http.send(HttpRequest.newBuilder(URI.create(url("/api/plans")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))),
                "Authorization", auth);
        assertProblem(chunked, 413);
    }

    @Test
    void aServicesRefusalIsPassedOnAtOnceNotRetriedAfterItsRetryAfter() throws Exception {
        long started = System.nanoTime();
        Http.Response refused = Http.get(url("/api/plans/busy"), "Authorization",
                "Bearer " + token("coordinator.van-phong", "DieuPhoi.VanPhong@2026"));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(BUSY_HITS.get()).as("sent once, not re-sent by the proxy's client").isEqualTo(1);
        assertThat(seconds).as("not held for the Retry-After's 30 s").isLessThan(25);
    }

    @Test
    void eachUserIsRateLimitedWith429AndRetryAfter() throws Exception {
        String auth = "Bearer " + token("editor.bac-binh", "BienTap.BacBinh@2026");
        Http.Response limited = null;
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < 200 && limited == null; i++) {
            Http.Response response = Http.get(url("/api/plans"), "Authorization", auth);
            if (response.status() == 429) {
                limited = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
                remaining.add(response.header("X-RateLimit-Remaining"));
            }
        }
        // a burst of the capacity (20) passes; the bucket refills greedily (one token per 3 s here), so on a slow
        // machine a few more may pass: what matters is that the refusal comes exactly when the bucket is empty
        assertThat(remaining.getFirst()).isEqualTo("19");
        assertThat(remaining).hasSizeGreaterThanOrEqualTo(20);
        assertThat(remaining.getLast()).isEqualTo("0");
        assertProblem(limited, 429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        // another user is not affected
        assertThat(Http.get(url("/api/plans"), "Authorization", "Bearer " + token("viewer", "Xem@2026")).status()).isEqualTo(200);
    }

    @Test
    void corsAllowsConfiguredOriginsAndSecurityHeadersAreSet() {
        Http.Response preflight = Http.send(HttpRequest.newBuilder(URI.create(url("/api/plans")))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin", "https://cchc.example.vn", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://cchc.example.vn");
        Http.Response foreign = Http.send(HttpRequest.newBuilder(URI.create(url("/api/plans")))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin", "https://evil.example.com", "Access-Control-Request-Method", "POST");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();

        Http.Response any = Http.get(url("/api/plans"));
        assertThat(any.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(any.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(any.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void theBrowserSignsInWithAuthorizationCodeAndPkce() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = "verifier-" + "a".repeat(50);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:8080/ui/callback";
        String authorize = url("/oauth2/authorize?response_type=code&client_id=cchc-web&scope=openid%20profile&state=s1"
                + "&redirect_uri=" + enc(redirect) + "&code_challenge=" + challenge + "&code_challenge_method=S256");

        HttpResponse<String> first = browser.send(get(authorize).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> page = browser.send(get(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Đăng nhập", "Mật khẩu");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=editor.phu-khuong&password=" + enc("BienTap.PhuKhuong@2026")
                        + "&_csrf=" + enc(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String back = login.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/oauth2/authorize");

        HttpResponse<String> code = browser.send(get(back).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(code.statusCode()).isEqualTo(302);
        String location = code.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?code=").contains("state=s1");
        String authorizationCode = URLDecoderHelper.param(location, "code");

        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=cchc-web&code="
                        + enc(authorizationCode) + "&redirect_uri=" + enc(redirect) + "&code_verifier=" + verifier)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).isEqualTo(200);
        String accessToken = JSON.readTree(tokens.body()).get("access_token").asString();
        JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("EDITOR");
        assertThat(claims.getStringListClaim("units")).containsExactly("vinh-long.phu-khuong");
        assertThat(claims.getAudience()).containsExactly("cchc-api");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(Http.get(url("/api/plans"), "Authorization", "Bearer " + accessToken).status()).isEqualTo(200);

        // the ID token is for the client (aud = cchc-web, no roles or units): never a bearer token
        String idToken = JSON.readTree(tokens.body()).get("id_token").asString();
        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getAudience()).containsExactly("cchc-web");
        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getClaim("roles")).isNull();
        assertProblem(Http.get(url("/api/plans"), "Authorization", "Bearer " + idToken), 401);

        // the public client refreshes with client_id alone; the refresh token is rotated: each works once
        String refreshToken = JSON.readTree(tokens.body()).get("refresh_token").asString();
        Http.Response refreshed = refresh(refreshToken);
        assertThat(refreshed.status()).isEqualTo(200);
        String newAccess = JSON.readTree(refreshed.body()).get("access_token").asString();
        String newRefresh = JSON.readTree(refreshed.body()).get("refresh_token").asString();
        assertThat(newAccess).isNotEqualTo(accessToken);
        assertThat(newRefresh).isNotEqualTo(refreshToken);
        assertThat(SignedJWT.parse(newAccess).getJWTClaimsSet().getStringListClaim("units")).containsExactly("vinh-long.phu-khuong");
        assertThat(Http.get(url("/api/plans"), "Authorization", "Bearer " + newAccess).status()).isEqualTo(200);
        assertThat(refresh(refreshToken).status()).isEqualTo(400); // used already
        // another client cannot use it, nor can a client that does not exist
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token"))).POST(HttpRequest.BodyPublishers.ofString(
                "grant_type=refresh_token&client_id=nobody&refresh_token=" + enc(newRefresh))),
                "Content-Type", "application/x-www-form-urlencoded").status()).isEqualTo(401);

        // sign-out: the refresh token is revoked, and the gateway refuses its access token from then on
        Http.Response revoked = Http.send(HttpRequest.newBuilder(URI.create(url("/oauth2/revoke"))).POST(HttpRequest.BodyPublishers.ofString(
                "token=" + enc(newRefresh) + "&token_type_hint=refresh_token&client_id=cchc-web")),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(refresh(newRefresh).status()).isEqualTo(400);
        Http.Response afterSignOut = Http.get(url("/api/plans"), "Authorization", "Bearer " + newAccess);
        assertProblem(afterSignOut, 401);
        assertThat(afterSignOut.header("WWW-Authenticate")).contains("invalid_token");
    }

    Http.Response refresh(String refreshToken) {
        return Http.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token"))).POST(HttpRequest.BodyPublishers.ofString(
                "grant_type=refresh_token&client_id=cchc-web&refresh_token=" + enc(refreshToken))),
                "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void serviceApiDocsAndSwaggerUiAreBrowsableWithoutToken() throws Exception {
        Http.Response docs = Http.get(url("/docs/plan/v3/api-docs"));
        assertThat(docs.status()).isEqualTo(200);
        assertThat(JSON.readTree(docs.body()).get("path").asString()).isEqualTo("/v3/api-docs");
        assertThat(Http.get(url("/swagger-ui/index.html")).status()).isEqualTo(200);
        Http.Response config = Http.get(url("/v3/api-docs/swagger-config"));
        assertThat(config.body()).contains("/docs/plan/v3/api-docs", "/docs/reporting/v3/api-docs");
    }

    @Test
    void theAsyncApiOfTheEventsIsServedWhenContractsHaveIt() {
        // copied from contracts/asyncapi.yaml at build time; absent in a checkout without it
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("../contracts/asyncapi.yaml")));
        Http.Response asyncapi = Http.get(url("/docs/asyncapi.yaml"));
        assertThat(asyncapi.status()).isEqualTo(200);
        assertThat(asyncapi.body()).contains("asyncapi:", "cchc.plan.events");
    }

    // --- helpers

    String token(String username, String password) throws Exception {
        String key = username + ":" + password;
        String cached = TOKENS.get(key);
        if (cached != null) {
            return cached;
        }
        Http.Response response = Http.postJson(url("/api/auth/token"),
                JSON.writeValueAsString(Map.of("username", username, "password", password)));
        assertThat(response.status()).isEqualTo(200);
        String token = JSON.readTree(response.body()).get("access_token").asString();
        TOKENS.put(key, token);
        return token;
    }

    static JWTClaimsSet.Builder claims(String username, String issuer, List<String> audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(username)
                .claim("roles", List.of("PROVINCE_ADMIN")).claim("units", List.of("vinh-long"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(java.util.UUID.randomUUID().toString());
    }

    static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String expiredToken(RSAKey key) throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(3));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).audience("cchc-api").subject("admin").claim("roles", List.of("PROVINCE_ADMIN"))
                        .claim("units", List.of("vinh-long")).issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofHours(1)))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response).isNotNull();
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).doesNotContain("<html");
    }

    static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static HttpServer server(com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A loopback port bound by a socket that never listens: connections are refused, and no other process (another
     * build on the machine) can start listening there, as it could on a port that was merely free a moment ago.
     */
    static java.net.Socket reservedPort() {
        try {
            java.net.Socket socket = new java.net.Socket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("cchc-gateway-keys");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class URLDecoderHelper {
        static String param(String url, String name) {
            Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
            return m.find() ? java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
        }
    }
}
