package vn.cchc.reporting.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

/**
 * Dead-letters a refused record of the publication batch itself, with the same headers the binder's record-mode
 * dead-lettering writes ({@code x-exception-message}, {@code x-original-topic/partition/offset}), and lets the batch go
 * on. Handing it to the container instead ({@code BatchListenerFailedException}) made its batch recoverer dead-letter
 * records behind a run of refused ones too, valid ones included, without the listener seeing them.
 */
@Component
class BatchDeadLetters {
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    BatchDeadLetters(KafkaTemplate<String, byte[]> kafka,
                     @Value("${spring.cloud.stream.kafka.bindings.publicationEvents-in-0.consumer.dlq-name:cchc.publication.events.reporting-service.dlq}")
                     String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /**
     * Sends record {@code i} of the batch to the dead-letter topic and waits for the broker: the batch is acknowledged
     * only after its refused records are stored (a failed send fails the batch, which is delivered again).
     */
    void send(MessageHeaders batch, int i, Map<String, Object> headers, byte[] payload, String reason) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, text(at(batch, KafkaHeaders.RECEIVED_KEY, i)), payload);
        headers.forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals("content-type")) {
                record.headers().add(name, bytes(value));
            }
        });
        record.headers().add("x-exception-message", bytes(reason));
        record.headers().add("x-original-topic", bytes(at(batch, KafkaHeaders.RECEIVED_TOPIC, i)));
        record.headers().add("x-original-partition", bytes(at(batch, KafkaHeaders.RECEIVED_PARTITION, i)));
        record.headers().add("x-original-offset", bytes(at(batch, KafkaHeaders.OFFSET, i)));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not dead-letter a refused publication event: " + e, e);
        }
    }

    private static Object at(MessageHeaders batch, String name, int i) {
        return batch.get(name) instanceof List<?> list && list.size() > i ? list.get(i) : null;
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : value.toString();
    }

    private static byte[] bytes(Object value) {
        return value instanceof byte[] b ? b : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
