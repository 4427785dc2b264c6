package vn.cchc.plan.plans;

/**
 * How a task's time frame is written: a date, a month, a quarter, a half-year, the year, a range of months
 * ("từ tháng 3 đến tháng 6"), recurring ("hàng tháng"), "Thường xuyên", "Khi có kết quả công bố",
 * or "theo kế hoạch của tỉnh" (set by a higher-level plan).
 */
public enum TimeFrameType { DATE, MONTH, QUARTER, HALF_YEAR, YEAR, RANGE, RECURRING, ONGOING, ON_RESULTS, PER_HIGHER_PLAN }
