package vn.cchc.platform.outbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which replica runs the full passes of an outbox collection: a lease document per collection in {@code outbox_leases}
 * ({@code _id} = collection, {@code owner}, {@code until}), taken when free or expired and renewed by every pass of its
 * holder. Several replicas of a service would otherwise all pick up the same leftover events and send each of them
 * once per replica. Each replica still sends its own writes right after them (wake on write); the holder's passes skip
 * events younger than {@code fullPassGrace}, which their writers are sending. A holder that dies loses the lease when it
 * expires, and another replica's next pass takes it.
 */
final class OutboxLease {
    static final String COLLECTION = "outbox_leases";

    private final MongoTemplate mongo;
    private final Duration duration;
    private final String owner;

    OutboxLease(MongoTemplate mongo, Duration duration) {
        this.mongo = mongo;
        this.duration = duration;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** Takes or renews the lease of {@code collection}; false while another live replica holds it. */
    boolean hold(String collection) {
        Date now = new Date();
        Query freeOrMine = Query.query(Criteria.where("_id").is(collection)
                .orOperator(Criteria.where("owner").is(owner), Criteria.where("until").lt(now)));
        Update take = new Update().set("owner", owner).set("until", new Date(now.getTime() + duration.toMillis()));
        try {
            mongo.upsert(freeOrMine, take, COLLECTION);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false; // the document exists and matched neither condition
        }
    }

    /** Gives up the leases this replica holds (on shutdown), so another replica's next pass takes them at once. */
    void releaseAll() {
        mongo.remove(Query.query(Criteria.where("owner").is(owner)), COLLECTION);
    }

    String owner() {
        return owner;
    }
}
