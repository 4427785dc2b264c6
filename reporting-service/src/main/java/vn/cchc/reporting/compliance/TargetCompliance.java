package vn.cchc.reporting.compliance;

import java.util.List;

/** One target of one plan with every period instance of its year, and the instance running on the evaluation day. */
public record TargetCompliance(String planId, String planTitle, String targetId, String description, String unitId,
                               String scope, String period, List<String> kinds, List<String> channels, int minimum,
                               PeriodCompliance current, List<PeriodCompliance> periods) {
}
