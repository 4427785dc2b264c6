package vn.cchc.benchmark.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.benchmark.load.Outcome;

/** The stack's HTTP API as the benchmark uses it: sign-in, the unit directory, plans, publications, counts, rebuild. */
public final class StackClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String gateway;

    public StackClient(String gateway) {
        this.gateway = gateway;
        // many connections at once: the open-loop steps may have hundreds of requests in flight
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).version(HttpClient.Version.HTTP_1_1).build();
    }

    public HttpClient http() {
        return http;
    }

    public String gateway() {
        return gateway;
    }

    public String token(String user, String password) {
        JsonNode body = call("POST", gateway + "/api/auth/token", null, Map.of("username", user, "password", password), 200);
        return body.path("access_token").asString();
    }

    /** Adds a commune of its own for this run (a fresh unit per run keeps runs apart), operating a website. */
    public void createUnit(String token, String unitId, String name) {
        call("POST", gateway + "/api/units", token, Map.of("unitId", unitId, "name", name, "kind", "COMMUNE",
                "channels", List.of(Map.of("channel", "WEBSITE", "name", "Trang thông tin điện tử " + name,
                        "url", "https://" + unitId.replace('.', '-') + ".benchmark.example.vn"))), 201);
    }

    /**
     * Creates and issues a plan of {@code unitId} for {@code year} with a monthly and a yearly target on website articles
     * of the unit itself, in force from 1 January, so every benchmark item moves two targets. Returns the plan id.
     */
    public String issuePlan(String token, String unitId, int year) {
        Map<String, Object> target = Map.of("kinds", List.of("ARTICLE"), "channels", List.of("WEBSITE"), "scope", "UNIT");
        Map<String, Object> plan = Map.of(
                "issuingUnitId", unitId, "year", year, "place", "Đo tải", "issuedOn", LocalDate.of(year, 1, 1).toString(),
                "title", "Kế hoạch tuyên truyền CCHC năm " + year + " (đo hiệu năng)",
                "targets", List.of(
                        with(target, Map.of("description", "Ít nhất 10 tin/bài mỗi tháng trên trang TTĐT", "minimum", 10, "period", "MONTH")),
                        with(target, Map.of("description", "Ít nhất 100 tin/bài trong năm trên trang TTĐT", "minimum", 100, "period", "YEAR"))));
        HttpResponse<String> created = send("POST", gateway + "/api/plans", token, plan);
        expect(created, 201);
        String id = json.readTree(created.body()).path("id").asString();
        String etag = created.headers().firstValue("ETag").orElse("\"0\"");
        HttpRequest issue = request(gateway + "/api/plans/" + id + "/issue", token).header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        expect(send(issue), 200);
        return id;
    }

    private static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    /** The JSON body of one benchmark article (a unique link, so it is never a duplicate). */
    public String articleBody(String unitId, String title, String url, Instant publishedAt) {
        return json.writeValueAsString(Map.of("unitId", unitId, "channel", "WEBSITE", "kind", "ARTICLE", "title", title,
                "url", url, "publishedAt", publishedAt.toString()));
    }

    /** Records one item at {@code baseUrl} (the gateway or publication-service itself); a 201 carries a {@link Recorded}. */
    public CompletableFuture<Outcome> record(String baseUrl, String token, String body) {
        HttpRequest request = request(baseUrl + "/api/publications", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 201) {
                return Outcome.failure("HTTP " + response.statusCode());
            }
            Instant answered = Instant.now();
            JsonNode node = json.readTree(response.body());
            String recordedAt = node.path("recordedAt").asString(null);
            return Outcome.success(new Recorded(node.path("id").asString(),
                    recordedAt == null ? answered : Instant.parse(recordedAt), answered));
        });
    }

    /** A synchronous probe: the status code of one recording. */
    public int recordStatus(String baseUrl, String token, String body) {
        return send("POST", baseUrl + "/api/publications", token, body).statusCode();
    }

    /** {@code total} of {@code GET /api/reports/units/{unitId}/counts?year=…}. */
    public long total(String token, String unitId, int year) {
        return call("GET", gateway + "/api/reports/units/" + unitId + "/counts?year=" + year, token, null, 200).path("total").asLong();
    }

    public JsonNode startRebuild(String token) {
        return call("POST", gateway + "/api/reports/admin/rebuild", token, null, 202);
    }

    public JsonNode rebuildStatus(String token) {
        return call("GET", gateway + "/api/reports/admin/rebuild", token, null, 200);
    }

    /** {@code POST} of a JSON body through the gateway; the answer whatever its status (the caller decides). */
    public HttpResponse<String> post(String path, String token, Object body) {
        return send("POST", gateway + path, token, body);
    }

    /** {@code POST} with an {@code Idempotency-Key}: sent again after a 503 or a lost answer, it is not recorded twice. */
    public HttpResponse<String> postOnce(String path, String token, Object body, String idempotencyKey) {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return send(request(gateway + path, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    /** {@code POST} with {@code If-Match} and no body (a plan's issue). */
    public HttpResponse<String> postIfMatch(String path, String token, String etag) {
        return send(request(gateway + path, token).header("If-Match", etag).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** {@code GET} through the gateway, the body read whole (a document is timed until its last byte). */
    public HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            return http.send(request(gateway + path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        }
    }

    /** {@code total} of the counts of {@code unitId} and every unit beneath it in {@code year}. */
    public long subtreeTotal(String token, String unitId, int year) {
        return call("GET", gateway + "/api/reports/units/" + unitId + "/counts?year=" + year + "&includeSubunits=true", token, null, 200)
                .path("total").asLong();
    }

    /** A GET answering 2xx (used for the gateway's cheapest route in the floors). */
    public CompletableFuture<Outcome> get(String url) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() / 100 == 2 ? Outcome.success(null) : Outcome.failure("HTTP " + r.statusCode()));
    }

    private JsonNode call(String method, String url, String token, Object body, int expected) {
        HttpResponse<String> response = send(method, url, token, body);
        expect(response, expected);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String url, String token, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body));
        HttpRequest.Builder builder = request(url, token).method(method, publisher);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
    }
}
