package vn.cchc.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/plans/{id}/amendments}: the whole amended plan (entries keep their ids) and why. */
public record AmendPlanRequest(@NotNull @Valid PlanContent plan, @Size(max = 2000) String note) {
}
