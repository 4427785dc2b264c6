package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.Http;

/**
 * The real Prometheus (Debian's package, as .ci/run installs it) scrapes the running local stack with the repository's
 * alert rules: every target is up, every rule loads and evaluates, every service reports itself ready, and every
 * expression of the rules and of the Grafana dashboards is valid PromQL against real data.
 */
@ExtendWith(LocalStack.Started.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusIT {
    final JsonMapper json = JsonMapper.builder().build();
    Process prometheus;
    String url;
    Path dir;

    @BeforeAll
    void startPrometheus() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prometheus")), "prometheus is not installed (.ci/run installs it)");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        dir = Files.createTempDirectory("prometheus-it");
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 2s, evaluation_interval: 2s}
                rule_files: ["%s"]
                scrape_configs:
                  - job_name: cchc
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(LocalStack.ROOT.resolve("deploy/prometheus/rules.yml"), String.join(", ", targets())));
        prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }

    /** The four services' ports and the gateway's management port (its public port does not serve metrics). */
    static List<String> targets() {
        List<String> targets = new ArrayList<>(IntStream.rangeClosed(1, 4).mapToObj(i -> "\"127.0.0.1:" + (LocalStack.PORT_BASE + i) + "\"").toList());
        targets.add("\"127.0.0.1:" + LocalStack.GATEWAY_MANAGEMENT_PORT + "\"");
        return targets;
    }

    @AfterAll
    void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    JsonNode api(String path) {
        Http.Response response = Http.get(url + path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void everyTargetIsUpEveryRuleEvaluatesAndEveryServiceIsReady() {
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
            JsonNode targets = api("/api/v1/targets").at("/data/activeTargets");
            assertThat(targets.size()).isEqualTo(5);
            targets.forEach(t -> assertThat(t.get("health").asString()).as(t.get("scrapeUrl").asString() + " " + t.get("lastError")).isEqualTo("up"));
        });
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            List<JsonNode> rules = new ArrayList<>();
            api("/api/v1/rules").at("/data/groups").forEach(g -> g.get("rules").forEach(rules::add));
            assertThat(rules).hasSizeGreaterThanOrEqualTo(12);
            rules.forEach(r -> {
                assertThat(r.get("health").asString()).as(r.get("name") + " " + r.get("lastError")).isEqualTo("ok");
                assertThat(r.get("lastEvaluation").asString()).as(r.get("name") + " evaluated").doesNotStartWith("0001");
            });
        });
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            // the four services (the gateway has no data store of its own: up{} says it all)
            JsonNode ready = query("cchc_health_readiness");
            assertThat(ready.size()).isEqualTo(4);
            ready.forEach(s -> assertThat(s.at("/value/1").asString()).as(s.at("/metric/application").asString()).isEqualTo("1"));
        });
        JsonNode firing = api("/api/v1/alerts").at("/data/alerts");
        firing.forEach(a -> assertThat(a.at("/labels/alertname").asString()).as("a healthy stack raises no availability alert")
                .isNotIn("ServiceDown", "ReadinessFailing"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyExpressionOfTheRulesAndTheDashboardsIsValidAgainstRealData() throws IOException {
        List<String> expressions = new ArrayList<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(LocalStack.ROOT.resolve("deploy/prometheus/rules.yml")));
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            ((List<Map<String, Object>>) group.get("rules")).forEach(r -> expressions.add((String) r.get("expr")));
        }
        try (var dashboards = Files.list(LocalStack.ROOT.resolve("deploy/grafana/dashboards"))) {
            for (Path dashboard : dashboards.toList()) {
                json.readTree(dashboard.toFile()).get("panels").forEach(p -> p.get("targets").forEach(t -> expressions.add(t.get("expr").asString())));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(20);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> query("up").size() == 5);
        for (String expression : expressions) {
            Http.Response response = Http.get(url + "/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
            assertThat(response.status()).as(expression + ": " + response.body()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("status").asString()).as(expression).isEqualTo("success");
        }
    }

    JsonNode query(String expression) {
        return api("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8)).at("/data/result");
    }
}
