package vn.cchc.reporting.compliance;

import java.time.LocalDate;

/**
 * @param expectedByNow the count the pace asks for as of the evaluation day: minimum × elapsed fraction of the period
 */
public record PeriodCompliance(String period, LocalDate start, LocalDate end, long count, int minimum,
                               double expectedByNow, TargetStatus status) {
}
