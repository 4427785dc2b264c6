package vn.cchc.reporting.periodic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.score.ParScore;
import vn.cchc.reporting.tasks.TaskView;

/**
 * A periodic report of one unit (its subunits included) for one reporting period: the items and tasks inside the
 * data window, the plans concerned (with their effective start), and each target's position as of the window's last day
 * (targets whose plan is not in force in any period yet are left out). The JSON form and the source of the documents.
 *
 * <p>Two sets of items, both listed so that every figure can be traced to its items: {@code items}, those of the data
 * window ("trong kỳ báo cáo", section 2 of the document); and {@code itemsToDate}, every counted item of the plan year
 * from 1 January ({@code countedFrom}) to the window's last day, the base of the targets (each target counts those of
 * its current period, {@code targetNumbers}) and of the score's channel lines ({@code scoreGroups}; only from the plans'
 * effective start). A Q3 window (15/06–14/09) thus holds no item of May, while the score and the yearly target do.
 */
public record PeriodicReport(
        String unitId,
        String unitName,
        List<String> issuingBody,
        String place,
        LocalDate issuedOn,
        ReportPeriod period,
        String title,
        List<PlanSummary> plans,
        List<TargetCompliance> targets,
        List<ReportItem> items,
        Map<String, Long> itemsByChannel,
        List<TaskView> tasksDone,
        List<TaskView> tasksOutstanding,
        ParScore score,
        List<String> recipients,
        LocalDate countedFrom,
        List<CountedItem> itemsToDate) {

    /**
     * A plan of the report's year that concerns the unit. {@code effectiveFrom}: the first day its targets count from
     * (1 January of the year when the plan states none); periods ending before it are not judged.
     */
    public record PlanSummary(String planId, String number, String title, String issuingUnitId, int year,
                              LocalDate issuedOn, LocalDate effectiveFrom) {
        /** In force only after 1 January of its year: some periods are not judged. */
        public boolean startsLate() {
            return effectiveFrom != null && effectiveFrom.isAfter(LocalDate.of(year, 1, 1));
        }
    }

    public record ReportItem(LocalDate date, String unitId, String unitName, String channel, String kind, String title,
                             String url, String planId, String taskId) {
    }

    /**
     * An item of the plan year up to the window's end.
     *
     * @param inWindow      also inside the data window (listed in {@code items})
     * @param targetNumbers the targets (1-based positions in {@code targets}, the rows of the document's table) whose
     *                      current period counts it
     * @param scoreGroups   the channel groups of the score that count it (none before the plans' effective start)
     */
    public record CountedItem(LocalDate date, String unitId, String unitName, String channel, String kind, String title,
                              String url, boolean inWindow, List<Integer> targetNumbers, List<String> scoreGroups) {
    }

    public long targetsMet() {
        return targets.stream().filter(t -> t.current().status().name().equals("MET")).count();
    }
}
