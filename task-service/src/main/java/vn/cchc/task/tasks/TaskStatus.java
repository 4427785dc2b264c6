package vn.cchc.task.tasks;

public enum TaskStatus {
    PLANNED, IN_PROGRESS, DONE, OVERDUE, CANCELLED;

    /** Unfinished and not cancelled: the statuses a due date, evidence or the overdue check can move. */
    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS || this == OVERDUE;
    }
}
