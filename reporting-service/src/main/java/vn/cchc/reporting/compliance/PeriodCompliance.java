package vn.cchc.reporting.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * @param countedFrom   the first day items count: the period's start, or for a YEAR / PLAN target of a plan in force
 *                      later in its year, the plan's effective start
 * @param expectedByNow the count the pace asks for as of the evaluation day: minimum × elapsed fraction of the period
 *                      (from {@code countedFrom})
 */
public record PeriodCompliance(String period, LocalDate start, LocalDate end, LocalDate countedFrom, long count, int minimum,
                               double expectedByNow, TargetStatus status) {

    /** The period in words ("Tháng 6/2026", "Quý III/2026", "Năm 2026"), next to its code. */
    @JsonProperty("label")
    public String label() {
        return PeriodLabel.of(period);
    }

    /** The status in words, the one vocabulary of dashboards and documents. */
    @JsonProperty("statusLabel")
    public String statusLabel() {
        return status.label();
    }

    /** Judged: met, missed, on track or at risk (not UPCOMING, not NOT_STARTED). */
    public boolean judged() {
        return status != TargetStatus.UPCOMING && status != TargetStatus.NOT_STARTED;
    }
}
