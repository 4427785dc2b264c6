package vn.cchc.reporting.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import vn.cchc.reporting.compliance.TargetDef;

/** An issued plan as reporting keeps it (consumer-owned copy of the vn.cchc.plan.*.v1 data). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanView(String planId, long revision, String status, String issuingUnitId, String number, String title,
                       int year, String place, String issuedOn, List<TargetDef> targets,
                       List<ReportingDuty> reportingDuties) {
    public PlanView {
        targets = targets == null ? List.of() : targets;
        reportingDuties = reportingDuties == null ? List.of() : reportingDuties;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportingDuty(String period, String recipient) {
    }
}
