package vn.cchc.reporting.counts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.counts.DayCounts.Contribution;

/**
 * Applies publication events, a batch at a time, to the {@link PublicationFact}s and the {@link DayCounts}:
 * <ol>
 *   <li>read the stored facts of the batch's publications (one {@code _id $in} query);</li>
 *   <li>per publication, the newest event of the batch that is newer than the stored revision wins; older or equal
 *       revisions are duplicates or stale and change nothing;</li>
 *   <li>open the batch in a journal ({@link CountBatches}: one document naming the units it moves);</li>
 *   <li>write the facts (one bulk of upserts by {@code _id});</li>
 *   <li>move the counts by the difference between the old and the new fact (one bulk of {@code $inc}, coalesced per
 *       document: a correction that changes the day moves one count, a retraction removes it);</li>
 *   <li>close the batch (delete its journal document).</li>
 * </ol>
 * Every write is addressed by {@code _id} alone: the MongoDB wire server of the local stack uses its {@code _id} index
 * only for such filters (a filter with a second field scans the collection), so the cost of an event does not depend
 * on how many facts are stored. The read-compare-write needs one writer per publication and generation at a time:
 * live events are keyed by publication id (one partition, one consumer thread), and a rebuild in this process takes the
 * same per-collection lock as the live consumer. A batch left open (an error or a crash between its writes) has its
 * units' counts recounted from the facts before the next batch ({@link CountBatches}). Two writes per event at most
 * (its fact, its share of the coalesced counts), whatever the history. A retraction keeps the fact (with its revision,
 * {@code counted=false}) so a late "recorded" cannot revive it.
 */
@Component
public class PublicationFactProjection {
    public static final String COLLECTION = "publication_facts";

    private final MongoTemplate mongo;
    private final CountBatches batches;
    /** One writer per facts collection (generation) in this process: the live consumer and a rebuild. */
    private final Map<String, ReentrantLock> locks = new java.util.concurrent.ConcurrentHashMap<>();

    public PublicationFactProjection(MongoTemplate mongo, CountBatches batches) {
        this.mongo = mongo;
        this.batches = batches;
    }

    public static boolean handles(String type) {
        return type.startsWith("vn.cchc.publication.");
    }

    /** One publication event as delivered. */
    public record FactEvent(String type, JsonNode data, Instant time) {
        String publicationId() {
            return data.required("publicationId").asString();
        }

        long revision() {
            return data.required("revision").asLong();
        }
    }

    /**
     * A publication whose fact changed: the events newer than what was stored ({@code events}, oldest first), and the
     * counted item before and after (null when it did not count).
     */
    public record Applied(String publicationId, List<FactEvent> events, Contribution before, Contribution after) {
        public FactEvent last() {
            return events.getLast();
        }
    }

    /** Recounts the units of interrupted batches of one generation, under the same lock as its batches. */
    public void recoverInterrupted(String factsCollection, String countsCollection) {
        ReentrantLock lock = locks.computeIfAbsent(factsCollection, k -> new ReentrantLock());
        lock.lock();
        try {
            batches.recoverInterrupted(CountBatches.collectionFor(countsCollection), factsCollection, countsCollection);
        } finally {
            lock.unlock();
        }
    }

    /** Applies a batch; returns what changed, one entry per publication. */
    public List<Applied> applyBatch(List<FactEvent> events, String factsCollection, String countsCollection) {
        if (events.isEmpty()) {
            return List.of();
        }
        for (FactEvent e : events) {
            counted(e.type(), e.data()); // refuses a non-publication type before anything is written
        }
        ReentrantLock lock = locks.computeIfAbsent(factsCollection, k -> new ReentrantLock());
        lock.lock();
        try {
            return applyLocked(events, factsCollection, countsCollection);
        } finally {
            lock.unlock();
        }
    }

