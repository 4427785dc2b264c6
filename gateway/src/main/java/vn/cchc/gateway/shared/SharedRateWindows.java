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
 * Request counts per caller in fixed windows of one period, shared by every gateway replica: one atomic
 * {@code findOneAndUpdate($inc, upsert)} per request on {@code <caller>@<window start>}, so N replicas enforce one
 * limit. A fixed window lets a caller spend up to twice the capacity across a window boundary; that is the price of
 * one round trip per request (a sliding estimate needs a second read).
 */
public class SharedRateWindows {
    static final String COLLECTION = "rate_windows";
    private final SharedStore store;

    public SharedRateWindows(SharedStore store) {
        this.store = store;
    }

    /** Counts one request of {@code caller}; empty when the store did not answer (the caller falls back). */
    public Optional<Window> consume(String caller, long capacity, Duration period) {
        Instant now = store.now();
        long periodMillis = period.toMillis();
        long start = now.toEpochMilli() / periodMillis * periodMillis;
        Instant end = Instant.ofEpochMilli(start + periodMillis);
        return store.call("rate-limit", COLLECTION, windows -> {
            Document counted = windows.findOneAndUpdate(Filters.eq("_id", caller + "@" + start),
                    Updates.combine(Updates.inc("count", 1L), Updates.setOnInsert("expiresAt", Date.from(end.plus(period)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long count = ((Number) counted.get("count")).longValue();
            return new Window(count <= capacity, Math.max(0, capacity - count), Duration.between(now, end));
        });
    }

    /** The outcome for one request: allowed or not, what is left in this window, and when the next one starts. */
    public record Window(boolean allowed, long remaining, Duration untilNextWindow) {
    }
}
