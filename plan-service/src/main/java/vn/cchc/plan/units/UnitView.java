package vn.cchc.plan.units;

import java.time.Instant;
import java.util.List;

public record UnitView(String unitId, String parentId, String name, UnitKind kind, UnitStatus status,
                       List<UnitChannel> channels, long revision, Instant createdAt, Instant changedAt) {
    static UnitView of(Unit u) {
        return new UnitView(u.getId(), u.getParentId(), u.getName(), u.getKind(), u.getStatus(), u.getChannels(),
                u.getRevision(), u.getCreatedAt(), u.getChangedAt());
    }
}
