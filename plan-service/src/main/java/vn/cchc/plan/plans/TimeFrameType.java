package vn.cchc.plan.plans;

/** How a task's time frame is written: a date, a month, a quarter, the year, "Thường xuyên", "Khi có kết quả công bố". */
public enum TimeFrameType { DATE, MONTH, QUARTER, YEAR, ONGOING, ON_RESULTS }
