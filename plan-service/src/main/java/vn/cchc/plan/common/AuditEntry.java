package vn.cchc.plan.common;

import java.time.Instant;
import java.util.List;

/**
 * One line of an aggregate's audit trail: when (the injected Clock), who (the token's username, or "system"),
 * what action, which fields changed, and the revision it produced (plans) and a note (amendment note, old → new
 * values for units). Stored in the aggregate's own document, in the same write as the change it records.
 */
public record AuditEntry(Instant at, String by, String action, List<String> changed, Long revision, String note) {
    public AuditEntry {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
