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

/** Sends CloudEvents (binary mode) to a topic, as another service's outbox would, for consumer tests. */
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
        var event = CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create("/test"))
                .withSubject(key).withTime(OffsetDateTime.now()).withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8)).build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, null, null, key).writeBinary(event);
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
