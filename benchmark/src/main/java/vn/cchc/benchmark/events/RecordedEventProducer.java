package vn.cchc.benchmark.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Produces {@code vn.cchc.publication.recorded.v1} CloudEvents straight to {@code cchc.publication.events}, in binary
 * mode with the same headers, key (the publication id), record timestamp and JSON data as publication-service's outbox
 * relay (platform-common {@code OutboxRelay}; data shape: contracts/examples/vn.cchc.publication.recorded.v1.json).
 * Used to fill reporting-service's history quickly and to time how fast it catches up.
 */
public final class RecordedEventProducer implements AutoCloseable {
    static final String TOPIC = "cchc.publication.events";
    static final String TYPE = "vn.cchc.publication.recorded.v1";
    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String runId;

    public RecordedEventProducer(String brokers, String runId) {
        this.runId = runId;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "benchmark-" + runId), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code count} new items of {@code unitId} published at {@code publishedAt}, then waits for every ack. */
    public void send(String unitId, Instant publishedAt, int count) {
        for (int i = 0; i < count; i++) {
            producer.send(record(unitId, publishedAt, Instant.now()));
        }
        producer.flush();
    }

    ProducerRecord<String, byte[]> record(String unitId, Instant publishedAt, Instant now) {
        String id = UUID.randomUUID().toString();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(TYPE)
                .withSource(URI.create("/cchc/publication-service"))
                .withSubject(id)
                .withTime(now.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data(id, unitId, publishedAt, now)))
                .build();
        return KafkaMessageFactory.createWriter(TOPIC, null, now.toEpochMilli(), id).writeBinary(event);
    }

    Map<String, Object> data(String id, String unitId, Instant publishedAt, Instant now) {
        Map<String, Object> unitPath = new LinkedHashMap<>();
        unitPath.put("province", unitId.substring(0, unitId.indexOf('.')));
        unitPath.put("commune", unitId);
        unitPath.put("unit", unitId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("publicationId", id);
        data.put("revision", 1);
        data.put("unitId", unitId);
        data.put("unitPath", unitPath);
        data.put("channel", "WEBSITE");
        data.put("kind", "ARTICLE");
        data.put("title", "Tin đo hiệu năng " + id.substring(0, 8));
        data.put("summary", null);
        data.put("url", "https://benchmark.example.vn/" + runId + "/" + id);
        data.put("publishedAt", publishedAt.toString());
        data.put("durationSeconds", null);
        data.put("themes", java.util.List.of());
        data.put("planId", null);
        data.put("taskId", null);
        data.put("author", null);
        data.put("engagement", null);
        data.put("source", "MANUAL");
        data.put("recordedAt", now.toString());
        data.put("changedAt", now.toString());
        data.put("retracted", false);
        return data;
    }

    @Override
    public void close() {
        producer.close();
    }
}
