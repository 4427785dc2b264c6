package vn.cchc.task.tasks;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.units.UnitPath;

/** The public events of a task; their shape is the contract in contracts/events/vn.cchc.task.*. */
public final class TaskEvents {
    public static final String TOPIC = "cchc.task.events";
    public static final String CREATED = "vn.cchc.task.created.v1";
    public static final String STATUS_CHANGED = "vn.cchc.task.status-changed.v1";

    private TaskEvents() {
    }

    static PendingEvent created(Task task) {
        return PendingEvent.of(CREATED, TOPIC, task.getId(), task.getChangedAt(), state(task));
    }

    static PendingEvent statusChanged(Task task) {
        return PendingEvent.of(STATUS_CHANGED, TOPIC, task.getId(), task.getChangedAt(), state(task));
    }

    /** Event-carried state, JSON-native values only (dates and instants as ISO strings). */
    static Map<String, Object> state(Task task) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.getId());
        data.put("revision", task.getRevision());
        data.put("planId", task.getPlanId());
        data.put("entryId", task.getEntryId());
        data.put("source", task.getSource().name());
        data.put("title", task.getTitle());
        data.put("unitId", task.getUnitId());
        data.put("unitPath", UnitPath.of(task.getUnitId()));
        data.put("dueDate", task.getDueDate() == null ? null : task.getDueDate().toString());
        TaskWindow window = task.getWindow();
        data.put("window", window == null ? null
                : new LinkedHashMap<>(Map.of("start", window.start().toString(), "end", window.end().toString())));
        data.put("status", task.getStatus().name());
        data.put("previousStatus", task.getPreviousStatus() == null ? null : task.getPreviousStatus().name());
        data.put("evidence", task.getEvidence());
        data.put("changedAt", task.getChangedAt().toString());
        return data;
    }
}
