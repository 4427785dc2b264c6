package vn.cchc.reporting.periodic;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.score.ParScore;
import vn.cchc.reporting.tasks.TaskView;

/**
 * A periodic report of one unit (its subunits included) for one reporting period: the items and tasks inside the
 * data window, and each target's position as of the window's last day. The JSON form and the source of the documents.
 */
public record PeriodicReport(
        String unitId,
        String unitName,
        List<String> issuingBody,
        String place,
        LocalDate issuedOn,
        ReportPeriod period,
        String title,
        List<TargetCompliance> targets,
        List<ReportItem> items,
        Map<String, Long> itemsByChannel,
        List<TaskView> tasksDone,
        List<TaskView> tasksOutstanding,
        ParScore score,
        List<String> recipients) {

    public record ReportItem(LocalDate date, String unitId, String unitName, String channel, String kind, String title,
                             String url, String planId, String taskId) {
    }

    public long targetsMet() {
        return targets.stream().filter(t -> t.current().status().name().equals("MET")).count();
    }
}
