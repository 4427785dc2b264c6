package vn.cchc.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One row of the task catalogue (Danh mục nhiệm vụ): number, task, lead unit, coordinating units, time frame, products. */
public record PlanTask(
        @Size(max = 64) @Pattern(regexp = PlanEntries.ID_PATTERN, message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank @Size(max = 20) String number,
        @NotBlank @Size(max = 2000) String title,
        @NotBlank String leadUnitId,
        List<@NotBlank String> coordinatingUnitIds,
        @NotNull @Valid TimeFrame timeFrame,
        List<@NotBlank @Size(max = 500) String> products) {
    public PlanTask {
        coordinatingUnitIds = coordinatingUnitIds == null ? List.of() : List.copyOf(coordinatingUnitIds);
        products = products == null ? List.of() : List.copyOf(products);
    }
}
