package vn.cchc.plan.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.units.UnitPath;

/** {@code vn.cchc.unit.changed.v1}: the unit's full state on every change (contracts/events). */
public final class UnitEvents {
    public static final String TOPIC = "cchc.unit.events";
    public static final String CHANGED = "vn.cchc.unit.changed.v1";

    private UnitEvents() {
    }

    static PendingEvent changed(Unit unit) {
        return PendingEvent.of(CHANGED, TOPIC, unit.getId(), unit.getChangedAt(), state(unit));
    }

    static Map<String, Object> state(Unit unit) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitId", unit.getId());
        data.put("revision", unit.getRevision());
        data.put("parentId", unit.getParentId());
        data.put("name", unit.getName());
        data.put("kind", unit.getKind().name());
        data.put("status", unit.getStatus().name());
        data.put("unitPath", UnitPath.of(unit.getId()));
        List<Map<String, Object>> channels = unit.getChannels().stream().map(c -> {
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("channel", c.channel().name());
            channel.put("name", c.name());
            channel.put("url", c.url());
            return channel;
        }).toList();
        data.put("channels", channels);
        data.put("changedAt", unit.getChangedAt().toString());
        return data;
    }
}
