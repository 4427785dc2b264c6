package vn.cchc.platform.events.retry;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The container's error handler for every consumer binding: chooses each failed record's back-off from its
 * {@link FailureKind}. Spring Kafka hands a back-off function only the root cause of the failure, so the whole
 * exception (the binder's wrappers, the data layer's translation) is kept for the time of the handling and classified
 * instead. The failed record and the records behind it are sought back and polled again: nothing is skipped, the
 * partition's order holds, and the consumer keeps polling between tries (no rebalance however long the wait).
 */
class WaitingErrorHandler extends DefaultErrorHandler {
    private static final BackOff AT_ONCE = new FixedBackOff(0L, 0L);
    private final ThreadLocal<Exception> handling = new ThreadLocal<>();

    /**
     * @param waiting  the back-off of a transient failure (never ends)
     * @param failures the back-off of other failures (a few attempts), the binding's own
     * @param retries  told of every retry (the WARN line and the metrics)
     */
    WaitingErrorHandler(@Nullable ConsumerRecordRecoverer recoverer, BackOff waiting, BackOff failures,
                        EventRetries retries, String binding) {
        super(recoverer, failures);
        setBackOffFunction((record, rootCause) -> {
            Exception whole = handling.get() != null ? handling.get() : rootCause;
            FailureKind kind = FailureKind.of(whole);
            return switch (kind) {
                case REFUSED -> AT_ONCE;
                case TRANSIENT, FAILURE -> new LoggedBackOff(kind == FailureKind.TRANSIENT ? waiting : failures,
                        (attempt, next) -> retries.failed(binding, record, kind, whole, attempt, next));
            };
        });
    }

    @Override
    public boolean handleOne(Exception thrown, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
                             MessageListenerContainer container) {
        handling.set(thrown);
        try {
            return super.handleOne(thrown, record, consumer, container);
        } finally {
            handling.remove();
        }
    }

    @Override
    public void handleRemaining(Exception thrown, java.util.List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                MessageListenerContainer container) {
        handling.set(thrown);
        try {
            super.handleRemaining(thrown, records, consumer, container);
        } finally {
            handling.remove();
        }
    }

    @Override
    public void handleBatch(Exception thrown, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                            MessageListenerContainer container, Runnable invokeListener) {
        handling.set(thrown);
        try {
            super.handleBatch(thrown, data, consumer, container, invokeListener);
        } finally {
            handling.remove();
        }
    }

    @Override
    public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrown, ConsumerRecords<?, ?> data,
                                                                      Consumer<?, ?> consumer, MessageListenerContainer container,
                                                                      Runnable invokeListener) {
        handling.set(thrown);
        try {
            return super.handleBatchAndReturnRemaining(thrown, data, consumer, container, invokeListener);
        } finally {
            handling.remove();
        }
    }
}
