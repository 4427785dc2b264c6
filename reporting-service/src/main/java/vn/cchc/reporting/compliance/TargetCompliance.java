package vn.cchc.reporting.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * One target of one plan with every period instance of its year, and the instance running on the evaluation day.
 * {@code effectiveFrom} is the plan's effective start (1 January of the plan year when the plan states none): periods
 * ending before it are NOT_STARTED.
 */
public record TargetCompliance(String planId, String planTitle, String targetId, String description, String unitId,
                               String scope, String period, List<String> kinds, List<String> channels, int minimum,
                               PeriodCompliance current, List<PeriodCompliance> periods, LocalDate effectiveFrom) {
}
