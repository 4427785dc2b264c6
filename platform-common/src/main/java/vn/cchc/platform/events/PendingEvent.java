package vn.cchc.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event waiting in its aggregate's document for the outbox relay.
 * Stored inside the aggregate so that the state change and the event are one single-document write.
 *
 * @param eventId CloudEvents id (not "id": Spring Data would store that as "_id"); consumers may use it to spot redeliveries
 * @param type    versioned event type, e.g. {@code vn.cchc.publication.recorded.v1}
 * @param topic   Kafka topic
 * @param key     Kafka key: the aggregate id, so one aggregate's events stay in order
 * @param subject CloudEvents subject (the aggregate id)
 * @param time    when the change happened
 * @param data    the JSON payload (event-carried state)
 */
public record PendingEvent(String eventId, String type, String topic, String key, String subject, Instant time,
                           Map<String, Object> data) {

    public static PendingEvent of(String type, String topic, String aggregateId, Instant time, Map<String, Object> data) {
        return new PendingEvent(UUID.randomUUID().toString(), type, topic, aggregateId, aggregateId, time, data);
    }
}
