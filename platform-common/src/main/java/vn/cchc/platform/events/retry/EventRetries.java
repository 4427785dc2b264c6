package vn.cchc.platform.events.retry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOffExecution;

/**
 * What operators see of records that could not be applied yet: one WARN line per failed attempt with the back-off
 * before the next, {@code cchc_events_retries_total{binding, kind}} (kind {@code transient} or {@code failure}), and
 * {@code cchc_events_retrying{binding}}, the number of the binding's partitions held behind a record that has failed
 * and not yet been applied or dead-lettered. A partition waiting on MongoDB shows there for as long as MongoDB is away;
 * its consumer lag grows meanwhile, and both fall back once the record is applied.
 */
public class EventRetries {
    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);
    public static final String RETRIES = "cchc.events.retries";
    public static final String RETRYING = "cchc.events.retrying";

    private final MeterRegistry meters;
    private final Map<String, Set<TopicPartition>> waiting = new ConcurrentHashMap<>();

    public EventRetries(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Registers the binding's gauge (0 until a record of it fails). */
    void watch(String binding) {
        waiting.computeIfAbsent(binding, b -> {
            Set<TopicPartition> partitions = ConcurrentHashMap.newKeySet();
            Gauge.builder(RETRYING, partitions, Set::size)
                    .description("Partitions of a consumer binding held behind a record that failed and waits for its next try")
                    .tag("binding", b).register(meters);
            return partitions;
        });
    }

    /** A record failed; {@code nextMillis} is the wait before it is tried again, or STOP when it goes to the dead-letter topic. */
    void failed(String binding, ConsumerRecord<?, ?> record, FailureKind kind, Throwable cause, long attempt, long nextMillis) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String why = printable(cause);
        if (nextMillis == BackOffExecution.STOP) {
            log.warn("Event on {} ({}) failed attempt {}: {}; no more attempts, it goes to the dead-letter topic",
                    binding, where, attempt, why);
            return;
        }
        Counter.builder(RETRIES).description("Failed attempts to apply an event that will be tried again")
                .tag("binding", binding).tag("kind", kind.name().toLowerCase()).register(meters).increment();
        watch(binding);
        waiting.get(binding).add(new TopicPartition(record.topic(), record.partition()));
        if (kind == FailureKind.TRANSIENT) {
            log.warn("Event on {} ({}) not applied, attempt {}: {}; the partition waits, next try in {} (back-off, not dead-lettered)",
                    binding, where, attempt, why, Duration.ofMillis(nextMillis));
        } else {
            log.warn("Event on {} ({}) failed attempt {}: {}; next try in {}, dead-lettered when the attempts run out",
                    binding, where, attempt, why, Duration.ofMillis(nextMillis));
        }
    }

    /** The partition's record was applied or dead-lettered: the partition moves again. */
    void settled(String binding, String topic, int partition) {
        Set<TopicPartition> partitions = waiting.get(binding);
        if (partitions != null && partitions.remove(new TopicPartition(topic, partition))) {
            log.info("Events on {} ({}-{}) move again", binding, topic, partition);
        }
    }

    static String printable(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
