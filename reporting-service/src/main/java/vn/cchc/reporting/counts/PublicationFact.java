package vn.cchc.reporting.counts;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * reporting-service's own record of one publication, kept from its events (consumer-owned, not a shared type).
 * Counts are aggregated from these facts, so a redelivered or reordered event cannot double a count:
 * the fact is replaced only by a higher revision.
 *
 * @param date    the Vietnam-time day it was published (yyyy-mm-dd), the day every period test uses
 * @param counted false once retracted
 */
public record PublicationFact(
        @Id String publicationId,
        long revision,
        String unitId,
        String province,
        String commune,
        String channel,
        String kind,
        String title,
        String url,
        String planId,
        String taskId,
        List<String> themes,
        Instant publishedAt,
        String date,
        int year,
        int month,
        boolean counted) {
}
