package vn.cchc.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.PendingEvent;

/**
 * Publishes the events waiting in aggregate documents, then removes them from the document.
 *
 * <p>An entry goes PENDING (in the document) → PUBLISHED (acknowledged by all in-sync replicas,
 * then pulled). A failed send leaves it pending, with its attempt count and last error recorded
 * on the entry, and the next pass resubmits it: a Kafka outage delays events, never loses them.
 * Delivery is at-least-once (a crash between the acknowledgement and the pull republishes), so
 * consumers guard by revision.
 */
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "pendingEvents";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong pendingSeen = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
                       OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
        this.published = Counter.builder("cchc.outbox.published").description("Events published by the outbox relay").register(meters);
        this.failed = Counter.builder("cchc.outbox.failed").description("Failed attempts to publish an outbox event").register(meters);
        Gauge.builder("cchc.outbox.pending.documents", pendingSeen, AtomicLong::get)
                .description("Documents with unpublished events at the last relay pass").register(meters);
    }

    @Scheduled(fixedDelayString = "${cchc.outbox.interval:200ms}")
    public void relay() {
        long pending = 0;
        for (String collection : properties.collections()) {
            pending += relay(collection);
        }
        pendingSeen.set(pending);
    }

    /** One pass over one collection; returns how many documents still hold pending events. */
    public int relay(String collection) {
        Query query = new Query(Criteria.where(FIELD + ".0").exists(true)).limit(properties.batchSize());
        query.fields().include(FIELD);
        List<Document> documents = mongo.find(query, Document.class, collection);
        int stillPending = 0;
        for (Document document : documents) {
            if (!publishAll(collection, document)) {
                stillPending++;
            }
        }
        return stillPending;
    }

    private boolean publishAll(String collection, Document document) {
        List<Document> events = document.getList(FIELD, Document.class);
        for (Document event : events) {
            PendingEvent pending = toPendingEvent(event);
            try {
                send(pending);
            } catch (Exception e) {
                failed.increment();
                recordFailure(collection, document.get("_id"), pending.eventId(), e);
                log.warn("Outbox event {} ({}) not published yet, will retry: {}", pending.eventId(), pending.type(), e.toString());
                return false; // keep order: later events of this aggregate wait for this one
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull(FIELD, Query.query(Criteria.where("eventId").is(pending.eventId()))), collection);
            published.increment();
        }
        return true;
    }

    private void recordFailure(String collection, Object id, String eventId, Exception e) {
        Query query = Query.query(Criteria.where("_id").is(id).and(FIELD + ".eventId").is(eventId));
        Update update = new Update().inc(FIELD + ".$.attempts", 1).set(FIELD + ".$.lastError", String.valueOf(e.getMessage()));
        mongo.updateFirst(query, update, collection);
    }

    private void send(PendingEvent pending) throws Exception {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(pending.eventId())
                .withType(pending.type())
                .withSource(properties.source())
                .withSubject(pending.subject())
                .withTime(pending.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(pending.data()))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(pending.topic(), null, pending.time().toEpochMilli(), pending.key())
                .writeBinary(event);
        kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Event data holds JSON-native values only (strings, numbers, booleans, lists, maps), so it is written as read. */
    private static PendingEvent toPendingEvent(Document event) {
        return new PendingEvent(event.getString("eventId"), event.getString("type"), event.getString("topic"),
                event.getString("key"), event.getString("subject"), event.getDate("time").toInstant(),
                event.get("data", Document.class));
    }
}
