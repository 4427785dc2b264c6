package vn.cchc.publication;

import java.time.Instant;
import java.util.List;

/**
 * A publication as the API shows it (without its outbox and history).
 *
 * @param duplicateConfirmed recorded although a stored link-less item looked the same (the caller confirmed it)
 */
record PublicationView(String id, String unitId, Channel channel, Kind kind, String title, String summary, String url,
                       Instant publishedAt, Integer durationSeconds, List<Theme> themes, String planId, String taskId,
                       String author, Engagement engagement, Instant engagementUpdatedAt, Publication.Source source,
                       Publication.Status status, String retractionReason, Instant retractedAt, String clientRequestId,
                       Instant recordedAt, String recordedBy, Instant changedAt, String changedBy,
                       long revision, boolean duplicateConfirmed) {
    static PublicationView of(Publication p) {
        return new PublicationView(p.getId(), p.getUnitId(), p.getChannel(), p.getKind(), p.getTitle(), p.getSummary(),
                p.getUrl(), p.getPublishedAt(), p.getDurationSeconds(), p.getThemes(), p.getPlanId(), p.getTaskId(),
                p.getAuthor(), p.getEngagement(), p.getEngagementUpdatedAt(), p.getSource(), p.getStatus(),
                p.getRetractionReason(), p.getRetractedAt(), p.getClientRequestId(), p.getRecordedAt(), p.getRecordedBy(),
                p.getChangedAt(), p.getChangedBy(), p.getRevision(), p.isDuplicateConfirmed());
    }

    /** The strong ETag of a publication is its revision. */
    static String etag(Publication p) {
        return "\"" + p.getRevision() + "\"";
    }
}
