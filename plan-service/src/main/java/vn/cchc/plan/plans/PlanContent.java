package vn.cchc.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.cchc.platform.units.UnitPath;

/**
 * Everything a plan document says: header, legal basis, free-text sections, and the structured parts that drive
 * tasks and reporting (targets, scheduled items, task catalogue, reporting duties). The body of create / update,
 * and of amendments under {@code plan}.
 */
public record PlanContent(
        @NotBlank @Pattern(regexp = UnitPath.PATTERN, message = "must be a dot-separated unit id such as vinh-long.phu-khuong")
        String issuingUnitId,
        @Size(max = 100) String number,
        @NotBlank @Size(max = 500) String title,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @Size(max = 200) String place,
        LocalDate issuedOn,
        @Valid ParentPlanRef parentPlan,
        List<@NotNull String> purposes,
        List<@NotNull String> requirements,
        List<@NotNull String> audiences,
        List<@NotNull String> themes,
        List<@NotNull String> forms,
        @Size(max = 2000) String budgetNote,
        List<@NotNull String> recipients,
        @Valid Signatory signatory,
        @Size(max = 500) List<@Valid @NotNull Target> targets,
        @Size(max = 2000) List<@Valid @NotNull ScheduledItem> scheduledItems,
        @Size(max = 1000) List<@Valid @NotNull PlanTask> tasks,
        @Size(max = 20) List<@Valid @NotNull ReportingDuty> reportingDuties) {

    public PlanContent {
        purposes = orEmpty(purposes);
        requirements = orEmpty(requirements);
        audiences = orEmpty(audiences);
        themes = orEmpty(themes);
        forms = orEmpty(forms);
        recipients = orEmpty(recipients);
        targets = orEmpty(targets);
        scheduledItems = orEmpty(scheduledItems);
        tasks = orEmpty(tasks);
        reportingDuties = orEmpty(reportingDuties);
    }

    PlanContent withEntries(List<Target> targets, List<ScheduledItem> scheduledItems, List<PlanTask> tasks) {
        return new PlanContent(issuingUnitId, blankToNull(number), title.strip(), year, blankToNull(place), issuedOn, parentPlan,
                purposes, requirements, audiences, themes, forms, blankToNull(budgetNote), recipients, signatory,
                targets, scheduledItems, tasks, reportingDuties);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
