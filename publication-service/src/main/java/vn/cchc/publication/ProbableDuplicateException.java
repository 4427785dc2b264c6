package vn.cchc.publication;

import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409 {@code https://cchc.vn/problems/probable-duplicate}: a link-less item like one already recorded. The problem
 * names the stored item ({@code duplicateOf}); the caller re-sends with {@code "confirmDuplicate": true} to record
 * it anyway. Only thrown for items of the caller's own unit, so it never shows another unit's item.
 */
public class ProbableDuplicateException extends ErrorResponseException {
    public static final URI TYPE = URI.create("https://cchc.vn/problems/probable-duplicate");

    /** What the problem shows of the stored item. */
    public record DuplicateOf(String id, String title, Channel channel, Kind kind, Instant publishedAt,
                              Publication.Status status, String recordedBy, Instant recordedAt) {
        static DuplicateOf of(Publication p) {
            return new DuplicateOf(p.getId(), p.getTitle(), p.getChannel(), p.getKind(), p.getPublishedAt(),
                    p.getStatus(), p.getRecordedBy(), p.getRecordedAt());
        }
    }

    private final transient Publication existing;

    public ProbableDuplicateException(Publication existing) {
        super(HttpStatus.CONFLICT, problem(existing), null);
        this.existing = existing;
    }

    public Publication existing() {
        return existing;
    }

    private static ProblemDetail problem(Publication existing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "An item without a link of the same unit, channel and kind published in the same minute is already recorded: "
                        + ProbableDuplicate.describe(existing)
                        + ". Nothing was recorded; send the item again with \"confirmDuplicate\": true if it is a different one.");
        problem.setType(TYPE);
        problem.setTitle("Probable duplicate");
        problem.setProperty("duplicateOf", DuplicateOf.of(existing));
        return problem;
    }
}
