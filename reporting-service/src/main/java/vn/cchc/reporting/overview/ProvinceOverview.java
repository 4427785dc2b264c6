package vn.cchc.reporting.overview;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.cchc.reporting.compliance.PeriodCompliance;
import vn.cchc.reporting.compliance.PeriodLabel;
import vn.cchc.reporting.compliance.TargetStatus;

/**
 * The daily overview of a province (or of one commune): per commune every target with its current period, its counts
 * this month and this year, twelve monthly counts and every period instance; and the province's monthly trend.
 *
 * @param summary of every commune target shown, by the status of its current period (no NOT_STARTED key)
 * @param trend   one point per month of the year up to the month of {@code asOf}
 * @param metPeriods    period instances of every commune target shown MET so far this year (the communes' sum)
 * @param missedPeriods period instances that ended below their minimum so far this year (the communes' sum)
 */
public record ProvinceOverview(String unitId, String name, int year, LocalDate asOf, Map<TargetStatus, Integer> summary,
                               List<TrendPoint> trend, List<CommuneOverview> communes, int metPeriods, int missedPeriods) {

    /** The status vocabulary, so a client needs no map of its own. */
    @JsonProperty("statusLabels")
    public Map<TargetStatus, String> statusLabels() {
        return TargetStatus.labels();
    }

    /**
     * @param metPeriods    period instances of its targets MET as of {@code asOf} (running ones that reached the minimum
     *                      included)
     * @param missedPeriods period instances that ended below their minimum by {@code asOf}
     */
    public record CommuneOverview(String unitId, String name, Map<TargetStatus, Integer> summary, int metPeriods,
                                  int missedPeriods, List<TargetOverview> targets) {
    }

    /**
     * @param unitId         the unit the target is set on (the commune or a unit beneath it)
     * @param countThisMonth items counted in the month of {@code asOf} (0 when {@code asOf} lies outside the year)
     * @param countThisYear  items counted in the year up to {@code asOf}
     * @param monthly        items counted per calendar month, January first (12 numbers)
     */
    public record TargetOverview(String planId, String planNumber, String planTitle, String targetId, String description,
                                 String unitId, List<String> channels, List<String> kinds, String periodKind,
                                 String periodKindLabel, int minimum, LocalDate effectiveFrom, PeriodCompliance current,
                                 long countThisMonth, long countThisYear, List<Long> monthly, List<PeriodCompliance> periods) {
    }

    /**
     * How many commune targets stood in each status at the end of {@code month}: each target judged by its period
     * instance running on {@code asOf}. For a past month ({@code closed}) {@code asOf} is its last day, judged at its
     * close (items up to that day, the whole day elapsed: a monthly target's instance is MET or MISSED); for the month
     * of the request's {@code asOf} ({@code closed=false}) it is that day, judged as the roll-up judges it.
     */
    public record TrendPoint(String month, LocalDate asOf, boolean closed, Map<TargetStatus, Integer> summary) {
        @JsonProperty("label")
        public String label() {
            return PeriodLabel.of(month);
        }
    }
}
