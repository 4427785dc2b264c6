package vn.cchc.task.tasks;

/** How a plan states when a task is due ("Thời gian thực hiện"). */
public enum TimeFrameType {
    DATE, MONTH, QUARTER,
    /** "6 tháng đầu năm" / "6 tháng cuối năm": {@code half} 1 or 2, due 30/6 or 31/12. */
    HALF_YEAR,
    YEAR,
    /** "Từ tháng 3 đến tháng 6": {@code fromMonth}..{@code toMonth}, due at the end of {@code toMonth}. */
    RANGE,
    /** "Hàng tháng", "hàng quý"…: no single due date, reviewed every reporting period like ONGOING. */
    RECURRING,
    /** "Thường xuyên": no due date, reviewed every reporting period. */
    ONGOING,
    /** "Khi có kết quả công bố": due only once triggered. */
    ON_RESULTS,
    /** "Theo kế hoạch của tỉnh": the date is set by a higher-level plan; no single due date, like ONGOING. */
    PER_HIGHER_PLAN;

    /** The types that have no due date of their own and are reviewed every reporting period instead. */
    public boolean isReviewedPeriodically() {
        return this == ONGOING || this == RECURRING || this == PER_HIGHER_PLAN;
    }

    /** The type named in a plan event; a type this service does not know yet is read as ONGOING (no due date). */
    public static TimeFrameType parse(String name) {
        if (name == null || name.isBlank()) {
            return ONGOING;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return ONGOING;
        }
    }
}
