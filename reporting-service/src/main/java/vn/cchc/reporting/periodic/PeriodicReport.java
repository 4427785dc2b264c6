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
        List<String> recipients) {

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

    public long targetsMet() {
        return targets.stream().filter(t -> t.current().status().name().equals("MET")).count();
    }
}
