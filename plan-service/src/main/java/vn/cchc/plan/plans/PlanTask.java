package vn.cchc.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One row of the task catalogue (Danh mục nhiệm vụ): number, task, lead unit, coordinating units, time frame, products.
 * The lead and coordinators are units of the directory ({@code leadUnitId}, {@code coordinatingUnitIds}) or, as
 * written, groups and bodies outside it ({@code lead}, {@code coordinators}); a task led by a group is the issuing
 * unit's to track. {@code details} is the row's body under its title; {@code alternativeTimeFrame} keeps a time
 * written in the body that disagrees with the time column.
 */
public record PlanTask(
        @Size(max = 64) @Pattern(regexp = PlanEntries.ID_PATTERN, message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank @Size(max = 20) String number,
        @NotBlank @Size(max = 2000) String title,
        String leadUnitId,
        List<@NotBlank String> coordinatingUnitIds,
        @NotNull @Valid TimeFrame timeFrame,
        List<@NotBlank @Size(max = 500) String> products,
        @Valid UnitRef lead,
        @Size(max = 50) List<@Valid @NotNull UnitRef> coordinators,
        @Valid TimeFrame alternativeTimeFrame,
        @Size(max = 10000) String details) {
    public PlanTask {
        coordinatingUnitIds = coordinatingUnitIds == null ? List.of() : List.copyOf(coordinatingUnitIds);
        products = products == null ? List.of() : List.copyOf(products);
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
    }

    public PlanTask(String id, String number, String title, String leadUnitId, List<String> coordinatingUnitIds,
                    TimeFrame timeFrame, List<String> products) {
        this(id, number, title, leadUnitId, coordinatingUnitIds, timeFrame, products, null, null, null, null);
    }
}
