package vn.cchc.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What "Tổ chức thực hiện" assigns to one unit (or group): its lettered duties, or a single paragraph as one duty.
 * {@code requested} marks "Đề nghị …" sections addressed to bodies the issuer does not direct (the Front, the Youth Union).
 */
public record Responsibility(
        @Size(max = 64) @Pattern(regexp = PlanEntries.ID_PATTERN, message = "must be lower-case letters, digits and dashes") String id,
        @NotNull @Valid UnitRef unit,
        Boolean requested,
        @Size(max = 100) List<@Valid @NotNull Duty> duties) {
    public Responsibility {
        requested = Boolean.TRUE.equals(requested);
        duties = duties == null ? List.of() : List.copyOf(duties);
    }
}
