package vn.cchc.gateway.shared;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway replicas' shared MongoDB database, failing open: an operation that fails (store down, timeout) answers
 * empty, and the caller falls back to its own per-replica state: a gateway must not refuse all traffic because
 * MongoDB blipped. After a failure the store is not tried again for {@link #PAUSE}, so an outage costs one timeout
 * per pause rather than one per request. Each fallback is counted in
 * {@code cchc_gateway_shared_store_fallbacks_total{operation}} and logged (WARN, at most once per pause).
 */
public class SharedStore {
    static final Duration PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SharedStore.class);
    private final MongoDatabase database;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);
    private volatile boolean indexed;

    public SharedStore(MongoDatabase database, MeterRegistry meters, Clock clock) {
        this.database = database;
        this.meters = meters;
        this.clock = clock;
    }

    /** Runs {@code operation} on the named collection; empty when the store is paused or the operation failed. */
    <T> Optional<T> call(String operation, String collection, Function<MongoCollection<Document>, T> work) {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil.get())) {
            fallback(operation);
            return Optional.empty();
        }
        try {
            ensureIndexes();
            return Optional.ofNullable(work.apply(database.getCollection(collection)));
        } catch (MongoException | IllegalStateException e) {
            Instant previous = pausedUntil.getAndSet(now.plus(PAUSE));
            if (!now.isBefore(previous.plus(PAUSE))) {
                log.warn("Shared store (MongoDB {}) unavailable for {}: each replica applies its own limits for at least {} s: {}",
                        database.getName(), operation, PAUSE.toSeconds(), e.toString());
            }
            fallback(operation);
            return Optional.empty();
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** Documents carry {@code expiresAt}; MongoDB deletes them after it (the readers never trust an expired one). */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        for (String collection : new String[] {SharedRateWindows.COLLECTION, SharedRevocations.COLLECTION, SharedSignInFailures.COLLECTION}) {
            database.getCollection(collection).createIndex(Indexes.ascending("expiresAt"),
                    new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
        }
        indexed = true;
    }

    private void fallback(String operation) {
        Counter.builder("cchc.gateway.shared.store.fallbacks")
                .description("Operations on the gateways' shared store that fell back to the replica's own state")
                .tag("operation", operation)
                .register(meters).increment();
    }
}
