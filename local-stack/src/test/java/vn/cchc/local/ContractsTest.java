package vn.cchc.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The public contracts hang together: every schema compiles, every example is valid, the AsyncAPI document names them all. */
class ContractsTest {
    static final Path CONTRACTS = Path.of("..", "contracts").toAbsolutePath().normalize();
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    List<String> eventTypes() throws IOException {
        try (Stream<Path> files = Files.list(CONTRACTS.resolve("events"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).sorted().toList();
        }
    }

    @Test
    void everyEventTypeHasAValidExampleAndAVersionedName() throws IOException {
        assertThat(eventTypes()).isNotEmpty();
        for (String type : eventTypes()) {
            assertThat(type).matches("vn\\.cchc\\.[a-z]+\\.[a-z-]+\\.v\\d+");
            Schema schema = REGISTRY.getSchema(Files.readString(CONTRACTS.resolve("events/" + type + ".schema.json")));
            Path example = CONTRACTS.resolve("examples/" + type + ".json");
            assertThat(example).as("example of " + type).exists();
            assertThat(schema.validate(Files.readString(example), InputFormat.JSON)).as(type).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAsyncApiDocumentDescribesEveryEventTypeAndItsReferencesResolve() throws IOException {
        String text = Files.readString(CONTRACTS.resolve("asyncapi.yaml"));
        Map<String, Object> doc = new Yaml().load(text);
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("messages");
        TreeSet<String> named = new TreeSet<>();
        messages.values().forEach(m -> named.add((String) ((Map<String, Object>) m).get("name")));
        assertThat(named).containsExactlyElementsOf(eventTypes());

        Matcher refs = Pattern.compile("\\$ref: '(\\./[^']+)'").matcher(text);
        while (refs.find()) {
            assertThat(CONTRACTS.resolve(refs.group(1))).as(refs.group(1)).exists();
        }
        Matcher internal = Pattern.compile("\\$ref: '#/([^']+)'").matcher(text);
        while (internal.find()) {
            Object node = doc;
            for (String part : internal.group(1).split("/")) {
                node = ((Map<String, Object>) node).get(part);
                assertThat(node).as("#/" + internal.group(1)).isNotNull();
            }
        }
    }
}
