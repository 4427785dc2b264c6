package vn.cchc.task.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A task as the API shows it. */
public record TaskView(String id, String planId, String entryId, TaskSource source, String title, String unitId,
                       List<String> coordinatingUnitIds, String channel, String kind, List<String> products,
                       TimeFrame timeFrame, LocalDate dueDate, LocalDate reviewBy, TaskWindow window, TaskStatus status,
                       TaskStatus previousStatus, List<String> evidence, List<Note> notes, long revision,
                       Instant createdAt, Instant changedAt) {

    /** {@code reviewBy}: for an open ongoing task, the cut-off of the current reporting period. */
    public static TaskView of(Task t, LocalDate today) {
        LocalDate reviewBy = t.getStatus().isOpen() && t.getTimeFrame() != null
                && t.getTimeFrame().type() == TimeFrameType.ONGOING ? ReviewPeriods.nextReview(today) : null;
        return new TaskView(t.getId(), t.getPlanId(), t.getEntryId(), t.getSource(), t.getTitle(), t.getUnitId(),
                t.getCoordinatingUnitIds(), t.getChannel(), t.getKind(), t.getProducts(), t.getTimeFrame(),
                t.getDueDate(), reviewBy, t.getWindow(), t.getStatus(), t.getPreviousStatus(), t.getEvidence(), t.getNotes(),
                t.getRevision(), t.getCreatedAt(), t.getChangedAt());
    }
}
