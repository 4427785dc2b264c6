package vn.cchc.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer, as an outside subscriber would use, that reads a topic from the beginning.
 * Not thread-safe; one per test.
 */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String brokers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once more and returns everything read so far. */
    public List<ConsumerRecord<String, byte[]>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    /**
     * Polls until this reader has read every record the topic held when called (its position on each partition reached
     * the end offset), and returns everything read so far: an exact count, unlike a single {@link #poll()} that may come
     * before the group has joined or the fetch has arrived.
     */
    public List<ConsumerRecord<String, byte[]>> pollToEnd() {
        return pollToEnd(Duration.ofSeconds(60));
    }

    public List<ConsumerRecord<String, byte[]>> pollToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
            Set<TopicPartition> assigned = consumer.assignment();
            if (assigned.isEmpty()) {
                continue;
            }
            if (end == null) {
                end = consumer.endOffsets(assigned);
            }
            boolean done = true;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                done &= consumer.position(e.getKey()) >= e.getValue();
            }
            if (done) {
                return records;
            }
        }
        throw new IllegalStateException("did not reach the end of the topic within " + timeout + " (read " + records.size() + ")");
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
