package vn.cchc.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.cchc.plan.units.Channel;

/**
 * A quantitative target (chỉ tiêu), e.g. at least 12 WEBSITE ARTICLEs a YEAR, or 2 RADIO items every MONTH.
 * Empty kinds / channels mean "any". {@code unitId} is whose publications count (defaults to the issuing unit);
 * {@code responsible} is who the plan makes answerable for it ("Đài Truyền thanh phường"), {@code subject} what the
 * items must be about ("CCHC"), {@code text} the sentence the target was written in.
 */
public record Target(
        @Size(max = 64) @Pattern(regexp = PlanEntries.ID_PATTERN, message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank @Size(max = 1000) String description,
        List<@NotNull PublicationKind> kinds,
        List<@NotNull Channel> channels,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(100000) Integer minimum,
        @NotNull TargetPeriod period,
        @NotNull TargetScope scope,
        String unitId,
        @Valid UnitRef responsible,
        @Size(max = 300) String subject,
        @Size(max = 5000) String text) {
    public Target {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public Target(String id, String description, List<PublicationKind> kinds, List<Channel> channels, Integer minimum,
                  TargetPeriod period, TargetScope scope, String unitId) {
        this(id, description, kinds, channels, minimum, period, scope, unitId, null, null, null);
    }
}
