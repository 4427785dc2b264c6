package vn.cchc.plan.plans;

/** The minimum of a target applies to each such period of the plan year, or once to the whole plan. */
public enum TargetPeriod { YEAR, QUARTER, MONTH, PLAN }
