package vn.cchc.publication.feeds;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.publication.Kind;
import vn.cchc.publication.PlainText;
import vn.cchc.publication.Publication;
import vn.cchc.publication.PublicationService;
import vn.cchc.publication.RecordPublicationRequest;

/**
 * Polls every active subscription on a schedule and records each entry as an ARTICLE of the subscribed unit
 * through the same path as the API. The link is the identity: an entry already recorded (by an earlier poll, by
 * hand or by import) is a duplicate and counts nothing. An entry that breaks a rule (no link, a date in the
 * future) is skipped and logged; the next poll sees it again.
 */
@Component
class FeedCapture {
    private static final Logger log = LoggerFactory.getLogger(FeedCapture.class);

    /** What one poll did. */
    record PollResult(String subscriptionId, int entries, int recorded, int duplicates, int rejected, String error) {
    }

    private final FeedSubscriptionRepository subscriptions;
    private final FeedReader reader;
    private final PublicationService publications;
    private final MongoTemplate mongo;
    private final Clock clock;

    FeedCapture(FeedSubscriptionRepository subscriptions, FeedReader reader, PublicationService publications,
                MongoTemplate mongo, Clock clock) {
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.publications = publications;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cchc.feeds.interval:PT15M}", initialDelayString = "${cchc.feeds.interval:PT15M}")
    void pollAll() {
        for (FeedSubscription subscription : subscriptions.findByActiveTrue()) {
            poll(subscription);
        }
    }

    PollResult poll(FeedSubscription subscription) {
        Instant now = clock.instant();
        List<FeedReader.Entry> entries;
        try {
            entries = reader.read(subscription.getFeedUrl());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Feed {} of {} could not be read: {}", subscription.getFeedUrl(), subscription.getUnitId(), e.toString());
            mark(subscription, now, String.valueOf(e.getMessage()), 0);
            return new PollResult(subscription.getId(), 0, 0, 0, 0, String.valueOf(e.getMessage()));
        }
        int recorded = 0;
        int duplicates = 0;
        int rejected = 0;
        for (FeedReader.Entry entry : entries) {
            try {
                RecordPublicationRequest request = new RecordPublicationRequest(subscription.getUnitId(),
                        subscription.getChannel(), Kind.ARTICLE, PlainText.shortened(entry.title(), 500),
                        PlainText.shortened(entry.summary(), 1000), entry.link(),
                        (entry.published() == null ? now : entry.published()).atOffset(ZoneOffset.UTC), null,
                        null, null, null, null, null, null);
                if (publications.record(request, Publication.Source.FEED, recorder(subscription)).created()) {
                    recorded++;
                } else {
                    duplicates++;
                }
            } catch (InvalidRequestException e) {
                rejected++;
                log.info("Feed entry {} of {} skipped: {}", entry.link(), subscription.getUnitId(), e.getMessage());
            }
        }
        mark(subscription, now, null, recorded);
        return new PollResult(subscription.getId(), entries.size(), recorded, duplicates, rejected, null);
    }

    /** The system records feed entries on behalf of whoever subscribed (older subscriptions: "feed"). */
    static String recorder(FeedSubscription subscription) {
        return subscription.getCreatedBy() == null ? "feed" : subscription.getCreatedBy();
    }

    /** One atomic update, so a poll never overwrites a concurrent change of the subscription (e.g. deactivation). */
    private void mark(FeedSubscription subscription, Instant now, String error, int recorded) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.getId())),
                new Update().set("lastPolledAt", now).set("lastError", error).inc("entriesRecorded", recorded),
                FeedSubscription.class);
    }
}
