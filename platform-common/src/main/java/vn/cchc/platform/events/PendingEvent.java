package vn.cchc.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.cchc.platform.tracing.Traceparent;

/**
 * An event waiting in its aggregate's document for the outbox relay.
 * Stored inside the aggregate so that the state change and the event are one single-document write.
 *
 * @param eventId     CloudEvents id (not "id": Spring Data would store that as "_id"); consumers may use it to spot redeliveries
 * @param type        versioned event type, e.g. {@code vn.cchc.publication.recorded.v1}
 * @param topic       Kafka topic
 * @param key         Kafka key: the aggregate id, so one aggregate's events stay in order
 * @param subject     CloudEvents subject (the aggregate id)
 * @param time        when the change happened
 * @param data        the JSON payload (event-carried state)
 * @param traceparent the W3C trace context current when the event was written (the HTTP request or consumed event
 *                    that caused it), sent later by the relay as the record's {@code traceparent} header; null when
 *                    written outside any trace (and in documents written before tracing existed)
 */
public record PendingEvent(String eventId, String type, String topic, String key, String subject, Instant time,
                           Map<String, Object> data, String traceparent) {

    /** A new event, carrying the trace context of the thread that creates it. */
    public static PendingEvent of(String type, String topic, String aggregateId, Instant time, Map<String, Object> data) {
        return new PendingEvent(UUID.randomUUID().toString(), type, topic, aggregateId, aggregateId, time, data,
                Traceparent.current());
    }
}
