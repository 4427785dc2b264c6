package vn.cchc.benchmark.province;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Options of the province generator ({@code --name value}), each with its default. */
public final class ProvinceOptions {
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        option("root", ".", "the project checkout (run-local.sh)");
        option("start-stack", "false", "start a fresh local stack with run-local.sh (rate limit lifted) before and stop it after");
        option("stack-home", "benchmark/target/province-stack", "CCHC_HOME of that stack; relative to --root");
        option("port-base", "8080", "the stack's CCHC_PORT_BASE (gateway = base)");
        option("mongo-port", "27017", "the stack's CCHC_MONGO_PORT");
        option("kafka-port", "19092", "the stack's CCHC_KAFKA_PORT");
        option("user", "admin", "a province admin of --province (adds the communes, issues their plans, records their items)");
        option("password", "Admin@2026", "its password");
        option("province", "vinh-long", "the province the communes are added under");
        option("communes", "100", "how many communes to add (the issue's figures: 100, 300, 1000)");
        option("items-per-commune", "36", "items recorded per commune, spread over the year so far (1 article : 2 broadcasts)");
        option("clients", "16", "requests in flight at once while building the province and during the burst");
        option("rollup-calls", "20", "timed calls of the province roll-up (after 2 untimed)");
        option("commune-calls", "20", "timed calls of one commune's compliance (after 2 untimed)");
        option("report-calls", "3", "timed calls of each periodic report document");
        option("reports", "Q1,Y", "periods of the province periodic report to time (.docx and .xlsx), e.g. Q1,H1,Y");
        option("burst", "1000", "items of the burst (articles of now, on the communes in turn)");
        option("count-seconds", "900", "how long to wait for reporting-service to count everything");
        option("output", "benchmark/target", "where province-<N>.json and province-<N>.md are written; relative to --root");
    }

    private static void option(String name, String value, String help) {
        DEFAULTS.put(name, value);
        HELP.put(name, help);
    }

    private final Map<String, String> values;

    private ProvinceOptions(Map<String, String> values) {
        this.values = values;
    }

    public static ProvinceOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "' (options are --name value)");
            }
            String key = args[i].substring(2);
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            if (!key.equals("help") && !DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; --help lists them");
            }
            values.put(key, value);
        }
        ProvinceOptions options = new ProvinceOptions(values);
        if (!options.has("help") && (options.integer("communes") < 1 || options.integer("items-per-commune") < 1 || options.integer("clients") < 1)) {
            throw new IllegalArgumentException("--communes, --items-per-commune and --clients must be at least 1");
        }
        return options;
    }

    public static String usage() {
        StringBuilder out = new StringBuilder("""
                Province generator and its measurements (docs/performance.md, "Province scale").
                  ./mvnw -q -pl benchmark compile exec:exec -Dbench.args="province --communes 300 --start-stack [options]"
                options (default):
                """);
        HELP.forEach((name, help) -> out.append("  --%-18s %s (%s)%n".formatted(name, help, DEFAULTS.get(name))));
        return out.toString();
    }

    public boolean has(String flag) {
        return Boolean.parseBoolean(values.getOrDefault(flag, "false"));
    }

    public String string(String name) {
        return values.get(name);
    }

    public int integer(String name) {
        try {
            return Integer.parseInt(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + values.get(name) + "'");
        }
    }

    public Duration seconds(String name) {
        return Duration.ofSeconds(integer(name));
    }

    public Map<String, String> all() {
        return Map.copyOf(values);
    }
}
