package vn.cchc.reporting.counts;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * reporting-service's own record of one publication, kept from its events (consumer-owned, not a shared type).
 * Counts are aggregated from these facts, so a redelivered or reordered event cannot double a count:
 * the fact is replaced only by a higher revision.
 */
@Document("publication_facts")
public record PublicationFact(
        @Id String publicationId,
        long revision,
        @Indexed String unitId,
        String province,
        String commune,
        String channel,
        String kind,
        Instant publishedAt,
        @Indexed int year,
        int month,
        /* false once retracted: the fact stays (with its revision) so a late duplicate of "recorded" cannot revive it */
        boolean counted) {
}
