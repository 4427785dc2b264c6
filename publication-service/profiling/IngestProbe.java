import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop POST /api/publications against any base URL: the gateway, or publication-service's own port (which
 * benchmark/'s PublicationBenchmark cannot do: it fetches its token and the counts through the gateway). Same body
 * as PublicationBenchmark. A token is taken from the gateway's POST /api/auth/token. Only write latency/throughput.
 * <pre>java publication-service/profiling/IngestProbe.java --target http://127.0.0.1:11083 --gateway http://127.0.0.1:11080
 *      --count 1000 --concurrency 8 --user admin --password Admin@2026 [--warmup 200]</pre>
 */
public final class IngestProbe {
    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].substring(2), args[i + 1]);
        }
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        String target = o.getOrDefault("target", gateway);
        int count = Integer.parseInt(o.getOrDefault("count", "1000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "8"));
        String unit = o.getOrDefault("unit", "hai-phong.tien-minh");
        int year = Integer.parseInt(o.getOrDefault("year", "2020"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"%s\",\"password\":\"%s\"}"
                        .formatted(o.getOrDefault("user", "admin"), o.getOrDefault("password", "Admin@2026")))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
        if (!m.find()) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
        }
        String auth = "Bearer " + m.group(1);
        if (warmup > 0) {
            run(http, target, auth, unit, year, warmup, concurrency);
        }
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        run(http, target, auth, unit, year, count, concurrency, micros);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%s: %d items, %d clients, %d ms: %.1f items/s; POST ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n",
                target, count, concurrency, ms, count * 1000.0 / Math.max(1, ms), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    static void run(HttpClient http, String target, String auth, String unit, int year, int count, int concurrency) throws Exception {
        run(http, target, auth, unit, year, count, concurrency, Collections.synchronizedList(new ArrayList<>()));
    }

    static void run(HttpClient http, String target, String auth, String unit, int year, int count, int concurrency,
                    List<Long> micros) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    String body = """
                            {"unitId":"%s","channel":"WEBSITE","kind":"ARTICLE","title":"Tin đo tải số %d",
                             "url":"https://benchmark.example.vn/%s/%d","publishedAt":"%d-03-02T08:00:00+07:00"}"""
                            .formatted(unit, n, UUID.randomUUID(), n, year);
                    long start = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target + "/api/publications"))
                            .header("Content-Type", "application/json").header("Authorization", auth)
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
                    }
                    micros.add((System.nanoTime() - start) / 1000);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
