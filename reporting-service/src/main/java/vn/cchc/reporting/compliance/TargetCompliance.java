package vn.cchc.reporting.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * One target of one plan with every period instance of its year, and the instance running on the evaluation day.
 * {@code effectiveFrom} is the plan's effective start (1 January of the plan year when the plan states none): periods
 * ending before it are NOT_STARTED. {@code monthly}: the items the target counts (in any of its periods, up to the
 * evaluation day) per calendar month of the plan year, January first, Vietnam time; summed over a period's months it
 * gives the period's count.
 */
public record TargetCompliance(String planId, String planTitle, String targetId, String description, String unitId,
                               String scope, String period, List<String> kinds, List<String> channels, int minimum,
                               PeriodCompliance current, List<PeriodCompliance> periods, LocalDate effectiveFrom,
                               List<Long> monthly) {

    /** How often the target is judged, in words ("Hằng tháng"…). */
    @JsonProperty("periodLabel")
    public String periodLabel() {
        return PeriodLabel.ofKind(period);
    }

    /** The target as the plan defines it (for {@link ComplianceCalculator#counts}). */
    public TargetDef definition() {
        return new TargetDef(targetId, description, kinds, channels, minimum, period, scope, unitId);
    }

    /** Items counted in the plan year up to the evaluation day (the sum of {@code monthly}). */
    public long countThisYear() {
        return monthly.stream().mapToLong(Long::longValue).sum();
    }
}
