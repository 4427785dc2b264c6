package vn.cchc.platform.events.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Replays a dead-letter topic: every record not replayed before goes back to its original topic with its original key,
 * value and CloudEvents headers (the dead-letter headers dropped), and the topic's own consumer group
 * {@code <group>.dlq-replay} commits past it once the broker has it, so a second replay sends nothing again. The
 * consumers of the original topic then take the record as any other: a valid event is applied (their revision guards
 * make it harmless where it was applied already), a refused one is refused and dead-lettered again, visibly. One replay
 * at a time per process; run it on one replica (two at once could send a record twice, which the guards absorb).
 */
public class DeadLetterReplay {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /** What one topic holds: every record kept, and those not replayed yet. */
    public record Backlog(String topic, String originalTopic, String group, String binding, long records, long waiting) {
    }

    /** What a replay did. */
    public record Replayed(String topic, String originalTopic, long replayed, long waiting) {
    }

    private final Function<String, Consumer<byte[], byte[]>> groupConsumers;
    private final KafkaOperations<byte[], byte[]> producer;
    private final Duration timeout;

    /** @param consumers a new byte-array consumer of the given group, not subscribed, auto-commit off */
    public DeadLetterReplay(Function<String, Consumer<byte[], byte[]>> groupConsumers,
                            KafkaOperations<byte[], byte[]> producer, Duration timeout) {
        this.groupConsumers = groupConsumers;
        this.producer = producer;
        this.timeout = timeout;
    }

    public Backlog backlog(DeadLetterTopic topic) {
        try (Consumer<byte[], byte[]> consumer = groupConsumers.apply(topic.replayGroup())) {
            List<TopicPartition> partitions = partitions(consumer, topic.topic());
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, OffsetAndMetadata> done = consumer.committed(new HashSet<>(partitions), timeout);
            long records = 0;
            long waiting = 0;
            for (TopicPartition p : partitions) {
                long from = Math.max(begin.get(p), done.get(p) == null ? 0 : done.get(p).offset());
                records += end.get(p) - begin.get(p);
                waiting += Math.max(0, end.get(p) - from);
            }
            return new Backlog(topic.topic(), topic.originalTopic(), topic.group(), topic.binding(), records, waiting);
        }
    }

    public synchronized Replayed replay(DeadLetterTopic topic) {
        try (Consumer<byte[], byte[]> consumer = groupConsumers.apply(topic.replayGroup())) {
            List<TopicPartition> partitions = partitions(consumer, topic.topic());
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, OffsetAndMetadata> done = consumer.committed(new HashSet<>(partitions), timeout);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            for (TopicPartition p : partitions) {
                consumer.seek(p, done.get(p) == null ? begin.get(p) : Math.max(begin.get(p), done.get(p).offset()));
            }
            long replayed = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, partitions, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("did not reach the end of " + topic.topic() + " within " + timeout);
                }
                List<CompletableFuture<?>> sends = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(p)) {
                        continue; // dead-lettered after this replay began: the next replay takes it
                    }
                    sends.add(producer.send(back(topic, record)));
                    next.put(p, new OffsetAndMetadata(record.offset() + 1));
                }
                if (next.isEmpty()) {
                    continue;
                }
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                consumer.commitSync(next, timeout);
                replayed += sends.size();
            }
            log.info("Replayed {} record(s) of {} to {}", replayed, topic.topic(), topic.originalTopic());
            return new Replayed(topic.topic(), topic.originalTopic(), replayed, backlog(topic).waiting());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("replay of " + topic.topic() + " failed: " + e.getMessage(), e);
        }
    }

    /** The original record: its topic (from {@code x-original-topic}, else the binding's), key, value and headers. */
    static ProducerRecord<byte[], byte[]> back(DeadLetterTopic topic, ConsumerRecord<byte[], byte[]> record) {
        Header original = record.headers().lastHeader(DeadLetterHeaders.ORIGINAL_TOPIC);
        String to = original == null ? topic.originalTopic() : new String(original.value(), StandardCharsets.UTF_8);
        if (!to.equals(topic.originalTopic())) {
            to = topic.originalTopic(); // never elsewhere than where this binding reads from
        }
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(to, null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!DeadLetterHeaders.isDeadLetterHeader(header.key())) {
                out.headers().add(header.key(), header.value());
            }
        }
        return out;
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static boolean reached(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition p : partitions) {
            if (consumer.position(p) < end.get(p)) {
                return false;
            }
        }
        return true;
    }
}
