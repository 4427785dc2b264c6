package vn.cchc.plan.plans;

public enum ReportPeriod { QUARTER, HALF_YEAR, YEAR }
