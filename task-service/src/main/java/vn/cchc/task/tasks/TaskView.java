package vn.cchc.task.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task as the API shows it. {@code unitId} is the unit that tracks it; {@code leadName} the lead as the plan writes it
 * when that is a group or a body outside the directory (the task is then tracked by the plan's issuing unit).
 */
public record TaskView(String id, String planId, String entryId, TaskSource source, String title, String unitId,
                       String leadName, List<String> coordinatingUnitIds, List<String> coordinatorNames, String channel,
                       String kind, List<String> products,
                       TimeFrame timeFrame, LocalDate dueDate, LocalDate reviewBy, TaskWindow window, TaskStatus status,
                       TaskStatus previousStatus, List<String> evidence, List<Note> notes, long revision,
                       Instant createdAt, Instant changedAt) {

    /** {@code reviewBy}: for an open task without a due date of its own (ongoing, recurring, per the province's plan),
     * the cut-off of the current reporting period. */
    public static TaskView of(Task t, LocalDate today) {
        LocalDate reviewBy = t.getStatus().isOpen() && t.getTimeFrame() != null
                && t.getTimeFrame().type() != null && t.getTimeFrame().type().isReviewedPeriodically()
                ? ReviewPeriods.nextReview(today) : null;
        return new TaskView(t.getId(), t.getPlanId(), t.getEntryId(), t.getSource(), t.getTitle(), t.getUnitId(),
                t.getLeadName(), t.getCoordinatingUnitIds(), t.getCoordinatorNames(), t.getChannel(), t.getKind(),
                t.getProducts(), t.getTimeFrame(),
                t.getDueDate(), reviewBy, t.getWindow(), t.getStatus(), t.getPreviousStatus(), t.getEvidence(), t.getNotes(),
                t.getRevision(), t.getCreatedAt(), t.getChangedAt());
    }
}
