package vn.cchc.task.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A task as the API shows it. */
public record TaskView(String id, String planId, String entryId, TaskSource source, String title, String unitId,
                       List<String> coordinatingUnitIds, String channel, String kind, List<String> products,
                       TimeFrame timeFrame, LocalDate dueDate, TaskWindow window, TaskStatus status,
                       TaskStatus previousStatus, List<String> evidence, List<Note> notes, long revision,
                       Instant createdAt, Instant changedAt) {

    public static TaskView of(Task t) {
        return new TaskView(t.getId(), t.getPlanId(), t.getEntryId(), t.getSource(), t.getTitle(), t.getUnitId(),
                t.getCoordinatingUnitIds(), t.getChannel(), t.getKind(), t.getProducts(), t.getTimeFrame(),
                t.getDueDate(), t.getWindow(), t.getStatus(), t.getPreviousStatus(), t.getEvidence(), t.getNotes(),
                t.getRevision(), t.getCreatedAt(), t.getChangedAt());
    }
}
