package vn.cchc.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a binding's dead-letter topic ({@code <topic>.<group>.dlq}) from the beginning, as an operator would: the key,
 * the value and the reason the binder put in {@code x-exception-message}.
 */
public final class DeadLetters {
    /**
     * One dead-lettered record.
     *
     * @param reason the gate's reason ({@code refused [rule] field: ...}) cut out of {@code x-exception-message}, which
     *               the binder prefixes with the failing handler's name; the whole header for other failures
     */
    public record Letter(String key, String value, String reason, String exceptionMessage, String originalTopic) {
    }

    private DeadLetters() {
    }

    public static String topic(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    /** Waits (60 s) until the dead-letter topic holds a record with {@code key}, and returns the last one read. */
    public static Letter await(String brokers, String dlqTopic, String key) {
        List<Letter> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dlqTopic));
            return Awaitility.await("a record keyed " + key + " on " + dlqTopic).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                            String message = header(r, "x-exception-message");
                            seen.add(new Letter(text(r.key()), text(r.value()), reason(message), message,
                                    header(r, "x-original-topic")));
                        }
                        return seen.stream().filter(l -> key.equals(l.key())).reduce((first, last) -> last).orElse(null);
                    }, java.util.Objects::nonNull);
        }
    }

    private static String reason(String message) {
        int at = message == null ? -1 : message.indexOf("refused [");
        return at < 0 ? message : message.substring(at);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
