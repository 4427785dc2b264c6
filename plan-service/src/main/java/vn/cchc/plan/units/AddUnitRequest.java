package vn.cchc.plan.units;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.cchc.platform.units.UnitPath;

/** Body of {@code POST /api/units}; the parent is the id without its last segment. */
public record AddUnitRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = UnitPath.PATTERN, message = "must be a dot-separated unit id such as lam-dong.bac-binh.vhxh")
        String unitId,
        @NotBlank @Size(max = 300) String name,
        @NotNull UnitKind kind,
        List<@Valid @NotNull UnitChannel> channels) {
    public AddUnitRequest {
        channels = channels == null ? List.of() : channels;
    }
}
