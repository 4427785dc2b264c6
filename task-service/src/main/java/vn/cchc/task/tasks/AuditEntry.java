package vn.cchc.task.tasks;

import java.time.Instant;

/**
 * Who changed a task through the API, when, and what: kept in the task document itself, written in the same
 * single-document save as the change. {@code by} is the caller's username from the token, {@code at} the
 * injected clock's time.
 *
 * <ul>
 *   <li>{@code STATUS_CHANGED}: {@code from} / {@code to} are statuses (the status the task actually went to,
 *       e.g. {@code OVERDUE} when work is reported after the due day);</li>
 *   <li>{@code NOTE_ADDED}: {@code note} is the text (the note's author is in the note itself);</li>
 *   <li>{@code TRIGGERED}: {@code from} / {@code to} are due dates (yyyy-mm-dd, {@code from} null the first time).</li>
 * </ul>
 */
public record AuditEntry(Instant at, String by, Kind action, String from, String to, String note) {
    public enum Kind { STATUS_CHANGED, NOTE_ADDED, TRIGGERED }

    static AuditEntry statusChanged(Instant at, String by, TaskStatus from, TaskStatus to) {
        return new AuditEntry(at, by, Kind.STATUS_CHANGED, from.name(), to.name(), null);
    }

    static AuditEntry noteAdded(Instant at, String by, String note) {
        return new AuditEntry(at, by, Kind.NOTE_ADDED, null, null, note);
    }

    static AuditEntry triggered(Instant at, String by, String fromDueDate, String toDueDate) {
        return new AuditEntry(at, by, Kind.TRIGGERED, fromDueDate, toDueDate, null);
    }
}
