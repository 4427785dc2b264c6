package vn.cchc.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records publications through the gateway of a running stack and measures:
 * <ul>
 *   <li>write latency and throughput of {@code POST /api/publications} (until 201), and</li>
 *   <li>freshness: how long until reporting-service's counts include all of them (outbox → Kafka → projection).</li>
 * </ul>
 * Usage: {@code java PublicationBenchmark.java [--gateway http://127.0.0.1:8080] [--count 1000] [--concurrency 8]
 * [--unit hai-phong.tien-minh] [--user NAME --password PW]} (a token is fetched from /api/auth/token when a user is given).
 * Items are dated in a year nobody else uses (2020 by default, {@code --year}) so the count is the benchmark's own.
 */
public final class PublicationBenchmark {
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (options.containsKey("help")) {
            System.out.println("options: --gateway URL --count N --concurrency N --unit ID --year YYYY --user NAME --password PW");
            return;
        }
        String gateway = options.getOrDefault("gateway", "http://127.0.0.1:8080");
        int count = Integer.parseInt(options.getOrDefault("count", "1000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        String unit = options.getOrDefault("unit", "hai-phong.tien-minh");
        int year = Integer.parseInt(options.getOrDefault("year", "2020"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = options.containsKey("user") ? "Bearer " + token(http, gateway, options.get("user"), options.get("password")) : null;

        long before = total(http, gateway, unit, year, auth);
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    String body = """
                            {"unitId":"%s","channel":"WEBSITE","kind":"ARTICLE","title":"Tin đo tải số %d",
                             "url":"https://benchmark.example.vn/%s/%d","publishedAt":"%d-03-02T08:00:00+07:00"}"""
                            .formatted(unit, n, UUID.randomUUID(), n, year);
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/publications"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), auth);
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
                    }
                    latenciesMicros.add((System.nanoTime() - t0) / 1000);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        Duration writing = Duration.between(start, Instant.now());
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long counted;
        do {
            counted = total(http, gateway, unit, year, auth) - before;
            if (counted < count) {
                Thread.sleep(100); // polling a remote system; a benchmark, not a test
            }
        } while (counted < count && System.nanoTime() < deadline);
        Duration allCounted = Duration.between(start, Instant.now());

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("recorded %d items with %d clients in %d ms: %.1f items/s%n", count, concurrency, writing.toMillis(),
                count * 1000.0 / Math.max(1, writing.toMillis()));
        System.out.printf("POST latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
        System.out.printf("all %d counted by reporting-service %d ms after the first request (%d ms after the last 201); counted %d%n",
                count, allCounted.toMillis(), allCounted.minus(writing).toMillis(), counted);
        if (counted != count) {
            System.out.println("MISMATCH: expected " + count + " counted, got " + counted);
            System.exit(1);
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    static long total(HttpClient http, String gateway, String unit, int year, String auth) throws Exception {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(
                URI.create(gateway + "/api/reports/units/" + unit + "/counts?year=" + year)).GET(), auth);
        Matcher m = TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("counts answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    static String token(HttpClient http, String gateway, String user, String password) throws Exception {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(user, password))), null);
        Matcher m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String auth) {
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                options.put(key, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
            }
        }
        return options;
    }
}
