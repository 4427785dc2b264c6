package vn.cchc.plan.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A periodic report the plan owes, e.g. QUARTER to "Sở Nội vụ tỉnh Vĩnh Long". */
public record ReportingDuty(@NotNull ReportPeriod period, @NotBlank @Size(max = 300) String recipient) {
}
