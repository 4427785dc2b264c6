package vn.cchc.publication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The audit trail of a publication: who changed what and when. It is read from the item's own document: every
 * change stores its version (with {@code at} from the service clock and {@code by} from the token) in the same
 * single-document write as the change and its event, so the trail can be neither missing nor ahead of the item.
 * {@code changes} is the difference between a version and the one before it (for the recording: every field set).
 */
record PublicationAudit(String id, String unitId, long revision, String recordedBy, List<Entry> entries) {
    /** Bookkeeping fields that change with every version and say nothing about what the user changed. */
    private static final Set<String> NOT_CHANGES = Set.of("publicationId", "revision", "unitPath", "recordedAt", "changedAt");

    record FieldChange(Object from, Object to) {
    }

    record Entry(long revision, Publication.Change action, Instant at, String by, Map<String, FieldChange> changes) {
    }

    static PublicationAudit of(Publication p) {
        List<Publication.PastVersion> versions = new ArrayList<>(p.getHistory());
        versions.sort(Comparator.comparingLong(Publication.PastVersion::revision));
        versions.add(new Publication.PastVersion(p.getRevision(), p.getLastChange(), p.getChangedAt(), p.getChangedBy(),
                PublicationEvents.state(p)));
        List<Entry> entries = new ArrayList<>();
        Map<String, Object> before = Map.of();
        for (Publication.PastVersion version : versions) {
            entries.add(new Entry(version.revision(), version.change(), version.at(), version.by(),
                    changes(before, version.state())));
            before = version.state();
        }
        return new PublicationAudit(p.getId(), p.getUnitId(), p.getRevision(), p.getRecordedBy(), entries);
    }

    static Map<String, FieldChange> changes(Map<String, Object> rawBefore, Map<String, Object> rawAfter) {
        Map<?, ?> before = (Map<?, ?>) normalize(rawBefore);
        Map<?, ?> after = (Map<?, ?>) normalize(rawAfter);
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String field : after.keySet().stream().map(Object::toString).toList()) {
            if (!NOT_CHANGES.contains(field) && !Objects.equals(before.get(field), after.get(field))) {
                changes.put(field, new FieldChange(before.get(field), after.get(field)));
            }
        }
        for (String field : before.keySet().stream().map(Object::toString).toList()) {
            if (!NOT_CHANGES.contains(field) && !after.containsKey(field) && before.get(field) != null) {
                changes.put(field, new FieldChange(before.get(field), null));
            }
        }
        return changes;
    }

    /** Versions read back from MongoDB hold BSON documents and Integers where a fresh state holds maps and Longs. */
    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(String.valueOf(k), normalize(v)));
            return plain;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PublicationAudit::normalize).toList();
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
