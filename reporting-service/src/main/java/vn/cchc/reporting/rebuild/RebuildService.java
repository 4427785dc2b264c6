package vn.cchc.reporting.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.EventGate;
import vn.cchc.platform.events.InboundEvent;
import vn.cchc.platform.events.RefusedEventException;
import vn.cchc.reporting.counts.PublicationFactProjection;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.reporting.readmodel.Projections;
import vn.cchc.reporting.readmodel.ReadModels;

/**
 * Rebuilds every read model from the beginning of the topics into a fresh generation of collections while the
 * current generation keeps serving:
 * <ol>
 *   <li>open generation n+1; from now on live consumers write each event to both generations;</li>
 *   <li>read every partition from offset 0 with a plain consumer (no group, nothing committed) up to the end offsets
 *       taken at the start, applying each event to generation n+1 with the same revision-guarded projections;</li>
 *   <li>caught up: whatever arrived after the end offsets was dual-written live, so n+1 is complete; switch queries
 *       to it in one document write and drop generation n.</li>
 * </ol>
 * Because every write is guarded by revision, the rebuild and the live consumer may apply the same event in any
 * order and the result is the same as live processing.
 */
@Service
public class RebuildService {
    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    static final List<String> TOPICS = List.of("cchc.unit.events", "cchc.plan.events", "cchc.task.events", "cchc.publication.events");

    public record Status(String id, int generation, String state, long eventsRead, long eventsApplied, Instant startedAt,
                        Instant finishedAt, String error) {
    }

    private final ReadModels models;
    private final Projections projections;
    private final JsonMapper json;
    private final Clock clock;
    private final String brokers;
    private final EventGate gate;
    private final Map<String, Object> kafkaClient;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));
    private final AtomicReference<Status> status = new AtomicReference<>();

    RebuildService(ReadModels models, Projections projections, JsonMapper json, Clock clock,
                   @Value("${cchc.kafka.brokers}") String brokers, EventGate gate, KafkaProperties kafka) {
        this.models = models;
        this.projections = projections;
        this.json = json;
        this.clock = clock;
        this.brokers = brokers;
        this.gate = gate;
        // the connection settings of every other client of this service (security protocol, SASL, trust store)
        this.kafkaClient = new HashMap<>(kafka.buildConsumerProperties());
        this.kafkaClient.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    public synchronized Status start() {
        Status current = status.get();
        if (current != null && current.state().equals("RUNNING")) {
            throw new ConflictException("Đang dựng lại dữ liệu báo cáo (lần " + current.id() + "); chờ lần này xong.");
        }
        int generation = models.startBuilding();
        Status started = new Status(UUID.randomUUID().toString(), generation, "RUNNING", 0, 0, clock.instant(), null, null);
        status.set(started);
        executor.submit(() -> run(started));
        return started;
    }

    public Status status() {
        return status.get();
    }

    private void run(Status started) {
        long startedNanos = System.nanoTime(); // a moment after the new generation was announced (start())
        long read = 0;
        long applied = 0;
        Map<String, Object> config = new HashMap<>(kafkaClient);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            boolean allReplicasDualWrite = false;
            while (!caughtUp(consumer, end) || !allReplicasDualWrite) {
                if (caughtUp(consumer, end)) {
                    // Other replicas start writing into the new generation within ReadModels.REFRESH of its start; what
                    // they consumed before that is replayed here by reading on to the end offsets of after it.
                    awaitReplicas(startedNanos);
                    end = consumer.endOffsets(partitions);
                    allReplicasDualWrite = true;
                    continue;
                }
                // publication events of a poll go together (facts and counts in bulk), the rest one by one
                List<PublicationFactProjection.FactEvent> publications = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    try {
                        // the same gate as the live consumers: a forged or malformed record they dead-lettered is
                        // skipped here too (counted under binding "rebuild")
                        InboundEvent event = gate.admit("rebuild", record.topic(), headers(record), record.value()).orElse(null);
                        if (event == null) {
                            continue;
                        }
                        if (Projections.isPublicationEvent(event.type())) {
                            publications.add(new PublicationFactProjection.FactEvent(event.type(), event.data(), null));
                        } else if (projections.applyTo(event.type(), event.data(), started.generation())) {
                            applied++;
                        }
                    } catch (RefusedEventException refused) {
                        // logged and counted by the gate; a rebuild does not stop for it
                    } catch (RuntimeException e) {
                        log.warn("Rebuild skipped {}/{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
                    }
                }
                applied += projections.applyFactsTo(publications, started.generation());
                status.set(new Status(started.id(), started.generation(), "RUNNING", read, applied, started.startedAt(), null, null));
            }
            models.switchTo(started.generation());
            status.set(new Status(started.id(), started.generation(), "DONE", read, applied, started.startedAt(), clock.instant(), null));
            log.info("Read models rebuilt into generation {} from {} events; now serving", started.generation(), read);
        } catch (RuntimeException e) {
            models.abandon(started.generation());
            status.set(new Status(started.id(), started.generation(), "FAILED", read, applied, started.startedAt(), clock.instant(),
                    e.toString()));
            log.error("Rebuild into generation {} failed; the current generation keeps serving", started.generation(), e);
        }
    }

    /** Waits until three refresh periods have passed since the rebuild started. */
    private static void awaitReplicas(long startedNanos) {
        long left = startedNanos + ReadModels.REFRESH.multipliedBy(3).toNanos() - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted", e);
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> headers(ConsumerRecord<?, ?> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
