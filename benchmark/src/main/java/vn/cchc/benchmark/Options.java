package vn.cchc.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options ({@code --name value}); every duration, rate and size has one. {@code --smoke} swaps in the
 * small defaults of a ~2-minute run; options given explicitly win over both.
 */
public final class Options {
    static final Map<String, String> FULL = new LinkedHashMap<>();
    static final Map<String, String> SMOKE = new LinkedHashMap<>();
    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        option("root", ".", ".", "the project checkout (run-local.sh, the stack's CCHC_HOME default)");
        option("start-stack", "false", "false", "start the local stack with run-local.sh before and stop it after");
        option("stack-home", "benchmark/target/stack", "benchmark/target/stack", "CCHC_HOME of the stack (pid files: memory, JVM flags); relative to --root");
        option("port-base", "8080", "8080", "the stack's CCHC_PORT_BASE (gateway = base, publication = base+3)");
        option("mongo-port", "27017", "27017", "the stack's CCHC_MONGO_PORT");
        option("kafka-port", "19092", "19092", "the stack's CCHC_KAFKA_PORT");
        option("user", "admin", "admin", "a province admin of vinh-long (creates the units and plans, runs the rebuild)");
        option("password", "Admin@2026", "Admin@2026", "its password");
        option("province", "vinh-long", "vinh-long", "province under which the run's own communes are added");
        option("rates", "25,50,100,200,400", "10,20", "ingest arrival rates, items/s, ascending (stops after the first one not sustained)");
        option("step-seconds", "60", "10", "length of each ingest step");
        option("warmup-seconds", "30", "5", "warm-up before the steps (at the first rate; excluded from the figures)");
        option("p99-bound-ms", "1000", "1000", "a rate is sustained when p99 is under this, no errors and ≥ 90 % achieved");
        option("lag-seconds", "60", "10", "length of the lag runs at 50 % and 80 % of the gateway's capacity");
        option("settle-seconds", "900", "300", "how long to wait for reporting-service to count everything (between steps, at the end)");
        option("recheck-seconds", "20", "5", "wait after the counts matched, then check them again (a late duplicate fails the run)");
        option("levels", "1000,10000,50000", "100,300,600", "facts stored before each catch-up batch");
        option("batch", "2000", "100", "catch-up batch size (items produced to Kafka at once, then timed until counted)");
        option("replay-after-level", "2,3", "2,3", "1-based catch-up levels after which a rebuild (replay) is timed");
        option("floor-rates", "200,400,800,1600,3200", "100,200,400", "rates of the HTTP floors (no-op server, gateway's cheapest route)");
        option("floor-seconds", "20", "5", "length of each HTTP floor step and of the Mongo insert loops");
        option("kafka-records", "200000", "50000", "records of the Kafka producer / consumer floor");
        option("kafka-e2e-rate", "1000", "500", "records/s of the Kafka end-to-end latency floor");
        option("only", "floors,ingest,catchup", "floors,ingest,catchup", "phases to run (catchup includes the replays)");
        option("inject-late-item", "false", "false", "self-test: count one extra item after the counts matched; the run must exit 1");
        option("output", "benchmark/target", "benchmark/target", "where benchmark.json and benchmark.md are written");
    }

    private static void option(String name, String full, String smoke, String help) {
        FULL.put(name, full);
        SMOKE.put(name, smoke);
        HELP.put(name, help);
    }

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    public static Options parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "' (options are --name value)");
            }
            String key = args[i].substring(2);
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            if (!key.equals("smoke") && !key.equals("help") && !FULL.containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; --help lists them");
            }
            given.put(key, value);
        }
        Map<String, String> values = new LinkedHashMap<>(given.containsKey("smoke") ? SMOKE : FULL);
        values.putAll(given);
        return new Options(values);
    }

    public static String usage() {
        StringBuilder out = new StringBuilder("""
                Benchmark of a running local stack (docs/performance.md).
                  ./mvnw -q -pl benchmark compile exec:exec -Dbench.args="[--smoke] [--start-stack] [options]"
                options (full default / --smoke default):
                """);
        HELP.forEach((name, help) -> out.append("  --%-20s %s (%s / %s)%n".formatted(name, help, FULL.get(name), SMOKE.get(name))));
        return out.toString();
    }

    public boolean has(String flag) {
        return Boolean.parseBoolean(values.getOrDefault(flag, "false"));
    }

    public String string(String name) {
        return values.get(name);
    }

    public int integer(String name) {
        return Integer.parseInt(values.get(name).trim());
    }

    public Duration seconds(String name) {
        return Duration.ofSeconds(Long.parseLong(values.get(name).trim()));
    }

    public List<Integer> integers(String name) {
        return Arrays.stream(values.get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    public Map<String, String> all() {
        return Map.copyOf(values);
    }
}
