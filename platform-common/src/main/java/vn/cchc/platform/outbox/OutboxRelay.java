package vn.cchc.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.tracing.Traceparent;

/**
 * Publishes the events waiting in aggregate documents, then removes them from the document.
 *
 * <p>An entry goes PENDING (in the document) → PUBLISHED (acknowledged by all in-sync replicas,
 * then pulled). A failed send leaves it pending, with its attempt count and last error recorded
 * on the entry, and the next pass resubmits it: a Kafka outage delays events, never loses them.
 * Delivery is at-least-once (a crash between the acknowledgement and the pull republishes), so
 * consumers guard by revision.
 *
 * <p>One thread ({@code outbox-relay}) does two things. It publishes the documents {@link OutboxWrites} reports
 * right after this process wrote them (looked up by {@code _id}), so an event leaves within milliseconds of its
 * write. And it makes a full pass (a query on {@code pendingEvents}) at startup, then every {@code interval} while
 * something failed, backing off to {@code maxInterval} while passes find nothing left to retry: the pass picks up what
 * no hint covered (another instance's writes, events left by a crash, a failed send).
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "pendingEvents";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final OutboxProperties properties;
    private final OutboxWrites writes;
    private final Counter published;
    private final Counter failed;
    private final AtomicLong pendingSeen = new AtomicLong();
    /** Epoch millis of the oldest event a send failed for in the last full pass; 0 when nothing is left. */
    private final AtomicLong oldestPendingAt = new AtomicLong();
    private long passOldest = Long.MAX_VALUE; // the relay thread's own: the pass in progress
    private final OutboxLease lease;
    private volatile Thread thread;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
                       OutboxProperties properties, MeterRegistry meters) {
        this(mongo, kafka, json, properties, meters, null);
    }

    /** @param writes the documents this process writes (null: full passes every {@code interval} only) */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
                       OutboxProperties properties, MeterRegistry meters, OutboxWrites writes) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
        this.writes = writes;
        this.lease = new OutboxLease(mongo, properties.lease());
        this.published = Counter.builder("cchc.outbox.published").description("Events published by the outbox relay").register(meters);
        this.failed = Counter.builder("cchc.outbox.failed").description("Failed attempts to publish an outbox event").register(meters);
        Gauge.builder("cchc.outbox.pending.documents", pendingSeen, AtomicLong::get)
                .description("Documents with unpublished events at the last relay pass").register(meters);
        // An alert on age, not on count: a backlog of 5 for an hour is worse than 500 for a second.
        Gauge.builder("cchc.outbox.oldest.pending.age", oldestPendingAt, at -> at.get() == 0 ? 0
                        : Math.max(0, System.currentTimeMillis() - at.get()) / 1000.0)
                .baseUnit("seconds").description("Age of the oldest event the last relay pass could not publish").register(meters);
    }

    @Override
    public void start() {
        properties.collections().forEach(this::declarePendingIndex);
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(properties.sendTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            lease.releaseAll();
        } catch (RuntimeException e) {
            log.debug("Could not release the outbox leases (they expire by themselves): {}", e.toString());
        }
    }

    /**
     * The full pass's query ({@code pendingEvents.0} exists) reads only the documents holding events on real MongoDB:
     * a partial index of those. The local wire server ignores it (it keeps unique indexes only) and scans.
     */
    private void declarePendingIndex(String collection) {
        try {
            mongo.indexOps(collection).createIndex(new Index().on(FIELD + ".eventId", Sort.Direction.ASC).named("outbox_pending")
                    .partial(PartialIndexFilter.of(Criteria.where(FIELD + ".0").exists(true))));
        } catch (RuntimeException e) {
            log.warn("Could not declare the outbox index of {}: {}", collection, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long interval = properties.interval().toMillis();
        long max = writes == null ? interval : Math.max(interval, properties.maxInterval().toMillis());
        long delay = interval;
        long nextPass = 0; // a full pass first: what earlier runs left behind
        List<OutboxWrites.Written> batch = new ArrayList<>();
        while (running) {
            try {
                long now = System.currentTimeMillis();
                if (now >= nextPass || (writes != null && writes.takeFullPassWanted())) {
                    long stillPending = relay();
                    delay = stillPending > 0 ? interval : Math.min(max, delay * 2);
                    nextPass = System.currentTimeMillis() + delay;
                    continue;
                }
                if (writes == null) {
                    Thread.sleep(nextPass - now);
                    continue;
                }
                OutboxWrites.Written first = writes.next(nextPass - now);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                writes.drainTo(batch, properties.batchSize() - 1);
                if (publishWritten(batch) > 0) {
                    delay = interval; // retry soon what failed
                    nextPass = System.currentTimeMillis() + delay;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Mongo unreachable, say: keep the thread, try again after the base interval
                log.warn("Outbox relay pass failed, will retry: {}", e.toString());
                nextPass = System.currentTimeMillis() + interval;
                delay = interval;
            }
        }
    }

    /** Publishes the documents just written (by _id); returns how many still hold events after a failed send. */
    private int publishWritten(List<OutboxWrites.Written> batch) {
        Map<String, Set<Object>> idsByCollection = new LinkedHashMap<>();
        for (OutboxWrites.Written written : batch) {
            idsByCollection.computeIfAbsent(written.collection(), c -> new LinkedHashSet<>()).add(written.id());
        }
        int stillPending = 0;
        for (Map.Entry<String, Set<Object>> e : idsByCollection.entrySet()) {
            Query query = Query.query(Criteria.where("_id").in(e.getValue()));
            query.fields().include(FIELD);
            stillPending += publishDocuments(e.getKey(), mongo.find(query, Document.class, e.getKey()));
        }
        return stillPending;
    }

    /**
     * A full pass over every outbox collection whose lease this replica holds (or takes); returns how many documents
     * still hold pending events.
     */
    public long relay() {
        long pending = 0;
        passOldest = Long.MAX_VALUE;
        for (String collection : properties.collections()) {
            if (lease.hold(collection)) {
                pending += relay(collection);
            }
        }
        pendingSeen.set(pending);
        oldestPendingAt.set(pending == 0 || passOldest == Long.MAX_VALUE ? 0 : passOldest);
        return pending;
    }

    /**
     * One pass over one collection; returns how many documents still hold pending events. With wake on write, a
     * document whose first pending event is younger than {@code fullPassGrace} is left to the process that wrote it
     * (not counted: under steady writes there always are some, and passes must still back off).
     */
    public int relay(String collection) {
        Query query = new Query(Criteria.where(FIELD + ".0").exists(true)).limit(properties.batchSize());
        query.fields().include(FIELD);
        List<Document> documents = mongo.find(query, Document.class, collection);
        if (writes != null) {
            long cutoff = System.currentTimeMillis() - properties.fullPassGrace().toMillis();
            documents = documents.stream().filter(d -> firstEventMillis(d) <= cutoff).toList();
        }
        return publishDocuments(collection, documents);
    }

    private static long firstEventMillis(Document document) {
        if (document.get(FIELD) instanceof List<?> events && !events.isEmpty() && events.getFirst() instanceof Document first
                && first.getDate("time") != null) {
            return first.getDate("time").getTime();
        }
        return 0;
    }

    private record Sent(Object documentId, PendingEvent event, CompletableFuture<?> acknowledged) {
    }

    /**
     * Sends every pending event of {@code documents} without waiting between them (the producer batches them), then
     * waits for the acknowledgements and pulls the acknowledged events in one bulk write: a few round trips per batch
     * instead of three per event. A document stops at its first failed send: that event and the later ones stay pending
     * and are sent again (the later ones may already have gone out: at-least-once, consumers guard by revision).
     * Returns how many documents still hold events.
     */
    private int publishDocuments(String collection, List<Document> documents) {
        List<Sent> sent = new ArrayList<>();
        for (Document document : documents) {
            Object id = document.get("_id");
            if (!(document.get(FIELD) instanceof List<?>)) {
                continue;
            }
            for (Document event : document.getList(FIELD, Document.class)) {
                PendingEvent pending = toPendingEvent(event);
                CompletableFuture<?> acknowledged;
                try {
                    acknowledged = kafka.send(record(pending));
                } catch (RuntimeException e) {
                    acknowledged = CompletableFuture.failedFuture(e);
                }
                sent.add(new Sent(id, pending, acknowledged));
            }
        }
        Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
        Set<Object> failedDocuments = new LinkedHashSet<>();
        for (Sent s : sent) {
            if (failedDocuments.contains(s.documentId())) {
                continue;
            }
            try {
                s.acknowledged().get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.computeIfAbsent(s.documentId(), k -> new ArrayList<>()).add(s.event().eventId());
                published.increment();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failed.increment();
                failedDocuments.add(s.documentId());
                passOldest = Math.min(passOldest, s.event().time().toEpochMilli());
                recordFailure(collection, s.documentId(), s.event().eventId(), e);
                log.warn("Outbox event {} ({}, trace {}) not published yet, will retry: {}", s.event().eventId(), s.event().type(),
                        Traceparent.traceId(s.event().traceparent()), e.toString());
            }
        }
        if (!acknowledged.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            acknowledged.forEach((id, eventIds) -> bulk.updateOne(Query.query(Criteria.where("_id").is(id)),
                    new Update().pull(FIELD, Query.query(eventIds.size() == 1 ? Criteria.where("eventId").is(eventIds.getFirst())
                            : Criteria.where("eventId").in(eventIds)))));
            bulk.execute();
        }
        return failedDocuments.size();
    }

    private void recordFailure(String collection, Object id, String eventId, Exception e) {
        Query query = Query.query(Criteria.where("_id").is(id).and(FIELD + ".eventId").is(eventId));
        Update update = new Update().inc(FIELD + ".$.attempts", 1).set(FIELD + ".$.lastError", String.valueOf(e.getMessage()));
        mongo.updateFirst(query, update, collection);
    }

    private ProducerRecord<String, byte[]> record(PendingEvent pending) {
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
        if (pending.traceparent() != null) {
            // the trace of the request (or event) that wrote it, not of this thread: consumers continue that trace
            record.headers().add(Traceparent.HEADER, pending.traceparent().getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    /** Event data holds JSON-native values only (strings, numbers, booleans, lists, maps), so it is written as read. */
    private static PendingEvent toPendingEvent(Document event) {
        return new PendingEvent(event.getString("eventId"), event.getString("type"), event.getString("topic"),
                event.getString("key"), event.getString("subject"), event.getDate("time").toInstant(),
                event.get("data", Document.class), event.getString("traceparent"));
    }
}
