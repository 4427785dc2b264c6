package vn.cchc.benchmark;

import static vn.cchc.benchmark.report.Figures.divide;
import static vn.cchc.benchmark.report.Figures.gib;
import static vn.cchc.benchmark.report.Figures.ms;
import static vn.cchc.benchmark.report.Figures.num;
import static vn.cchc.benchmark.report.Figures.ratio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.benchmark.events.RecordedEventProducer;
import vn.cchc.benchmark.floors.KafkaFloor;
import vn.cchc.benchmark.floors.MongoFloor;
import vn.cchc.benchmark.floors.NoopHttpServer;
import vn.cchc.benchmark.load.OpenLoop;
import vn.cchc.benchmark.load.StepResult;
import vn.cchc.benchmark.report.Environment;
import vn.cchc.benchmark.report.MarkdownReport;
import vn.cchc.benchmark.report.MarkdownTable;
import vn.cchc.benchmark.report.Verdict;
import vn.cchc.benchmark.stack.ChangeStream;
import vn.cchc.benchmark.stack.LocalStack;
import vn.cchc.benchmark.stack.Recorded;
import vn.cchc.benchmark.stack.StackClient;
import vn.cchc.benchmark.stats.CountCheck;
import vn.cchc.benchmark.stats.LagFigures;
import vn.cchc.benchmark.stats.LatencySummary;

/**
 * One benchmark run, phase by phase (docs/performance.md): set-up (two communes of its own, each with an issued plan of
 * the current year), raw floors, open-loop ingest through the gateway and direct, lag at 50 % / 80 % of capacity, the
 * count checks, catch-up with growing history, replays, memory. Figures go to JSON and markdown as they come.
 */
final class BenchmarkRun {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** The "Done when" conditions of issue 13, in the order printed. */
    private static final String FLAT = "catch-up rate with the most facts stored within 20 % of the rate with the fewest";
    private static final String GATEWAY_VS_DIRECT = "sustained ingest through the gateway ≥ 0.7× direct";
    private static final String GATEWAY_VS_MONGO = "sustained ingest through the gateway ≥ 0.25× raw wire-server insertOne";
    private static final String LAG_50 = "lag p99 ≤ 250 ms at 50 % of the sustained capacity";
    private static final String LAG_80 = "lag bounded (not growing) at 80 %";
    private static final String REPLAY = "replay ≥ 10k events/s and ≥ 0.1× the raw consumer rate";
    private static final String MEMORY = "the whole local stack ≤ 2 GiB RSS after the run";
    private static final List<String> CONDITIONS = List.of(FLAT, GATEWAY_VS_DIRECT, GATEWAY_VS_MONGO, LAG_50, LAG_80, REPLAY, MEMORY);

    private final Options options;
    private final LocalStack stack;
    private final Path root;
    private final String runId = LocalDateTime.now(VIETNAM).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final int year = LocalDate.now(VIETNAM).getYear();
    private final StackClient client;
    private final String publicationUrl;
    private final String brokers;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final MarkdownReport md;
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<String> correctness = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private String token;

    BenchmarkRun(Options options, LocalStack stack, Path root) {
        this.options = options;
        this.stack = stack;
        this.root = root;
        int base = options.integer("port-base");
        this.client = new StackClient("http://127.0.0.1:" + base);
        this.publicationUrl = "http://127.0.0.1:" + (base + 3);
        this.brokers = "127.0.0.1:" + options.integer("kafka-port");
        this.md = new MarkdownReport("Benchmark " + runId);
    }

