package vn.cchc.task.calendar;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A revocable, read-only calendar subscription ("secret address"): the feed of one unit's dated tasks, served without
 * a token to whoever holds the key. Only the SHA-256 of the key is stored, so a copy of the database does not give
 * the addresses away; {@code scopes} are the units the owner's token allowed when it was created, and the feed never
 * shows anything outside them.
 */
// real MongoDB uses these; the local wire server ignores non-unique indexes (docs/profiling.md)
@CompoundIndex(name = "subscriptions_by_owner", def = "{'owner': 1, 'createdAt': 1}") // the owner's list, oldest first
@Document("calendar_subscriptions")
public record CalendarSubscription(
        @Id String id,
        /* hex SHA-256 of the key; the key itself is shown once, at creation */
        @Indexed(unique = true) String keyHash,
        /* the token's subject: only the owner lists and revokes it */
        @Indexed String owner,
        String ownerUsername,
        String unitId,
        List<String> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt) {

    boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
