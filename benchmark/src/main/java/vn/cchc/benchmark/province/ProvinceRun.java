package vn.cchc.benchmark.province;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.benchmark.report.Environment;
import vn.cchc.benchmark.report.Figures;
import vn.cchc.benchmark.report.MarkdownReport;
import vn.cchc.benchmark.report.MarkdownTable;
import vn.cchc.benchmark.stack.StackClient;

/**
 * One run of the province generator: builds the province through the gateway (units, issued plans, a year of items,
 * many requests in flight), waits until reporting-service has counted every item, then times the reads a province
 * works with and a burst of items, and writes {@code province-<N>.json} and {@code province-<N>.md}.
 */
final class ProvinceRun {
    /** Tokens live 10 minutes; a large province takes longer to build, so the run signs in again before that. */
    private static final Duration TOKEN_LIFE = Duration.ofMinutes(8);
    private static final Duration RECORD_PATIENCE = Duration.ofMinutes(3);

    private final ProvinceOptions options;
    private final Path root;
    private final StackClient client;
    private final ProvinceShape shape;
    private final String province;
    private final String runId = LocalDateTime.now(ProvinceShape.VIETNAM).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, Long> refused = new ConcurrentHashMap<>();
    private volatile String token;
    private volatile Instant signedInAt = Instant.EPOCH;

    ProvinceRun(ProvinceOptions options, Path root) {
        this.options = options;
        this.root = root;
        this.client = new StackClient("http://127.0.0.1:" + options.integer("port-base"));
        this.province = options.string("province");
        this.shape = new ProvinceShape(province, runId, options.integer("communes"), options.integer("items-per-commune"), Instant.now());
    }

    boolean execute() throws Exception {
        Instant started = Instant.now();
        json.put("runId", runId);
        json.put("options", new java.util.TreeMap<>(options.all()));
        json.put("environment", Environment.describe());
        int year = shape.year();
        long before = client.subtreeTotal(token(), province, year);
        log("province %s: %d items counted before the run; adding %d communes", province, before, shape.communes());

        Map<String, Object> build = new LinkedHashMap<>();
        build.put("unitsSeconds", seconds(() -> concurrently(shape.communes(), this::addUnit)));
        log("%d communes added in %.1f s", shape.communes(), build.get("unitsSeconds"));
        build.put("plansSeconds", seconds(() -> concurrently(shape.communes(), this::issuePlan)));
        log("%d plans issued in %.1f s", shape.communes(), build.get("plansSeconds"));
        int items = shape.totalItems();
        int perCommune = options.integer("items-per-commune");
        double itemSeconds = seconds(() -> concurrently(items, n -> record(shape.itemBody(n / perCommune, n % perCommune))));
        Instant lastItem = Instant.now();
        build.put("items", items);
        build.put("itemsSeconds", itemSeconds);
        build.put("itemsPerSecond", items / itemSeconds);
        log("%d items recorded in %.1f s (%.0f/s)", items, itemSeconds, items / itemSeconds);
        long expected = before + items;
        double counted = secondsUntilCounted(expected, lastItem);
        build.put("countedSecondsAfterLastItem", counted);
        log("all %d items counted %.1f s after the last one was recorded", items, counted);
        json.put("build", build);

        Map<String, Object> reads = new LinkedHashMap<>();
        String rollUp = "/api/reports/units/" + province + "/compliance?year=" + year;
        JsonNode rollUpBody = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(new String(get(rollUp).body(), java.nio.charset.StandardCharsets.UTF_8));
        reads.put("rollUpCommunes", rollUpBody.path("communes").size());
        reads.put("rollUp", time(rollUp, 2, options.integer("rollup-calls")));
        String commune = "/api/reports/units/" + shape.communeId(0) + "/compliance?year=" + year;
        reads.put("communeCompliance", time(commune, 2, options.integer("commune-calls")));
        Map<String, Object> reports = new LinkedHashMap<>();
        for (String period : options.string("reports").split(",")) {
            for (String format : List.of("docx", "xlsx")) {
                String path = "/api/reports/units/" + province + "/periodic/" + year + "-" + period.trim() + "." + format;
                reports.put(year + "-" + period.trim() + "." + format, time(path, 0, options.integer("report-calls")));
            }
        }
        reads.put("periodicReports", reports);
        json.put("reads", reads);
        log("roll-up %s; commune %s", reads.get("rollUp"), reads.get("communeCompliance"));

        int burstSize = options.integer("burst");
        Instant burstAt = Instant.now().minusSeconds(60);
        Map<String, Object> burst = new LinkedHashMap<>();
        double burstSeconds = seconds(() -> concurrently(burstSize, n -> record(shape.burstItemBody(n, burstAt))));
        Instant lastBurstItem = Instant.now();
        burst.put("items", burstSize);
        burst.put("sentSeconds", burstSeconds);
        burst.put("itemsPerSecond", burstSize / burstSeconds);
        double burstCounted = secondsUntilCounted(expected + burstSize, lastBurstItem);
        burst.put("countedSecondsAfterLastItem", burstCounted);
        burst.put("countedSecondsAfterFirstItem", burstCounted + burstSeconds);
        json.put("burst", burst);
        log("burst of %d sent in %.1f s, all counted %.1f s after its last item", burstSize, burstSeconds, burstCounted);

        json.put("refusedAndRetried", new java.util.TreeMap<>(refused));
        json.put("runSeconds", Duration.between(started, Instant.now()).toSeconds());
        write(build, reads, burst);
        return true;
    }