    /** @return true when every count matched */
    boolean execute() throws Exception {
        Instant started = Instant.now();
        json.put("runId", runId);
        json.put("startedAt", started.toString());
        json.put("options", new java.util.TreeMap<>(options.all()));
        Map<String, Object> environment = Environment.describe();
        json.put("environment", environment);
        token = client.token(options.string("user"), options.string("password"));

        String province = options.string("province");
        String ingestUnit = province + ".bench-" + runId;
        String catchUpUnit = province + ".bench-" + runId + "-history";
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("year", year);
        setup.put("ingestUnit", ingestUnit);
        setup.put("ingestPlan", setUpUnit(ingestUnit, "Xã Đo Tải " + runId));
        setup.put("catchUpUnit", catchUpUnit);
        setup.put("catchUpPlan", setUpUnit(catchUpUnit, "Xã Lịch Sử " + runId));
        json.put("setup", setup);
        log("units %s and %s with issued plans of %d", ingestUnit, catchUpUnit, year);

        Expected ingestExpected = new Expected(ingestUnit);
        Expected historyExpected = new Expected(catchUpUnit);
        waitUntilRecordable(ingestUnit, ingestExpected);
        waitUntilRecordable(catchUpUnit, historyExpected);

        List<String> phases = List.of(options.string("only").split(","));
        Map<String, Object> floors = phases.contains("floors") ? floors() : Map.of();
        if (phases.contains("ingest")) {
            try (ChangeStream stream = new ChangeStream(client.http(), client.gateway(), ingestUnit, () -> token)) {
                stream.awaitOpen(60);
                ingest(ingestUnit, ingestExpected, stream, floors);
            }
        }
        checkCounts("ingest", ingestExpected);
        if (phases.contains("catchup")) {
            catchUpAndReplay(catchUpUnit, historyExpected, ingestExpected, floors);
        }
        checkCounts("catch-up", historyExpected);
        memory(environment);

        for (String condition : CONDITIONS) {
            if (verdicts.stream().noneMatch(v -> v.condition().equals(condition))) {
                verdicts.add(new Verdict(condition, null, "phase not run"));
            }
        }
        verdicts.sort(java.util.Comparator.comparing(v -> CONDITIONS.indexOf(v.condition())));
        md.section("Done when (issue 13)", MarkdownReport.verdictTable(verdicts),
                "Performance conditions print PASS/FAIL only; the exit code fails on correctness (a count that does not match).");
        json.put("verdicts", verdicts);
        json.put("correctnessFailures", correctness);
        json.put("finishedAt", Instant.now().toString());
        environment.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        md.section("Correctness", null, correctness.isEmpty()
                ? "Every count matched the number of items recorded (checked again after the lag settled)."
                : "FAILED:\n\n" + String.join("\n", correctness.stream().map(c -> "- " + c).toList()));
        md.section("Run", new MarkdownTable("what", "value")
                        .row("run", runId + ", " + Duration.between(started, Instant.now()).toSeconds() + " s")
                        .row("machine", environment.get("cores") + " cores, " + gib((Long) environment.get("memTotalBytes"))
                                + " RAM, load average " + num((Double) environment.get("loadAverage"), 1) + " at start and "
                                + num((Double) environment.get("loadAverageAtEnd"), 1) + " at the end, " + environment.get("os"))
                        .row("benchmark JVM", environment.get("java") + "; flags " + environment.get("benchmarkJvmFlags"))
                        .row("stack JVM flags", environment.getOrDefault("stackJvmFlags", "—"))
                        .row("options", options.all().entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(e -> "--" + e.getKey() + " " + e.getValue()).reduce((a, b) -> a + " " + b).orElse("")),
                null);
        write();
        return correctness.isEmpty();
    }

    // ---------------------------------------------------------------- set-up

    private String setUpUnit(String unitId, String name) {
        client.createUnit(token, unitId, name);
        return client.issuePlan(token, unitId, year);
    }

