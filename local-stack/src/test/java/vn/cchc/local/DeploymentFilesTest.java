package vn.cchc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and deploy/ cannot run here (no Docker engine, no cluster), so they are checked two ways:
 * structurally (always), and with the real tools when installed (.ci/run installs docker-compose, prometheus
 * and uses kubectl): {@code docker-compose config}, {@code kubectl kustomize}, {@code promtool check}.
 */
class DeploymentFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("plan-service", "task-service", "publication-service", "reporting-service", "gateway");

    @SuppressWarnings("unchecked")
    Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsEveryServiceWithHealthchecksAndStartsItAfterItsDependenciesAreHealthy() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).containsKeys("kafka", "mongo", "prometheus", "grafana");
        assertThat((String) ((Map<String, Object>) services.get("mongo")).get("image")).startsWith("mongo:");
        assertThat(((List<String>) ((Map<String, Object>) services.get("mongo")).get("command"))).contains("--replSet");
        for (String name : SERVICES) {
            Map<String, Object> service = (Map<String, Object>) services.get(name);
            assertThat(service).as(name).containsKeys("build", "healthcheck", "depends_on");
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service.get("depends_on");
            assertThat(dependsOn.values()).as(name).allSatisfy(d -> assertThat(d.get("condition")).isEqualTo("service_healthy"));
            assertThat(Files.exists(ROOT.resolve(name).resolve("Dockerfile"))).as(name + "/Dockerfile").isTrue();
        }
        assertThat(((Map<String, Object>) services.get("kafka")).get("healthcheck")).isNotNull();
        assertThat(((Map<String, Object>) services.get("mongo")).get("healthcheck")).isNotNull();
    }

    @Test
    void dockerfilesBuildALayeredJarThatRunsAsNonRootOnJre21() throws IOException {
        for (String name : SERVICES) {
            String dockerfile = Files.readString(ROOT.resolve(name).resolve("Dockerfile"));
            assertThat(dockerfile).as(name).contains("FROM eclipse-temurin:21-jre", "extract --layers", "USER cchc", "HEALTHCHECK");
        }
    }

    @Test
    void composeFileIsValidForDockerCompose() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        assertThat(run("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q")).isEmpty();
    }

    @Test
    void kustomizeOverlaysBuild() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        for (String overlay : List.of("commune", "province")) {
            String manifests = run("kubectl", "kustomize", ROOT.resolve("deploy/k8s/overlays/" + overlay).toString());
            assertThat(manifests).contains("kind: Deployment", "path: /actuator/health/liveness", "path: /actuator/health/readiness");
            // the trusted bus and data stores (docs/event-trust.md)
            assertThat(manifests).contains("kind: Kafka\n", "kind: KafkaNodePool", "kind: KafkaTopic", "kind: KafkaUser",
                    "kind: MongoDBCommunity", "kind: NetworkPolicy", "type: scram-sha-512", "name: default-deny-ingress",
                    "topicName: cchc.publication.events.reporting-service.dlq", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            assertThat(manifests.split("kind: KafkaUser", -1)).as("a KafkaUser per service").hasSize(5);
            assertThat(manifests).doesNotContain("auto.create.topics.enable: true");
        }
    }

    @Test
    void prometheusConfigAndRulesAreValid() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (.ci/run installs prometheus)");
        run("promtool", "check", "rules", ROOT.resolve("deploy/prometheus/rules.yml").toString());
        // the config names the rules at their in-container path; check a copy that points at the repo file
        Path config = Files.createTempFile("prometheus", ".yml");
        Files.writeString(config, Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"))
                .replace("/etc/prometheus/rules.yml", ROOT.resolve("deploy/prometheus/rules.yml").toString()));
        run("promtool", "check", "config", config.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasASummaryARunbookAndAUnitTestThatFiresIt() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus/rules.yml")));
        StringBuilder tests = new StringBuilder();
        try (var files = Files.list(ROOT.resolve("deploy/prometheus/tests"))) {
            for (Path file : files.toList()) {
                tests.append(Files.readString(file));
            }
        }
        List<Map<String, Object>> alerts = ((List<Map<String, Object>>) rules.get("groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).filter(r -> r.containsKey("alert")).toList();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(12);
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat((Map<String, Object>) alert.get("annotations")).as(name).containsKeys("summary", "runbook");
            assertThat(tests.toString()).as(name + " has a promtool test").containsPattern("alertname: " + name + "\\s");
        }
    }

    @Test
    void alertRulesPassTheirPromtoolUnitTests() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (.ci/run installs prometheus)");
        try (var files = Files.list(ROOT.resolve("deploy/prometheus/tests"))) {
            for (Path test : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                assertThat(run("promtool", "test", "rules", test.toString())).as(test.toString()).contains("SUCCESS");
            }
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a tool, fails the test on a non-zero exit, returns its standard output. */
    static String run(String... command) throws Exception {
        Path err = Files.createTempFile("tool", ".err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + Files.readString(err)).isZero();
        return out.strip();
    }
}
