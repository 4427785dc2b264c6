package vn.cchc.platform.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.tracing.Traceparent;

/**
 * The one door through which a consumer takes an event off the bus. An event is admitted only when it has a CloudEvents
 * envelope ({@code ce_specversion} 1.0, {@code ce_id}, {@code ce_type}, {@code ce_source}), its type belongs to a known
 * family travelling on this topic, its {@code ce_source} is the family's owner ({@link EventContracts}), its value is a
 * JSON object and, for a type with a contract, the data is valid against that contract's schema. Anything else is
 * refused: a WARN line, {@code cchc_events_refused_total{binding,reason}} counted, and a {@link RefusedEventException}
 * the binder turns into a dead-letter record carrying the reason. A well-formed event of a newer type of the right
 * family from the right owner is admitted as "nothing to do" ({@link Optional#empty()}), so producers can add types
 * before every consumer knows them.
 */
public class EventGate {
    private static final Logger log = LoggerFactory.getLogger(EventGate.class);
    /** Its own logger, so that operators can quieten it ({@code logging.level.vn.cchc.platform.events.applied=warn}). */
    private static final Logger applied = LoggerFactory.getLogger("vn.cchc.platform.events.applied");
    public static final String METRIC = "cchc.events.refused";

    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Map<String, Schema> schemas = new HashMap<>();

    public EventGate(JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (String type : EventContracts.KNOWN_TYPES) {
            schemas.put(type, registry.getSchema(readSchema(type)));
        }
    }

    /** A record-mode consumer's message: the topic comes from the binder's {@code kafka_receivedTopic} header. */
    public Optional<InboundEvent> admit(String binding, Message<byte[]> message) {
        Object topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        return admit(binding, topic == null ? null : topic.toString(), message.getHeaders(), message.getPayload());
    }

    /**
     * @param topic   the topic the record came from (null: not checked)
     * @param headers the record's headers, values as text or raw bytes
     * @return the event, or empty for a newer type of a known family (nothing to apply)
     * @throws RefusedEventException when the event is not trusted (already logged and counted)
     */
    public Optional<InboundEvent> admit(String binding, String topic, Map<String, ?> headers, byte[] payload) {
        try {
            Optional<InboundEvent> event = check(topic, headers, payload);
            // one line per event applied within a trace (a consumed record): what follows a request across services
            if (event.isPresent() && applied.isInfoEnabled() && Traceparent.current() != null) {
                InboundEvent e = event.get();
                applied.info("Applying {} {} (subject {}) from {}", e.type(), e.id(), printable(e.subject()), binding);
            }
            return event;
        } catch (RefusedEventException refused) {
            log.warn("Refused an event on {} ({}): {} [ce_id {}, ce_type {}, ce_source {}]", binding, topic,
                    printable(refused.getMessage()), printable(text(headers, CloudEventHeaders.ID)),
                    printable(text(headers, CloudEventHeaders.TYPE)), printable(text(headers, CloudEventHeaders.SOURCE)));
            Counter.builder(METRIC).description("Events refused by the bus: wrong owner, bad envelope or data failing its contract")
                    .tag("binding", binding).tag("reason", refused.reason().tag()).register(meters).increment();
            throw refused;
        }
    }

    private Optional<InboundEvent> check(String topic, Map<String, ?> headers, byte[] payload) {
        String specVersion = text(headers, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new RefusedEventException(RefusalReason.MISSING_HEADER, "ce_specversion",
                    specVersion == null ? "missing; a CloudEvents 1.0 envelope (binary mode) is required" : "must be 1.0");
        }
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = required(headers, CloudEventHeaders.SOURCE);
        EventContracts.Family family = EventContracts.familyOf(type).orElseThrow(() -> new RefusedEventException(
                RefusalReason.UNKNOWN_TYPE, "ce_type", "'" + type + "' belongs to no event family of the platform"));
        if (topic != null && !family.topic().equals(topic)) {
            throw new RefusedEventException(RefusalReason.WRONG_TOPIC, "ce_type",
                    type + " travels on " + family.topic() + ", not on " + topic);
        }
        if (!family.ownerSource().equals(source)) {
            throw new RefusedEventException(RefusalReason.WRONG_SOURCE, "ce_source", "'" + source + "' does not own "
                    + family.typePrefix() + "* events; only " + family.ownerSource() + " sends them");
        }
        JsonNode data = parse(payload);
        if (!EventContracts.isKnown(type)) {
            log.debug("Ignoring {} from {}: a type this service does not know yet", type, source);
            return Optional.empty();
        }
        List<Error> errors = schemas.get(type).validate(data);
        if (!errors.isEmpty()) {
            Error first = errors.getFirst();
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
            throw new RefusedEventException(RefusalReason.SCHEMA, "data" + pointer(first),
                    first.getMessage() + more + ", against the contract of " + type);
        }
        return Optional.of(new InboundEvent(id, type, source, text(headers, CloudEventHeaders.SUBJECT),
                time(text(headers, CloudEventHeaders.TIME)), data));
    }

    private JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new RefusedEventException(RefusalReason.NOT_JSON, "data", "the record has no value");
        }
        JsonNode data;
        try {
            data = json.readTree(payload);
        } catch (JacksonException e) {
            throw new RefusedEventException(RefusalReason.NOT_JSON, "data", "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (data == null || !data.isObject()) {
            throw new RefusedEventException(RefusalReason.NOT_JSON, "data", "must be a JSON object");
        }
        return data;
    }

    /** The instance location as a JSON-pointer-like suffix: {@code $.plan.targets[0]} → {@code /plan/targets/0}. */
    private static String pointer(Error error) {
        String location = String.valueOf(error.getInstanceLocation());
        String path = location.startsWith("$") ? location.substring(1) : location;
        path = path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }

    private static String required(Map<String, ?> headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new RefusedEventException(RefusalReason.MISSING_HEADER, name, "missing; every event carries it");
        }
        return value;
    }

    static String text(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static Instant time(String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Header values come from outside: one line, bounded, in the log. */
    private static String printable(String value) {
        if (value == null) {
            return null;
        }
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String readSchema(String type) {
        try (InputStream in = EventGate.class.getClassLoader().getResourceAsStream(EventContracts.schemaResource(type))) {
            if (in == null) {
                throw new IllegalStateException("contract schema of " + type + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
