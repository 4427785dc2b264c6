package vn.cchc.platform.test;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The published event contracts in {@code contracts/} at the repository root, for producer and consumer tests. */
public final class ContractSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ContractSchemas() {
    }

    /** The contracts folder, found by walking up from the working directory (a module folder under Maven). */
    public static Path contractsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("contracts/events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("contracts/events not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("contracts");
    }

    /** Validation messages for {@code json} against the schema of {@code eventType}; empty when valid. */
    public static List<String> validate(String eventType, String json) {
        Schema schema = REGISTRY.getSchema(read(contractsDir().resolve("events/" + eventType + ".schema.json")));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** The example event data published for {@code eventType}. */
    public static String example(String eventType) {
        return read(contractsDir().resolve("examples/" + eventType + ".json"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
