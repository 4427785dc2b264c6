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
import vn.cchc.plan.units.Channel;
import vn.cchc.platform.units.UnitPath;

/**
 * Everything a plan document says: header, legal bases, free-text sections, and the structured parts that drive
 * tasks and reporting (targets, scheduled items, task catalogue, responsibilities, dated events, reporting duties).
 * The body of create / update, and of amendments under {@code plan}.
 * <p>
 * {@code issuedOn} is the full issue date when the document has one; {@code issuedDate} the date line as written
 * (day or month may be blank). {@code effectiveFrom} is a stated start; without it targets count from the issue
 * date (see {@link #effectiveStart()}). {@code parentPlan} is the first legal basis that is a plan (older clients).
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
        @Size(max = 20) List<@Valid @NotNull ReportingDuty> reportingDuties,
        @Size(max = 300) String issuingBody,
        @Valid PartialDate issuedDate,
        LocalDate effectiveFrom,
        @Size(max = 50) List<@Valid @NotNull LegalBasis> legalBases,
        List<@NotNull String> contents,
        List<@NotNull Channel> channels,
        @Size(max = 100) List<@Valid @NotNull Responsibility> responsibilities,
        @Size(max = 200) List<@Valid @NotNull Milestone> milestones) {

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
        legalBases = orEmpty(legalBases);
        contents = orEmpty(contents);
        channels = orEmpty(channels);
        responsibilities = orEmpty(responsibilities);
        milestones = orEmpty(milestones);
        if (issuedDate == null && issuedOn != null) {
            issuedDate = PartialDate.of(issuedOn);
        } else if (issuedOn == null && issuedDate != null) {
            issuedOn = issuedDate.toLocalDate();
        }
    }

    /** The content as older clients send it (no parts added after v1). */
    public PlanContent(String issuingUnitId, String number, String title, Integer year, String place, LocalDate issuedOn,
                       ParentPlanRef parentPlan, List<String> purposes, List<String> requirements, List<String> audiences,
                       List<String> themes, List<String> forms, String budgetNote, List<String> recipients, Signatory signatory,
                       List<Target> targets, List<ScheduledItem> scheduledItems, List<PlanTask> tasks,
                       List<ReportingDuty> reportingDuties) {
        this(issuingUnitId, number, title, year, place, issuedOn, parentPlan, purposes, requirements, audiences, themes, forms,
                budgetNote, recipients, signatory, targets, scheduledItems, tasks, reportingDuties,
                null, null, null, null, null, null, null, null);
    }

    /**
     * The first day targets count from: the stated start, else the issue date, else the earliest day a partly blank
     * issue date can be in the plan year (the 1st of its month), else 1 January of the plan year.
     */
    public LocalDate effectiveStart() {
        if (effectiveFrom != null) {
            return effectiveFrom;
        }
        if (issuedOn != null) {
            return issuedOn.getYear() < year ? LocalDate.of(year, 1, 1) : issuedOn;
        }
        if (issuedDate != null && issuedDate.earliest() != null && issuedDate.year().equals(year)) {
            return issuedDate.earliest();
        }
        return LocalDate.of(year, 1, 1);
    }

    PlanContent withEntries(List<Target> targets, List<ScheduledItem> scheduledItems, List<PlanTask> tasks) {
        return withParts(parentPlan, signatory, targets, scheduledItems, tasks, reportingDuties, issuedDate, legalBases,
                responsibilities, milestones);
    }

    PlanContent withParts(ParentPlanRef parentPlan, Signatory signatory, List<Target> targets, List<ScheduledItem> scheduledItems,
                          List<PlanTask> tasks, List<ReportingDuty> reportingDuties, PartialDate issuedDate, List<LegalBasis> legalBases,
                          List<Responsibility> responsibilities, List<Milestone> milestones) {
        return new PlanContent(issuingUnitId, blankToNull(number), title.strip(), year, blankToNull(place), issuedOn, parentPlan,
                strip(purposes), strip(requirements), strip(audiences), strip(themes), strip(forms), blankToNull(budgetNote),
                strip(recipients), signatory, targets, scheduledItems, tasks, reportingDuties, blankToNull(issuingBody), issuedDate,
                effectiveFrom, legalBases, strip(contents), channels, responsibilities, milestones);
    }

    /** The same content with other tasks and responsibilities (a duty turned into a tracked task). */
    PlanContent withTasks(List<PlanTask> tasks, List<Responsibility> responsibilities) {
        return new PlanContent(issuingUnitId, number, title, year, place, issuedOn, parentPlan, purposes, requirements, audiences,
                themes, forms, budgetNote, recipients, signatory, targets, scheduledItems, tasks, reportingDuties, issuingBody,
                issuedDate, effectiveFrom, legalBases, contents, channels, responsibilities, milestones);
    }

    private static List<String> strip(List<String> values) {
        return values.stream().map(String::strip).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
