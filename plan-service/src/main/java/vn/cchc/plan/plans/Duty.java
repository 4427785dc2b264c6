package vn.cchc.plan.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One lettered duty of a unit under "Tổ chức thực hiện" ("a) Tham mưu Ủy ban nhân dân phường…"). {@code taskId}
 * names the task-catalogue entry it was turned into, once it is tracked as a task.
 */
public record Duty(
        @Size(max = 64) @Pattern(regexp = PlanEntries.ID_PATTERN, message = "must be lower-case letters, digits and dashes") String id,
        @Size(max = 10) String label,
        @NotBlank @Size(max = 5000) String text,
        @Size(max = 64) String taskId) {
}
