package vn.cchc.reporting.counts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.cchc.reporting.counts.DayCounts.Contribution;

/**
 * The journal of batches in flight ({@code count_batches}, one per read-model generation): a batch writes one document
 * naming the units and years whose counts it moves before it writes anything, and deletes it when its facts and counts
 * are written. The facts and the counts are separate writes (the wire server has no transactions); a document still
 * there means a batch stopped between them, so before the next batch its units' counts are recounted from the facts
 * ({@link CountsRepair}) and the document goes. Two writes per batch, not per event.
 *
 * <p>This instance's own open batches are recovered at once (the batch failed and is being delivered again, or the
 * process was killed and started again: the owner is the host and port, which a restart keeps, a Kubernetes container
 * restart too); another instance's only when older than {@link #ABANDONED_AFTER} (that instance crashed: no batch runs
 * for minutes), so a replica never recounts under a batch another replica is writing. Recovery runs before each batch
 * and on a schedule ({@code InterruptedBatchSweep}), so counts are repaired even when no batch follows the crash.
 */
@Component
public class CountBatches {
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final CountsRepair repair;
    private final Clock clock;
    private final String owner;

    public CountBatches(MongoTemplate mongo, CountsRepair repair, Clock clock,
                        @org.springframework.beans.factory.annotation.Value("${server.port:0}") int port) {
        this.mongo = mongo;
        this.repair = repair;
        this.clock = clock;
        this.owner = ownerName(port);
    }

    /**
     * Host and port when the port is fixed (one instance per host and port, so a restarted process recognises its own
     * batches); a random id when the port is chosen at start (tests running several instances in one JVM).
     */
    static String ownerName(int port) {
        if (port <= 0) {
            return UUID.randomUUID().toString();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + ":" + port;
        } catch (java.net.UnknownHostException e) {
            return UUID.randomUUID().toString();
        }
    }

    /** The journal of the generation whose counts live in {@code countsCollection} (day_counts_g2 → count_batches_g2). */
    public static String collectionFor(String countsCollection) {
        return "count_batches" + countsCollection.substring(DayCounts.COLLECTION.length());
    }

    /** Records a batch about to move the counts of {@code moved}; returns its id. */
    String open(String journal, List<Contribution> moved) {
        Set<String> unitDays = new LinkedHashSet<>();
        moved.forEach(c -> unitDays.add(c.unitId() + "|" + c.date().getYear()));
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("owner", owner).append("startedAt", clock.instant())
                .append("unitYears", new ArrayList<>(unitDays)), journal);
        return id;
    }

    void close(String journal, String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), journal);
    }

    /** Recounts the units of interrupted batches (this instance's, or abandoned ones) and forgets those batches. */
    void recoverInterrupted(String journal, String factsCollection, String countsCollection) {
        Instant abandoned = clock.instant().minus(ABANDONED_AFTER);
        Query query = Query.query(new Criteria().orOperator(Criteria.where("owner").is(owner),
                Criteria.where("startedAt").lt(abandoned)));
        for (Document batch : mongo.find(query, Document.class, journal)) {
            List<Contribution> units = new ArrayList<>();
            for (String unitYear : batch.getList("unitYears", String.class)) {
                String[] parts = unitYear.split("\\|");
                units.add(new Contribution(parts[0], LocalDate.of(Integer.parseInt(parts[1]), 1, 1), null, null));
            }
            repair.recount(units, factsCollection, countsCollection);
            close(journal, batch.getString("_id"));
        }
    }
}
