package vn.cchc.gateway.shared;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** Signed-out access tokens by {@code jti}, until they expire, seen by every gateway replica. */
public class SharedRevocations {
    static final String COLLECTION = "revoked_tokens";
    private final SharedStore store;

    public SharedRevocations(SharedStore store) {
        this.store = store;
    }

    /** False when the store did not take it (the replica's own list still has it). */
    public boolean revoke(String jti, Instant keepUntil) {
        return store.call("revoke", COLLECTION, tokens -> tokens.replaceOne(Filters.eq("_id", jti),
                new Document("_id", jti).append("expiresAt", Date.from(keepUntil)), new ReplaceOptions().upsert(true))).isPresent();
    }

    /** Empty when the store did not answer. */
    public Optional<Boolean> isRevoked(String jti) {
        Date now = Date.from(store.now());
        return store.call("revoked-check", COLLECTION, tokens -> tokens.find(
                Filters.and(Filters.eq("_id", jti), Filters.gt("expiresAt", now))).first() != null);
    }
}
