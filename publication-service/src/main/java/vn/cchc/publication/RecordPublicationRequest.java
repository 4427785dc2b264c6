package vn.cchc.publication;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import vn.cchc.platform.units.UnitPath;

/** The body of {@code POST /api/publications}. Cross-field rules live in {@link PublicationRules}. */
public record RecordPublicationRequest(
        @NotBlank @Pattern(regexp = UnitPath.PATTERN, message = "must be a dot-separated unit id such as vinh-long.phu-khuong")
        String unitId,
        @NotNull Channel channel,
        @NotNull Kind kind,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 2000) String url,
        @NotNull OffsetDateTime publishedAt,
        @Positive Integer durationSeconds) {
}