    // ---------------------------------------------------------------- building the province

    private void addUnit(int index) {
        HttpResponse<String> response = client.post("/api/units", token(), shape.unitBody(index));
        expect(response, 201);
    }

    private void issuePlan(int index) {
        HttpResponse<String> created = client.post("/api/plans", token(), shape.planBody(index));
        expect(created, 201);
        String id = JsonMapper.builder().build().readTree(created.body()).path("id").asString();
        String etag = created.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("a created plan without ETag"));
        expect(client.postIfMatch("/api/plans/" + id + "/issue", token(), etag), 200);
    }

    /**
     * Records one item. publication-service learns new units from Kafka, so a commune's first items may be refused
     * (400 unknown-unit) for a moment: retried, like a 429 / 503; each refusal is counted in the output. The item's
     * own Idempotency-Key makes a retry of a write that was in fact stored (a 503 after the write) answer 200, not 409.
     */
    private void record(Map<String, Object> body) {
        long deadline = System.nanoTime() + RECORD_PATIENCE.toNanos();
        String key = java.util.UUID.randomUUID().toString();
        while (true) {
            HttpResponse<String> response = client.postOnce("/api/publications", token(), body, key);
            int status = response.statusCode();
            if (status == 201 || status == 200) {
                return;
            }
            boolean retry = status == 429 || status == 503 || (status == 400 && response.body().contains("unknown-unit"));
            if (!retry || System.nanoTime() > deadline) {
                expect(response, 201);
            }
            refused.merge(status + (status == 400 ? " unknown-unit" : ""), 1L, Long::sum);
            pause(Duration.ofMillis(500));
        }
    }

    /** Runs {@code count} tasks with {@code --clients} of them in flight; the first failure fails the run. */
    private void concurrently(int count, IntConsumer task) throws Exception {
        Semaphore inFlight = new Semaphore(options.integer("clients"));
        List<Future<?>> futures = new ArrayList<>(count);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                inFlight.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        task.accept(n);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    // ---------------------------------------------------------------- measuring

    /** Seconds from {@code since} until the province's count reaches {@code expected} (polled every 250 ms). */
    private double secondsUntilCounted(long expected, Instant since) {
        long deadline = System.nanoTime() + options.seconds("count-seconds").toNanos();
        long total;
        while ((total = client.subtreeTotal(token(), province, shape.year())) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("counted " + total + " of " + expected + " after " + options.integer("count-seconds") + " s");
            }
            pause(Duration.ofMillis(250));
        }
        if (total > expected) {
            throw new IllegalStateException("counted " + total + ", more than the " + expected + " recorded: an item counted twice");
        }
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    /** {@code warmUp} untimed calls, then {@code calls} timed ones, one after the other, each read to its last byte. */
    private Timings time(String path, int warmUp, int calls) {
        for (int i = 0; i < warmUp; i++) {
            get(path);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            get(path);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return Timings.ofMillis(millis);
    }

    private HttpResponse<byte[]> get(String path) {
        HttpResponse<byte[]> response = client.getBytes(path, token());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response;
    }

    private String token() {
        if (Duration.between(signedInAt, Instant.now()).compareTo(TOKEN_LIFE) > 0) {
            synchronized (this) {
                if (Duration.between(signedInAt, Instant.now()).compareTo(TOKEN_LIFE) > 0) {
                    token = client.token(options.string("user"), options.string("password"));
                    signedInAt = Instant.now();
                }
            }
        }
        return token;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration); // waiting on a remote system between polls
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- output

    private void write(Map<String, Object> build, Map<String, Object> reads, Map<String, Object> burst) throws Exception {
        int n = shape.communes();
        MarkdownReport md = new MarkdownReport("Province of " + n + " communes, run " + runId);
        md.section("Figures", ProvinceTable.figures(n, build, reads, burst),
                "Built through the gateway by `" + options.integer("clients") + "` clients; " + shape.totalItems()
                        + " items of the year so far (1 article : 2 broadcasts) in " + n + " communes, each with an issued "
                        + shape.year() + " plan (≥ 12 articles a year on the website, ≥ 2 broadcasts a month on the radio). Machine: "
                        + Runtime.getRuntime().availableProcessors() + " cores, load average " + Figures.num(loadAverage(), 1)
                        + " at the end (the stack shares the machine with whatever else runs; see the JSON).");
        Path out = root.resolve(options.string("output"));
        Files.createDirectories(out);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(out.resolve("province-" + n + ".json"), mapper.writeValueAsString(json));
        String markdown = md.render();
        Files.writeString(out.resolve("province-" + n + ".md"), markdown);
        System.out.println();
        System.out.println(markdown);
        log("written %s and %s", out.resolve("province-" + n + ".json"), out.resolve("province-" + n + ".md"));
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void log(String format, Object... args) {
        System.out.printf("[province %tT] %s%n", java.time.LocalTime.now(), format.formatted(args));
    }
}
