package vn.cchc.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A dated event the plan names ("Ngày Pháp luật 09/11", "cuộc thi phát thanh viên… Tháng 11/2026",
 * "Quy mô: 02 cuộc"): title, kind, date as written (parts may be blank), scale, responsible unit, wording.
 */
public record Milestone(
        @Size(max = 64) @Pattern(regexp = PlanEntries.ID_PATTERN, message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank @Size(max = 1000) String title,
        @NotNull MilestoneKind kind,
        @Valid PartialDate date,
        @Size(max = 200) String scale,
        @Valid UnitRef unit,
        @Size(max = 5000) String text) {
}
