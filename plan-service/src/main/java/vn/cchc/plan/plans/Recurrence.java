package vn.cchc.plan.plans;

/** How often a RECURRING time frame repeats ("hàng tuần", "hàng tháng", "hàng quý", "hàng năm"). */
public enum Recurrence { WEEKLY, MONTHLY, QUARTERLY, YEARLY }
