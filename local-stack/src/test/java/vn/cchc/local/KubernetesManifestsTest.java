package vn.cchc.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Kubernetes object of deploy/k8s validated against the JSON schemas vendored in deploy/k8s/schemas (the
 * built-in kinds of Kubernetes 1.32 and the CRDs' openAPIV3Schema of Strimzi, the MongoDB Community operator,
 * prometheus-operator and cert-manager), strictly: a field a schema does not list is an error, as the API server
 * would silently drop it. The rendered overlays ({@code kubectl kustomize}) when kubectl is installed; the files the
 * overlays are built from always, so the check runs on a machine without kubectl too.
 */
class KubernetesManifestsTest {
    static final Path K8S = DeploymentFilesTest.ROOT.resolve("deploy/k8s");
    static final Path SCHEMAS = K8S.resolve("schemas");
    static final List<String> OVERLAYS = List.of("commune", "province", "demo");
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<Path, Schema> LOADED = new ConcurrentHashMap<>();

    @Test
    void everyRenderedOverlayIsValidAgainstTheKubernetesAndCrdSchemas() throws Exception {
        assumeTrue(DeploymentFilesTest.onPath("kubectl"), "kubectl is not installed (Debian: kubernetes-client)");
        for (String overlay : OVERLAYS) {
            String rendered = DeploymentFilesTest.run("kubectl", "kustomize", K8S.resolve("overlays/" + overlay).toString());
            List<Map<String, Object>> objects = documents(rendered);
            assertThat(objects).as(overlay).hasSizeGreaterThan(40);
            for (Map<String, Object> object : objects) {
                assertThat(errors(object)).as(overlay + ": " + describe(object)).isEmpty();
            }
            assertThat(kinds(objects)).as(overlay).contains("Deployment", "Service", "Ingress", "PodMonitor", "NetworkPolicy",
                    "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "MongoDBCommunity");
        }
    }

    @Test
    void theProvinceOverlayAutoscalesAndProtectsEveryServiceAndScrapesEachOne() throws Exception {
        assumeTrue(DeploymentFilesTest.onPath("kubectl"), "kubectl is not installed (Debian: kubernetes-client)");
        List<Map<String, Object>> objects = documents(DeploymentFilesTest.run("kubectl", "kustomize", K8S.resolve("overlays/province").toString()));
        for (String service : DeploymentFilesTest.SERVICES) {
            assertThat(named(objects, "HorizontalPodAutoscaler", service)).as("HPA " + service).isNotNull();
            assertThat(named(objects, "PodDisruptionBudget", service)).as("PDB " + service).isNotNull();
            assertThat(named(objects, "PodMonitor", service)).as("PodMonitor " + service).isNotNull();
        }
        // the gateway's figures are on its management port only
        assertThat(JSON.writeValueAsString(named(objects, "PodMonitor", "gateway"))).contains("\"port\":\"management\"");
        // the gateway's shared limits: its own MongoDB user on its own database, its connection string from the Secret
        String mongo = JSON.writeValueAsString(named(objects, "MongoDBCommunity", "cchc-mongo"));
        assertThat(mongo).contains("\"connectionStringSecretName\":\"mongo-gateway\"", "\"db\":\"cchc-gateway\"");
        assertThat(JSON.writeValueAsString(named(objects, "Deployment", "gateway"))).contains("\"name\":\"mongo-gateway\"");
        assertThat(JSON.writeValueAsString(named(objects, "Ingress", "gateway"))).contains("\"secretName\":\"cchc-tls\"");
    }

    @Test
    void theFilesTheOverlaysAreBuiltFromAreValidWithoutKubectl() throws IOException {
        int checked = 0;
        for (Path file : sourceFiles()) {
            for (Map<String, Object> object : documents(Files.readString(file))) {
                assertThat(errors(object)).as(K8S.relativize(file) + ": " + describe(object)).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void aTypoedFieldAWrongTypeOrAnUnknownKindIsRejected() throws IOException {
        Map<String, Object> deployment = first(K8S.resolve("base/gateway.yaml"), "Deployment");
        assertThat(errors(deployment)).isEmpty();
        container(deployment).put("resourcez", Map.of("requests", Map.of("cpu", "250m")));
        assertThat(errors(deployment)).anySatisfy(e -> assertThat(e).contains("resourcez"));

        Map<String, Object> replicas = first(K8S.resolve("base/gateway.yaml"), "Deployment");
        spec(replicas).put("replicas", "three");
        assertThat(errors(replicas)).anySatisfy(e -> assertThat(e).contains("replicas"));

        // the CRDs are strict too: Strimzi would never see a misspelt partition count, the API server drops it
        Map<String, Object> topic = first(K8S.resolve("base/kafka/topics.yaml"), "KafkaTopic");
        assertThat(errors(topic)).isEmpty();
        spec(topic).put("partitons", spec(topic).remove("partitions"));
        assertThat(errors(topic)).anySatisfy(e -> assertThat(e).contains("partitons"));

        Map<String, Object> kafka = first(K8S.resolve("base/kafka/kafka.yaml"), "Kafka");
        assertThat(errors(kafka)).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> broker = (Map<String, Object>) spec(kafka).get("kafka");
        broker.put("authorisation", broker.remove("authorization"));
        assertThat(errors(kafka)).anySatisfy(e -> assertThat(e).contains("authorisation"));

        Map<String, Object> monitor = first(K8S.resolve("base/monitoring.yaml"), "PodMonitor");
        spec(monitor).put("podMetricEndpoints", spec(monitor).remove("podMetricsEndpoints"));
        assertThat(errors(monitor)).anySatisfy(e -> assertThat(e).contains("podMetricEndpoints"));

        Map<String, Object> mongo = first(K8S.resolve("base/mongodb/mongodb.yaml"), "MongoDBCommunity");
        spec(mongo).put("member", spec(mongo).remove("members"));
        assertThat(errors(mongo)).anySatisfy(e -> assertThat(e).contains("member"));

        Map<String, Object> unknown = new LinkedHashMap<>(Map.of("apiVersion", "example.com/v1", "kind", "Gadget",
                "metadata", Map.of("name", "x")));
        assertThat(errors(unknown)).singleElement().asString().contains("no schema");
    }

    /** Schema errors of one object; an object whose kind has no vendored schema is an error too. */
    static List<String> errors(Map<String, Object> object) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        Path file = SCHEMAS.resolve(kind.toLowerCase() + "_" + apiVersion.replace('/', '_') + ".json");
        if (!Files.exists(file)) {
            return List.of("no schema for " + apiVersion + " " + kind + " in deploy/k8s/schemas (" + file.getFileName() + ")");
        }
        Schema schema = LOADED.computeIfAbsent(file, f -> {
            try {
                return REGISTRY.getSchema(Files.readString(f), InputFormat.JSON);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return schema.validate(JSON.writeValueAsString(object), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Every YAML file of base/ and the overlays that holds objects: not the kustomizations, not the patches. */
    static List<Path> sourceFiles() throws IOException {
        Set<Path> patches = new java.util.HashSet<>();
        List<Path> yaml;
        try (Stream<Path> files = Files.walk(K8S)) {
            yaml = files.filter(f -> f.toString().endsWith(".yaml") && !f.startsWith(SCHEMAS)).sorted().toList();
        }
        for (Path file : yaml) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                patches.add(file);
                Map<String, Object> kustomization = new Yaml().load(Files.readString(file));
                Object listed = kustomization.get("patches");
                if (listed instanceof List<?> list) {
                    for (Object patch : list) {
                        if (patch instanceof Map<?, ?> entry && entry.get("path") != null) {
                            patches.add(file.resolveSibling(String.valueOf(entry.get("path"))).normalize());
                        }
                    }
                }
            }
        }
        List<Path> sources = yaml.stream().filter(f -> !patches.contains(f)).toList();
        assertThat(sources).contains(K8S.resolve("base/gateway.yaml"), K8S.resolve("base/kafka/topics.yaml"));
        return sources;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document instanceof Map<?, ?> map && map.containsKey("kind")) {
                objects.add((Map<String, Object>) map);
            }
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Path file, String kind) throws IOException {
        return documents(Files.readString(file)).stream().filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))
                && name.equals(((Map<String, Object>) o.get("metadata")).get("name"))).findFirst().orElse(null);
    }

    static List<String> kinds(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> String.valueOf(o.get("kind"))).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(Map<String, Object> deployment) {
        Map<String, Object> template = (Map<String, Object>) spec(deployment).get("template");
        return ((List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers")).getFirst();
    }

    @SuppressWarnings("unchecked")
    static String describe(Map<String, Object> object) {
        return object.get("kind") + " " + ((Map<String, Object>) object.get("metadata")).get("name");
    }
}
