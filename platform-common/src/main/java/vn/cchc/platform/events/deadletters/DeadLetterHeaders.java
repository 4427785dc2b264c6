package vn.cchc.platform.events.deadletters;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import vn.cchc.platform.events.RefusedEventException;

/**
 * The headers a dead-letter record carries on top of the original's, as text: {@code x-original-topic},
 * {@code x-original-partition}, {@code x-original-offset}, {@code x-exception-fqcn} and {@code x-exception-message}
 * (for a refusal the gate's reason, {@code refused [rule] field: ...}; otherwise
 * {@code failure [exception class] message} of the root cause). A replay drops exactly these.
 */
public final class DeadLetterHeaders {
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    public static final String EXCEPTION_MESSAGE = "x-exception-message";

    private DeadLetterHeaders() {
    }

    /** Headers a dead-letter topic adds, ours and the binder's or Spring Kafka's: none of them travels back on a replay. */
    public static boolean isDeadLetterHeader(String name) {
        return name.startsWith("x-original-") || name.startsWith("x-exception-") || name.startsWith("kafka_dlt-");
    }


    public static Headers of(ConsumerRecord<?, ?> record, Throwable failure) {
        Throwable reason = refusal(failure);
        if (reason == null) {
            reason = root(failure);
        }
        String message = reason instanceof RefusedEventException ? reason.getMessage()
                : "failure [" + reason.getClass().getName() + "] " + reason.getMessage();
        Headers headers = new RecordHeaders();
        headers.add(ORIGINAL_TOPIC, bytes(record.topic()));
        headers.add(ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
        headers.add(EXCEPTION_FQCN, bytes(reason.getClass().getName()));
        headers.add(EXCEPTION_MESSAGE, bytes(message));
        return headers;
    }

    private static Throwable refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedEventException) {
                return t;
            }
        }
        return null;
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
