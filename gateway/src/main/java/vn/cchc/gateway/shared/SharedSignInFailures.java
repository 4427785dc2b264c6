package vn.cchc.gateway.shared;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Consecutive failed sign-ins per key ({@code user:<name>}, {@code ip:<address>}) shared by every gateway replica, so
 * a guesser gains nothing by spreading attempts over replicas: the count and the time of the last failure, from which
 * SignInGuard derives the lock. A count whose last failure is older than {@code forgetAfter} starts again.
 */
public class SharedSignInFailures {
    static final String COLLECTION = "sign_in_failures";
    private final SharedStore store;

    public SharedSignInFailures(SharedStore store) {
        this.store = store;
    }

    /** Counts one failure at {@code now}; empty when the store did not answer. */
    public Optional<Failures> fail(String key, Instant now, Duration forgetAfter) {
        return store.call("sign-in-failure", COLLECTION, failures -> {
            Document before = failures.findOneAndUpdate(Filters.eq("_id", key),
                    Updates.combine(Updates.inc("failures", 1), Updates.set("lastFailure", Date.from(now)),
                            Updates.set("expiresAt", Date.from(now.plus(forgetAfter)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
            if (before == null) {
                return new Failures(1, now);
            }
            if (stale(before, now, forgetAfter)) {
                // forgotten: this failure is the first of a new run
                failures.updateOne(Filters.eq("_id", key), Updates.set("failures", 1));
                return new Failures(1, now);
            }
            return new Failures(((Number) before.get("failures")).intValue() + 1, now);
        });
    }

    /** The current run of failures of {@code key}: empty optional when the store did not answer, null failures when none. */
    public Optional<Failures> current(String key, Instant now, Duration forgetAfter) {
        return store.call("sign-in-check", COLLECTION, failures -> {
            Document found = failures.find(Filters.eq("_id", key)).first();
            if (found == null || stale(found, now, forgetAfter)) {
                return Failures.NONE;
            }
            return new Failures(((Number) found.get("failures")).intValue(), found.getDate("lastFailure").toInstant());
        });
    }

    public void clear(String key) {
        store.call("sign-in-success", COLLECTION, failures -> failures.deleteOne(Filters.eq("_id", key)));
    }

    private static boolean stale(Document found, Instant now, Duration forgetAfter) {
        Date last = found.getDate("lastFailure");
        return last == null || !last.toInstant().plus(forgetAfter).isAfter(now);
    }

    /** How many consecutive failures, the last at {@code lastFailure}. */
    public record Failures(int failures, Instant lastFailure) {
        static final Failures NONE = new Failures(0, Instant.EPOCH);
    }
}
