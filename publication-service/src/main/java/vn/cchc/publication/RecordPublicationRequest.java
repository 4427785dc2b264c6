package vn.cchc.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import vn.cchc.platform.units.UnitPath;

/**
 * The body of {@code POST /api/publications} (and of {@code PUT /api/publications/{id}}, which replaces the
 * editable state). Cross-field rules live in {@link PublicationRules}.
 *
 * @param clientRequestId optional idempotency key (the {@code Idempotency-Key} header wins); ignored by PUT
 */
public record RecordPublicationRequest(
        @NotBlank @Pattern(regexp = UnitPath.PATTERN, message = "must be a dot-separated unit id such as vinh-long.phu-khuong")
        String unitId,
        @NotNull Channel channel,
        @NotNull Kind kind,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 2000) String summary,
        @Size(max = 2000) String url,
        @NotNull OffsetDateTime publishedAt,
        @Positive Integer durationSeconds,
        @Size(max = 11) List<@NotNull Theme> themes,
        @Size(max = 100) @Pattern(regexp = REFERENCE) String planId,
        @Size(max = 100) @Pattern(regexp = REFERENCE) String taskId,
        @Size(max = 200) String author,
        @Valid Engagement engagement,
        @Size(max = 100) @Pattern(regexp = REFERENCE) String clientRequestId) {

    /** Ids of other services' aggregates and client keys: URL-safe, no spaces. */
    static final String REFERENCE = "^[A-Za-z0-9._:-]+$";

    /** The fields the first version of the API knew; the rest are optional. */
    public static RecordPublicationRequest of(String unitId, Channel channel, Kind kind, String title, String url,
                                              OffsetDateTime publishedAt, Integer durationSeconds) {
        return new RecordPublicationRequest(unitId, channel, kind, title, null, url, publishedAt, durationSeconds,
                null, null, null, null, null, null);
    }

    /** The same request with HTML removed from free text and blank optionals as null. */
    public RecordPublicationRequest sanitized() {
        return new RecordPublicationRequest(unitId == null ? null : unitId.strip(), channel, kind, PlainText.of(title),
                PlainText.of(summary), blankToNull(url), publishedAt, durationSeconds,
                themes == null ? List.of() : themes.stream().distinct().toList(),
                blankToNull(planId), blankToNull(taskId), PlainText.of(author), engagement, blankToNull(clientRequestId));
    }

    public RecordPublicationRequest withClientRequestId(String key) {
        return new RecordPublicationRequest(unitId, channel, kind, title, summary, url, publishedAt, durationSeconds,
                themes, planId, taskId, author, engagement, key);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