    /** publication-service learns new units from Kafka: the first item is refused (400 unknown-unit) until then. */
    private void waitUntilRecordable(String unitId, Expected expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            int status = client.recordStatus(client.gateway(), token, article(unitId));
            if (status == 201) {
                expected.add(1);
                return;
            }
            if (status != 400 || System.nanoTime() > deadline) {
                throw new IllegalStateException("the first item of " + unitId + " answered " + status);
            }
            Thread.sleep(500); // polling a remote system until it knows the unit
        }
    }

    private String article(String unitId) {
        long n = sequence.incrementAndGet();
        return client.articleBody(unitId, "Tin đo hiệu năng số " + n,
                "https://benchmark.example.vn/" + runId + "/" + n + "-" + UUID.randomUUID(), Instant.now().minusSeconds(60));
    }

    // ---------------------------------------------------------------- floors

    private Map<String, Object> floors() throws Exception {
        Map<String, Object> floors = new LinkedHashMap<>();
        MarkdownTable table = new MarkdownTable("floor", "figure", "how");
        List<Integer> rates = options.integers("floor-rates");
        Duration length = options.seconds("floor-seconds");
        try (NoopHttpServer noop = new NoopHttpServer()) {
            String body = article("vinh-long.noop");
            // the no-op server answers 204 to a POST of the same body as the ingest
            Capacity http = capacity("HTTP no-op", rates, length, due -> client.http().sendAsync(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(noop.url())).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).thenApply(r -> r.statusCode() == 204
                    ? vn.cchc.benchmark.load.Outcome.success(null) : vn.cchc.benchmark.load.Outcome.failure("HTTP " + r.statusCode())));
            floors.put("httpNoop", http.json());
            table.row("HTTP no-op (JDK server in the benchmark, 204)", http.describe(), "open loop, POST with a publication body");
        }
        Capacity gatewayCheapest = capacity("gateway readiness", rates, length,
                due -> client.get(client.gateway() + "/readyz"));
        floors.put("gatewayReadiness", gatewayCheapest.json());
        table.row("gateway's cheapest route (GET /readyz, readiness on the public port)", gatewayCheapest.describe(), "open loop");

        KafkaFloor.Result kafka = KafkaFloor.measure(brokers, runId, options.integer("kafka-records"),
                options.integer("kafka-e2e-rate"), length);
        floors.put("kafka", kafka);
        table.row("Kafka producer", num(kafka.producerPerSecond(), 0) + " records/s", kafka.records() + " × " + kafka.recordBytes() + " B, acks=all, scratch topic")
                .row("Kafka consumer", num(kafka.consumerPerSecond(), 0) + " records/s", "one consumer from offset 0")
                .row("Kafka end-to-end", "p50 " + ms(kafka.endToEnd().p50Ms()) + ", p99 " + ms(kafka.endToEnd().p99Ms()) + ", max " + ms(kafka.endToEnd().maxMs()),
                        kafka.e2eRatePerSecond() + " records/s for " + length.toSeconds() + " s");
        log("Kafka floor: produce %.0f/s, consume %.0f/s, e2e p99 %.1f ms", kafka.producerPerSecond(), kafka.consumerPerSecond(), kafka.endToEnd().p99Ms());

        MongoFloor.Result mongo = MongoFloor.measure("mongodb://127.0.0.1:" + options.integer("mongo-port"), runId, length);
        floors.put("mongo", mongo);
        table.row("wire server insertOne", num(mongo.insertOnePerSecond(), 0) + " docs/s", "one client, acknowledged, " + length.toSeconds() + " s")
                .row("wire server insertMany", num(mongo.insertManyPerSecond(), 0) + " docs/s", "batches of 1,000");
        log("Mongo floor: insertOne %.0f/s, insertMany %.0f/s", mongo.insertOnePerSecond(), mongo.insertManyPerSecond());
        json.put("floors", floors);
        md.section("Raw floors (same broker, same wire server, same run)", table,
                "The wire server (mongo-java-server on H2) ignores non-unique indexes: figures that depend on them say nothing about real MongoDB.");
        return floors;
    }

    /** Steps up the rates until one is not sustained; the capacity is the highest sustained rate. */
    private Capacity capacity(String what, List<Integer> rates, Duration length,
                              java.util.function.LongFunction<java.util.concurrent.CompletableFuture<vn.cchc.benchmark.load.Outcome>> send) {
        double bound = options.integer("p99-bound-ms");
        // JIT and connections warm before the figures start, as for the ingest
        OpenLoop.run(rates.getFirst(), options.seconds("warmup-seconds"), REQUEST_TIMEOUT, send);
        List<StepResult> steps = new ArrayList<>();
        double capacity = 0;
        for (int rate : rates) {
            StepResult step = OpenLoop.run(rate, length, REQUEST_TIMEOUT, send);
            steps.add(step);
            log("%s at %d/s: achieved %.1f/s, p50 %.1f ms, p99 %.1f ms, errors %d", what, rate, step.achievedPerSecond(),
                    step.latency().p50Ms(), step.latency().p99Ms(), step.errorCount());
            if (!step.sustained(bound)) {
                break;
            }
            capacity = rate;
        }
        return new Capacity(capacity, steps);
    }

    record Capacity(double perSecond, List<StepResult> steps) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sustainedPerSecond", perSecond);
            m.put("steps", steps.stream().map(BenchmarkRun::stepJson).toList());
            return m;
        }

        String describe() {
            StepResult last = steps.getLast();
            return "sustained " + num(perSecond, 0) + "/s (last step " + num(last.offeredPerSecond(), 0) + "/s: p99 "
                    + ms(last.latency().p99Ms()) + ", " + last.errorCount() + " errors)";
        }
    }

    private static Map<String, Object> stepJson(StepResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offeredPerSecond", s.offeredPerSecond());
        m.put("sent", s.sent());
        m.put("ok", s.ok());
        m.put("achievedPerSecond", s.achievedPerSecond());
        m.put("latency", s.latency());
        m.put("errors", s.errors());
        return m;
    }

    // ---------------------------------------------------------------- ingest and lag

    private void ingest(String unitId, Expected expected, ChangeStream stream, Map<String, Object> floors) throws Exception {
        List<Integer> rates = options.integers("rates");
        Duration step = options.seconds("step-seconds");
        double bound = options.integer("p99-bound-ms");
        MarkdownTable table = new MarkdownTable("path", "offered /s", "achieved /s", "accept p50", "accept p99", "accept max",
                "errors", "lag p50", "lag p99", "lag max", "no change seen");
        Map<String, Object> ingest = new LinkedHashMap<>();
        Map<String, Double> capacity = new LinkedHashMap<>();
        for (Map.Entry<String, String> path : Map.of("gateway", client.gateway(), "direct", publicationUrl).entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByKey().reversed()).toList()) {
            String name = path.getKey();
            java.util.function.LongFunction<java.util.concurrent.CompletableFuture<vn.cchc.benchmark.load.Outcome>> send =
                    due -> client.record(path.getValue(), token, article(unitId));
            StepResult warmup = OpenLoop.run(rates.getFirst(), options.seconds("warmup-seconds"), REQUEST_TIMEOUT, send);
            expected.add(warmup.ok());
            log("%s warm-up: %d items (excluded)", name, warmup.ok());
            List<Map<String, Object>> steps = new ArrayList<>();
            double sustained = 0;
            for (int rate : rates) {
                StepResult result = OpenLoop.run(rate, step, REQUEST_TIMEOUT, send);
                expected.add(result.ok());
                settle(expected);
                LagFigures lag = lag(result, stream);
                steps.add(stepWithLag(result, lag));
                table.row(name, rate, num(result.achievedPerSecond(), 1), ms(result.latency().p50Ms()), ms(result.latency().p99Ms()),
                        ms(result.latency().maxMs()), result.errorCount() == 0 ? "0" : result.errors().toString(),
                        ms(lag.all().p50Ms()), ms(lag.all().p99Ms()), ms(lag.all().maxMs()), lag.missing());
                log("%s at %d/s: achieved %.1f/s, accept p50 %.1f p99 %.1f ms, errors %d; lag p50 %.0f p99 %.0f ms", name, rate,
                        result.achievedPerSecond(), result.latency().p50Ms(), result.latency().p99Ms(), result.errorCount(),
                        lag.all().p50Ms(), lag.all().p99Ms());
                if (!result.sustained(bound)) {
                    break;
                }
                sustained = rate;
            }
            capacity.put(name, sustained);
            ingest.put(name, Map.of("sustainedPerSecond", sustained, "steps", steps));
        }
        json.put("ingest", ingest);
        double gateway = capacity.get("gateway");
        double direct = capacity.get("direct");
        md.section("Open-loop ingest (POST /api/publications, items in a year with a plan they move)", table,
                "Sustained capacity = highest offered rate with no error, accept p99 ≤ " + num(bound, 0) + " ms and ≥ 90 % achieved: "
                        + "gateway " + num(gateway, 0) + "/s, direct " + num(direct, 0) + "/s. Accept latency runs from each "
                        + "request's scheduled send time. Lag = the item's recordedAt → its `change` on the live stream.");

        Map<String, Object> lagRuns = new LinkedHashMap<>();
        MarkdownTable lagTable = new MarkdownTable("run", "offered /s", "achieved /s", "lag p50", "lag p99", "lag max",
                "first third p99", "last third p99", "no change seen");
        LagFigures at50 = null;
        LagFigures at80 = null;
        for (double fraction : new double[] {0.5, 0.8}) {
            double rate = Math.max(1, Math.floor(gateway * fraction));
            if (gateway == 0) {
                break;
            }
            StepResult result = OpenLoop.run(rate, options.seconds("lag-seconds"), REQUEST_TIMEOUT,
                    due -> client.record(client.gateway(), token, article(unitId)));
            expected.add(result.ok());
            settle(expected);
            LagFigures lag = lag(result, stream);
            Map<String, Object> m = stepWithLag(result, lag);
            m.put("lagFirstThird", lag.firstThird());
            m.put("lagLastThird", lag.lastThird());
            m.put("bounded", lag.bounded());
            lagRuns.put((int) (fraction * 100) + "%", m);
            lagTable.row((int) (fraction * 100) + " % of gateway capacity", num(rate, 0), num(result.achievedPerSecond(), 1),
                    ms(lag.all().p50Ms()), ms(lag.all().p99Ms()), ms(lag.all().maxMs()), ms(lag.firstThird().p99Ms()),
                    ms(lag.lastThird().p99Ms()), lag.missing());
            log("lag at %.0f%% (%.0f/s): p50 %.0f p99 %.0f max %.0f ms", fraction * 100, rate, lag.all().p50Ms(), lag.all().p99Ms(), lag.all().maxMs());
            if (fraction == 0.5) {
                at50 = lag;
            } else {
                at80 = lag;
            }
        }
        json.put("lag", lagRuns);
        json.put("liveStreamReconnects", stream.reconnects());
        md.section("Publish → projection lag at 50 % and 80 % of the gateway's capacity", lagTable,
                (gateway == 0 ? "Not run: no rate was sustained through the gateway, so there is no capacity to take 50 % and 80 % of. " : "")
                        + "Growth at 80 %: the items are split by event time into thirds; bounded = last third's p99 ≤ max(2 × first third's, first third's + 100 ms).");

        Map<?, ?> mongo = floors.get("mongo") instanceof MongoFloor.Result r ? Map.of("insertOne", r.insertOnePerSecond()) : Map.of();
        double insertOne = mongo.isEmpty() ? Double.NaN : (Double) mongo.get("insertOne");
        double ratio = divide(gateway, direct);
        verdicts.add(new Verdict(GATEWAY_VS_DIRECT, Double.isNaN(ratio) ? null : ratio >= 0.7,
                "gateway " + num(gateway, 0) + "/s ÷ direct " + num(direct, 0) + "/s = " + ratio(ratio)));
        double vsMongo = divide(gateway, 0.25 * insertOne);
        verdicts.add(new Verdict(GATEWAY_VS_MONGO,
                Double.isNaN(vsMongo) ? null : vsMongo >= 1, "gateway " + num(gateway, 0) + "/s vs 0.25 × " + num(insertOne, 0)
                + "/s = " + num(0.25 * insertOne, 0) + "/s (ratio gateway/insertOne " + ratio(divide(gateway, insertOne)) + ")"));
        verdicts.add(new Verdict(LAG_50, at50 == null || at50.all().count() == 0 ? null
                : at50.all().p99Ms() <= 250, at50 == null ? "not run" : "p99 " + ms(at50.all().p99Ms())));
        verdicts.add(new Verdict(LAG_80, at80 == null ? null : at80.bounded(), at80 == null ? "not run"
                : "first third p99 " + ms(at80.firstThird().p99Ms()) + ", last third p99 " + ms(at80.lastThird().p99Ms())));
    }

    private Map<String, Object> stepWithLag(StepResult result, LagFigures lag) {
        Map<String, Object> m = stepJson(result);
        m.put("lag", lag.all());
        m.put("lagMissing", lag.missing());
        return m;
    }

    /** Lag of a step's items; a change may arrive just after the counts matched, so wait a little for the last ones. */
    private LagFigures lag(StepResult result, ChangeStream stream) throws InterruptedException {
        List<Recorded> items = result.payloads().stream().map(Recorded.class::cast).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (items.stream().anyMatch(i -> stream.changeOf(i.id()) == null) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return LagFigures.of(items, i -> new LagFigures.Item(i.recordedAt(), stream.changeOf(i.id())));
    }

    // ---------------------------------------------------------------- counts

    /** What the counts of one unit and year must say: every 201 (and every event produced) exactly once. */
    private final class Expected {
        final String unitId;
        long total;

        Expected(String unitId) {
            this.unitId = unitId;
        }

        void add(long n) {
            total += n;
        }

        long counted() {
            return client.total(token, unitId, year);
        }
    }

    /**
     * Waits until the unit's count equals what was recorded. More than that is a duplicate: a correctness failure at
     * once. Fewer after the wait is only a failure at the final checks (between steps it means a slow projection, and
     * the run goes on; the final check waits again).
     */
    private Duration settle(Expected expected) throws InterruptedException {
        return settle(expected, false);
    }

    private Duration settle(Expected expected, boolean last) throws InterruptedException {
        CountCheck.Result r = CountCheck.await(expected::counted, expected.total, options.seconds("settle-seconds"), Duration.ofMillis(200));
        if (r.outcome() == CountCheck.Outcome.SHORT && !last) {
            log("%s: %d of %d counted after %s s; going on (the final check waits again)", expected.unitId, r.counted(),
                    expected.total, options.string("settle-seconds"));
        }
        if (r.outcome() == CountCheck.Outcome.COUNTED_TWICE || (last && r.outcome() != CountCheck.Outcome.MATCH)) {
            String failure = expected.unitId + ": counted " + r.counted() + ", recorded " + expected.total
                    + (r.outcome() == CountCheck.Outcome.COUNTED_TWICE ? " (counted twice)"
                    : " (not all counted within " + options.string("settle-seconds") + " s)");
            correctness.add(failure);
            log("COUNT MISMATCH %s", failure);
        }
        return r.waited();
    }

    /** Right after the last item, once settled, and again after a pause: a late duplicate must show up. */
    private void checkCounts(String phase, Expected expected) throws InterruptedException {
        long immediately = expected.counted();
        Duration settled = settle(expected, true);
        if (options.has("inject-late-item")) {
            // self-test of this check: one item counted behind the benchmark's back after the counts matched
            try (RecordedEventProducer producer = new RecordedEventProducer(brokers, runId)) {
                producer.send(expected.unitId, Instant.now().minusSeconds(60), 1);
            }
            log("injected one item the benchmark does not expect into %s", expected.unitId);
        }
        Thread.sleep(options.seconds("recheck-seconds").toMillis());
        long again = expected.counted();
        if (CountCheck.judge(again, expected.total) != CountCheck.Outcome.MATCH) {
            correctness.add(expected.unitId + ": " + again + " counted " + options.string("recheck-seconds")
                    + " s after the counts had matched " + expected.total);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", expected.unitId);
        m.put("recorded", expected.total);
        m.put("countedRightAfter", immediately);
        m.put("settledAfterSeconds", settled.toMillis() / 1000.0);
        m.put("countedOnRecheck", again);
        m.put("match", again == expected.total);
        @SuppressWarnings("unchecked")
        Map<String, Object> checks = (Map<String, Object>) json.computeIfAbsent("countChecks", k -> new LinkedHashMap<>());
        checks.put(phase, m);
        md.section("Count check: " + phase, new MarkdownTable("unit", "recorded (201 + produced)", "counted right after",
                        "settled after", "counted on recheck", "match")
                        .row(expected.unitId, expected.total, immediately, num(settled.toMillis() / 1000.0, 1) + " s", again,
                                again == expected.total ? "yes" : "**NO**"), null);
        log("count check %s: recorded %d, counted %d right after, %d on recheck", phase, expected.total, immediately, again);
    }

    // ---------------------------------------------------------------- catch-up and replay

    private void catchUpAndReplay(String unitId, Expected expected, Expected ingest, Map<String, Object> floors) throws Exception {
        List<Integer> levels = options.integers("levels");
        List<Integer> replayAfter = options.integers("replay-after-level");
        int batch = options.integer("batch");
        MarkdownTable table = new MarkdownTable("facts stored (unit, year)", "batch", "counted in", "catch-up rate");
        MarkdownTable replayTable = new MarkdownTable("events in the topics", "applied", "took", "replay rate");
        List<Map<String, Object>> catchUp = new ArrayList<>();
        List<Map<String, Object>> replays = new ArrayList<>();
        try (RecordedEventProducer producer = new RecordedEventProducer(brokers, runId)) {
            for (int i = 0; i < levels.size(); i++) {
                int level = levels.get(i);
                long fill = level - expected.total;
                if (fill > 0) {
                    producer.send(unitId, Instant.now().minusSeconds(60), (int) fill);
                    expected.add(fill);
                    Duration filled = settle(expected);
                    log("history filled to %d facts (%d produced, counted in %d s)", expected.total, fill, filled.toSeconds());
                }
                long stored = expected.total;
                long start = System.nanoTime();
                producer.send(unitId, Instant.now().minusSeconds(60), batch);
                expected.add(batch);
                Duration took = settle(expected);
                double seconds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
                double rate = batch / seconds;
                catchUp.add(Map.of("level", level, "factsStored", stored, "batch", batch, "seconds", seconds, "itemsPerSecond", rate));
                table.row(num(stored, 0), batch, num(seconds, 1) + " s", num(rate, 0) + " items/s");
                log("catch-up with %d facts stored: %d items in %.1f s = %.0f items/s (settle %d s)", stored, batch, seconds, rate, took.toSeconds());
                if (replayAfter.contains(i + 1)) {
                    replays.add(replay(replayTable, expected, ingest));
                }
            }
        }
        json.put("catchUp", catchUp);
        json.put("replay", replays);
        md.section("Catch-up: a batch produced straight to Kafka, timed until counted, with growing history", table,
                "Events are `vn.cchc.publication.recorded.v1` CloudEvents (binary mode, the outbox relay's headers) for the run's "
                        + "own commune, dated now in a year with its issued plan (monthly and yearly website-article targets).");
        md.section("Replay (POST /api/reports/admin/rebuild)", replayTable,
                "Rate = events read ÷ (finishedAt − startedAt) of the rebuild's status; the rebuild reads every event of the four topics.");

        double first = catchUp.isEmpty() ? Double.NaN : (Double) catchUp.getFirst().get("itemsPerSecond");
        double last = catchUp.isEmpty() ? Double.NaN : (Double) catchUp.getLast().get("itemsPerSecond");
        double flat = divide(last, first);
        verdicts.add(0, new Verdict(FLAT,
                Double.isNaN(flat) ? null : flat >= 0.8, "rate@" + (catchUp.isEmpty() ? "—" : catchUp.getLast().get("factsStored"))
                + " ÷ rate@" + (catchUp.isEmpty() ? "—" : catchUp.getFirst().get("factsStored")) + " = " + ratio(flat)));
        double replayRate = replays.isEmpty() ? Double.NaN : (Double) replays.getLast().get("eventsPerSecond");
        double consumer = floors.get("kafka") instanceof KafkaFloor.Result k ? k.consumerPerSecond() : Double.NaN;
        verdicts.add(new Verdict(REPLAY,
                Double.isNaN(replayRate) ? null : replayRate >= 10_000 && (Double.isNaN(consumer) || replayRate >= 0.1 * consumer),
                "replay " + num(replayRate, 0) + " events/s; 0.1 × consumer " + num(0.1 * consumer, 0) + "/s (ratio replay/consumer "
                        + ratio(divide(replayRate, consumer)) + ")"));
    }

    private Map<String, Object> replay(MarkdownTable table, Expected history, Expected ingest) throws Exception {
        JsonNode started = client.startRebuild(token);
        String id = started.path("id").asString();
        long deadline = System.nanoTime() + options.seconds("settle-seconds").toNanos();
        JsonNode status = started;
        while (status.path("state").asString().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = client.rebuildStatus(token);
            if (!status.path("id").asString().equals(id)) {
                throw new IllegalStateException("another rebuild started meanwhile: " + status);
            }
        }
        String state = status.path("state").asString();
        long read = status.path("eventsRead").asLong();
        double seconds = state.equals("DONE")
                ? Duration.between(Instant.parse(status.path("startedAt").asString()), Instant.parse(status.path("finishedAt").asString())).toMillis() / 1000.0
                : Double.NaN;
        double rate = read / seconds;
        if (!state.equals("DONE")) {
            correctness.add("rebuild " + id + " ended " + state + ": " + status.path("error").asString(""));
        }
        table.row(num(read, 0), num(status.path("eventsApplied").asLong(), 0), num(seconds, 1) + " s", num(rate, 0) + " events/s");
        log("replay of %d events: %s in %.1f s = %.0f events/s", read, state, seconds, rate);
        // the rebuilt read models must count exactly what was recorded
        settle(history);
        settle(ingest);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state);
        m.put("eventsRead", read);
        m.put("eventsApplied", status.path("eventsApplied").asLong());
        m.put("seconds", seconds);
        m.put("eventsPerSecond", rate);
        return m;
    }

    // ---------------------------------------------------------------- memory and output

    private void memory(Map<String, Object> environment) throws Exception {
        Map<String, Long> processes = stack.processes();
        if (processes.isEmpty()) {
            verdicts.add(new Verdict(MEMORY, null, "no pid files under the stack home"));
            return;
        }
        MarkdownTable table = new MarkdownTable("process", "pid", "RSS");
        Map<String, Object> rss = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> p : processes.entrySet()) {
            long bytes = LocalStack.rssBytes(p.getValue());
            rss.put(p.getKey(), bytes);
            total += Math.max(0, bytes);
            table.row(p.getKey(), p.getValue(), gib(bytes));
        }
        table.row("**total**", "", "**" + gib(total) + "**");
        Long gateway = processes.get("gateway");
        if (gateway != null) {
            environment.put("stackJvmFlags", String.join(" ", LocalStack.jvmOptions(gateway)));
        }
        json.put("memory", Map.of("rssBytes", rss, "totalBytes", total));
        md.section("Memory of the local stack at the end (RSS of every process in its pid files)", table, null);
        verdicts.add(new Verdict(MEMORY, total <= 2L * 1024 * 1024 * 1024, gib(total)));
    }

    private void write() throws Exception {
        Path out = root.resolve(options.string("output"));
        Files.createDirectories(out);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(out.resolve("benchmark.json"), mapper.writeValueAsString(json));
        String markdown = md.render();
        Files.writeString(out.resolve("benchmark.md"), markdown);
        System.out.println();
        System.out.println(markdown);
        log("written %s and %s", out.resolve("benchmark.json"), out.resolve("benchmark.md"));
    }

    private static void log(String format, Object... args) {
        System.out.printf("[benchmark %tT] %s%n", java.time.LocalTime.now(), format.formatted(args));
    }
}
