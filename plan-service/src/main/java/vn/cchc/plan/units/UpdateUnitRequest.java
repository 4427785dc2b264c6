package vn.cchc.plan.units;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code PATCH /api/units/{id}}: rename, change kind or replace channels; absent fields stay as they are. */
public record UpdateUnitRequest(
        @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        UnitKind kind,
        List<@Valid @NotNull UnitChannel> channels) {
}
