package vn.cchc.publication;

import java.time.Instant;

/** A publication as the API shows it (without its outbox). */
record PublicationView(String id, String unitId, Channel channel, Kind kind, String title, String url,
                       Instant publishedAt, Integer durationSeconds, Instant recordedAt, long revision) {
    static PublicationView of(Publication p) {
        return new PublicationView(p.getId(), p.getUnitId(), p.getChannel(), p.getKind(), p.getTitle(), p.getUrl(),
                p.getPublishedAt(), p.getDurationSeconds(), p.getRecordedAt(), p.getRevision());
    }
}
