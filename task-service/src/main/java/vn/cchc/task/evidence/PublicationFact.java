package vn.cchc.task.evidence;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * task-service's own record of a publication, kept from its events: enough to match it against tasks created
 * later (a broadcast recorded before its plan was issued) and to ignore stale or repeated events.
 */
// real MongoDB uses these; the local wire server ignores non-unique indexes (docs/profiling.md)
@CompoundIndex(name = "facts_by_channel_unit_time", def = "{'channel': 1, 'unitId': 1, 'publishedAt': 1}") // a task's window
@Document("publication_facts")
public record PublicationFact(
        @Id String publicationId,
        long revision,
        String unitId,
        @Indexed String channel,
        Instant publishedAt,
        @Indexed String taskId,
        /* kept after a retraction, with its revision, so a late duplicate of "recorded" cannot bring it back */
        boolean retracted,
        /* the revision whose links to tasks are complete; lags revision only while (or if a crash hit while) linking */
        long appliedRevision) {
}
