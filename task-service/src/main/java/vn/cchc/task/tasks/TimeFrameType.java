package vn.cchc.task.tasks;

/** How a plan states when a task is due ("Thời gian thực hiện"). */
public enum TimeFrameType {
    DATE, MONTH, QUARTER, YEAR,
    /** "Thường xuyên": no due date, reviewed every reporting period. */
    ONGOING,
    /** "Khi có kết quả công bố": due only once triggered. */
    ON_RESULTS
}
