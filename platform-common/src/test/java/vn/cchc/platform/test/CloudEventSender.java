package vn.cchc.platform.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.cchc.platform.events.EventContracts;

/**
 * Sends CloudEvents (binary mode) to a topic, as another service's outbox would, for consumer tests: from the source
 * that owns the type ({@link EventContracts}) unless a test names another one, or as raw records for malformed ones.
 */
public final class CloudEventSender implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    public CloudEventSender(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void send(String topic, String type, String key, String json) {
        send(topic, UUID.randomUUID().toString(), type, key, json);
    }

    public void send(String topic, String id, String type, String key, String json) {
        sendFrom(ownerOf(type), topic, id, type, key, json);
    }

    /** An event from {@code source}, e.g. a forged one from {@code /outside/system}. */
    public void sendFrom(String source, String topic, String type, String key, String json) {
        sendFrom(source, topic, UUID.randomUUID().toString(), type, key, json);
    }

    public void sendFrom(String source, String topic, String id, String type, String key, String json) {
        var event = CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create(source))
                .withSubject(key).withTime(OffsetDateTime.now()).withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8)).build();
        send(KafkaMessageFactory.createWriter(topic, null, null, key).writeBinary(event));
    }

    /** A record with exactly these headers (text) and value (null: none), e.g. one without a CloudEvents envelope. */
    public void sendRaw(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /** The CloudEvents headers the owner's outbox would set for {@code type}, to take apart in malformed-envelope tests. */
    public static Map<String, String> envelope(String type) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", ownerOf(type));
        headers.put("content-type", "application/json");
        return headers;
    }

    static String ownerOf(String type) {
        return EventContracts.familyOf(type).map(EventContracts.Family::ownerSource).orElse("/test");
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send test event", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
