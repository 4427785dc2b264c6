package vn.cchc.publication;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An item without a link cannot be recognised by its link, so the same radio programme entered twice would be
 * counted twice. Such an item is a probable duplicate of a stored, non-retracted item of the same unit, channel and
 * kind published in the same minute (Vietnam time); the caller must confirm it to record it anyway.
 */
public final class ProbableDuplicate {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private ProbableDuplicate() {
    }

    /** unit|channel|kind|minute: the identity of a link-less item, e.g. {@code vinh-long.phu-khuong|RADIO|BROADCAST|2026-03-13T20:15}. */
    public static String key(String unitId, Channel channel, Kind kind, Instant publishedAt) {
        return unitId + "|" + channel + "|" + kind + "|" + MINUTE.format(LocalDateTime.ofInstant(publishedAt, VIETNAM));
    }

    public static String key(RecordPublicationRequest request) {
        return key(request.unitId(), request.channel(), request.kind(), request.publishedAt().toInstant());
    }

    static Instant minuteStart(Instant publishedAt) {
        return publishedAt.truncatedTo(ChronoUnit.MINUTES);
    }

    /** A sentence naming the item found, with its time as dd/MM/yyyy HH:mm in Vietnam time. */
    public static String describe(Publication existing) {
        return "\"" + existing.getTitle() + "\" (" + existing.getChannel() + ", " + existing.getKind() + ", "
                + SHOWN.format(LocalDateTime.ofInstant(existing.getPublishedAt(), VIETNAM)) + ")";
    }
}
