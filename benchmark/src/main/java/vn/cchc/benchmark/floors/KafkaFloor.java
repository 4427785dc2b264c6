package vn.cchc.benchmark.floors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import vn.cchc.benchmark.stats.LatencySummary;

/**
 * The broker's own limits, measured with plain kafka-clients on a scratch topic of the same broker (one partition, like
 * the platform's topics on the local stack; deleted afterwards): producer records/s (acks=all), consumer records/s
 * (one consumer from offset 0) and end-to-end latency (send → poll) at a moderate constant rate.
 */
public final class KafkaFloor {
    public record Result(int records, int recordBytes, double producerPerSecond, double consumerPerSecond,
                         double e2eRatePerSecond, LatencySummary endToEnd) {
    }

    private KafkaFloor() {
    }

    public static Result measure(String brokers, String runId, int records, int e2eRate, Duration e2eLength) throws Exception {
        String topic = "benchmark.scratch." + runId;
        int recordBytes = 700; // about one publication event with its headers
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            try {
                double produce = produce(brokers, topic, records, recordBytes);
                double consume = consume(brokers, topic, records);
                LatencySummary e2e = endToEnd(brokers, topic + ".e2e", e2eRate, e2eLength);
                return new Result(records, recordBytes, produce, consume, e2eRate, e2e);
            } finally {
                admin.deleteTopics(List.of(topic, topic + ".e2e")).all().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static KafkaProducer<Long, byte[]> producer(String brokers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new LongSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<Long, byte[]> consumer(String brokers) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new LongDeserializer(), new ByteArrayDeserializer());
    }

    private static double produce(String brokers, String topic, int records, int recordBytes) {
        byte[] value = new byte[recordBytes];
        try (KafkaProducer<Long, byte[]> producer = producer(brokers)) {
            long start = System.nanoTime();
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, i, value));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double consume(String brokers, String topic, int records) {
        try (KafkaConsumer<Long, byte[]> consumer = consumer(brokers)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.position(partition); // connect and fetch metadata before the clock starts
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(5).toNanos();
            int read = 0;
            while (read < records && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The value is the send time (nanoTime of this JVM), so the consumer in the same JVM computes the latency. */
    private static LatencySummary endToEnd(String brokers, String topic, int perSecond, Duration length) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        int count = (int) (perSecond * length.toSeconds());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        try (KafkaConsumer<Long, byte[]> consumer = consumer(brokers); KafkaProducer<Long, byte[]> producer = producer(brokers)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread sender = Thread.ofPlatform().name("kafka-e2e-sender").start(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    long due = start + Math.round(i * 1e9 / perSecond);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    producer.send(new ProducerRecord<>(topic, System.nanoTime(), new byte[0]));
                }
                producer.flush();
            });
            long deadline = System.nanoTime() + length.plusMinutes(2).toNanos();
            while (latencies.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<Long, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    latencies.add((System.nanoTime() - r.key()) / 1000);
                }
            }
            sender.join();
        }
        return LatencySummary.ofMicros(latencies);
    }
}