    private List<Applied> applyLocked(List<FactEvent> events, String factsCollection, String countsCollection) {
        String journal = CountBatches.collectionFor(countsCollection);
        batches.recoverInterrupted(journal, factsCollection, countsCollection);

        Map<String, List<FactEvent>> byId = new LinkedHashMap<>();
        for (FactEvent e : events) {
            byId.computeIfAbsent(e.publicationId(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Document> stored = new HashMap<>();
        for (Document d : mongo.find(Query.query(Criteria.where("_id").in(byId.keySet())), Document.class, factsCollection)) {
            stored.put(d.getString("_id"), d);
        }
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, List<FactEvent>> e : byId.entrySet()) {
            Document old = stored.get(e.getKey());
            long storedRevision = old == null ? -1 : ((Number) old.get("revision")).longValue();
            List<FactEvent> newer = e.getValue().stream().filter(ev -> ev.revision() > storedRevision)
                    .sorted(Comparator.comparingLong(FactEvent::revision)).toList();
            if (!newer.isEmpty()) {
                writes.add(write(old, newer));
            }
        }
        if (writes.isEmpty()) {
            return List.of();
        }

        List<Contribution> moved = new ArrayList<>();
        writes.forEach(w -> {
            addIfCounted(moved, w.before());
            addIfCounted(moved, w.after());
        });
        String batch = batches.open(journal, moved);
        writeFacts(writes, factsCollection);
        moveCounts(writes, countsCollection);
        batches.close(journal, batch);

        List<Applied> applied = new ArrayList<>();
        writes.forEach(w -> applied.add(new Applied(w.id(), w.events(), w.before(), w.after())));
        return applied;
    }

    private record Write(String id, Update update, List<FactEvent> events, Contribution before, Contribution after) {
    }

    private static Write write(Document old, List<FactEvent> newer) {
        FactEvent last = newer.getLast();
        JsonNode data = last.data();
        boolean counted = counted(last.type(), data);
        Update update = new Update().set("counted", counted).set("revision", last.revision());
        Contribution after = null;
        JsonNode publishedAt = data.get("publishedAt");
        if (publishedAt != null && !publishedAt.isNull()) {
            Instant at = Instant.parse(publishedAt.asString());
            LocalDate day = VietnamTime.date(at);
            JsonNode path = data.required("unitPath");
            List<String> themes = new ArrayList<>();
            data.path("themes").forEach(t -> themes.add(t.asString()));
            String unitId = data.required("unitId").asString();
            String channel = data.required("channel").asString();
            String kind = data.required("kind").asString();
            update.set("unitId", unitId)
                    .set("province", path.path("province").asString(null))
                    .set("commune", path.path("commune").asString(null))
                    .set("channel", channel)
                    .set("kind", kind)
                    .set("title", data.path("title").asString(null))
                    .set("url", data.path("url").asString(null))
                    .set("planId", data.path("planId").asString(null))
                    .set("taskId", data.path("taskId").asString(null))
                    .set("themes", themes)
                    .set("publishedAt", at)
                    .set("date", day.toString())
                    .set("year", day.getYear())
                    .set("month", day.getMonthValue());
            after = counted ? new Contribution(unitId, day, channel, kind) : null;
        } else if (counted && old != null) {
            after = contribution(old); // an event without the item's fields keeps the stored ones
        }
        Contribution before = old == null ? null : contribution(old);
        return new Write(last.publicationId(), update, newer, before, after);
    }

    private void writeFacts(List<Write> writes, String collection) {
        if (writes.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        writes.forEach(w -> bulk.upsert(Query.query(Criteria.where("_id").is(w.id())), w.update()));
        bulk.execute();
    }

    /** The difference between the old and the new facts, coalesced per counts document, in one bulk of {@code $inc}. */
    private void moveCounts(List<Write> writes, String collection) {
        Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();
        for (Write w : writes) {
            add(deltas, w.before(), -1);
            add(deltas, w.after(), 1);
        }
        deltas.values().forEach(fields -> fields.values().removeIf(n -> n == 0));
        deltas.values().removeIf(Map::isEmpty);
        if (deltas.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        deltas.forEach((id, fields) -> {
            Update update = new Update();
            fields.forEach((field, n) -> update.inc("c." + field, n));
            String[] key = id.split("\\|", 3);
            update.setOnInsert("year", Integer.parseInt(key[0])).setOnInsert("scope", key[1]).setOnInsert("unitId", key[2]);
            bulk.upsert(Query.query(Criteria.where("_id").is(id)), update);
        });
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            // two writers creating the same counts document: the loser's upsert collides; an $inc on the now existing
            // document is what it meant
            for (var error : e.getErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
            }
            retryIncrements(e, deltas, collection);
        }
    }

    private void retryIncrements(BulkOperationException e, Map<String, Map<String, Long>> deltas, String collection) {
        List<String> ids = new ArrayList<>(deltas.keySet());
        for (var error : e.getErrors()) {
            String id = ids.get(error.getIndex());
            Update update = new Update();
            deltas.get(id).forEach((field, n) -> update.inc("c." + field, n));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, collection);
        }
    }

    private static void add(Map<String, Map<String, Long>> deltas, Contribution c, long n) {
        if (c == null) {
            return;
        }
        for (String[] counter : c.counters()) {
            deltas.computeIfAbsent(counter[0], k -> new LinkedHashMap<>()).merge(counter[1], n, Long::sum);
        }
    }

    private static boolean counted(String type, JsonNode data) {
        return switch (type) {
            case "vn.cchc.publication.recorded.v1", "vn.cchc.publication.corrected.v1" -> !data.path("retracted").asBoolean(false);
            case "vn.cchc.publication.retracted.v1" -> false;
            default -> throw new IllegalArgumentException("not a publication event: " + type);
        };
    }

    /** What a stored fact counts as, null when it does not count. */
    static Contribution contribution(Document fact) {
        if (!Boolean.TRUE.equals(fact.get("counted")) || fact.getString("date") == null) {
            return null;
        }
        return new Contribution(fact.getString("unitId"), LocalDate.parse(fact.getString("date")), fact.getString("channel"),
                fact.getString("kind"));
    }

    private static void addIfCounted(List<Contribution> list, Contribution c) {
        if (c != null) {
            list.add(c);
        }
    }
}
