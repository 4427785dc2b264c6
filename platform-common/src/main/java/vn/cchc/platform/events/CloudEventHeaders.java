package vn.cchc.platform.events;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;

/** Reads CloudEvents binary-mode headers ({@code ce_*}) from a consumed Kafka message. */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";

    private CloudEventHeaders() {
    }

    /** The header as text; the Kafka binder hands unknown headers over as raw bytes. */
    public static String get(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    public static String type(Message<?> message) {
        return get(message, TYPE);
    }
}
