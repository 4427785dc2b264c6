package vn.cchc.publication.feeds;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
            String error = String.valueOf(e.getMessage());
            mark(subscription, new FeedSubscription.LastPoll(now, FeedSubscription.PollOutcome.FAILED, 0, 0, 0, 0, error,
                    List.of()));
            return new PollResult(subscription.getId(), 0, 0, 0, 0, error);
        }
        int recorded = 0;
        int duplicates = 0;
        List<FeedSubscription.RejectedEntry> rejected = new ArrayList<>();
        for (FeedReader.Entry entry : entries) {
            String title = PlainText.shortened(entry.title(), 500);
            try {
                RecordPublicationRequest request = new RecordPublicationRequest(subscription.getUnitId(),
                        subscription.getChannel(), Kind.ARTICLE, title,
                        PlainText.shortened(entry.summary(), 1000), entry.link(),
                        (entry.published() == null ? now : entry.published()).atOffset(ZoneOffset.UTC), null,
                        null, null, null, null, null, null);
                if (publications.record(request, Publication.Source.FEED, recorder(subscription)).created()) {
                    recorded++;
                } else {
                    duplicates++;
                }
            } catch (InvalidRequestException e) {
                rejected.add(new FeedSubscription.RejectedEntry(entry.link(), title, e.errors()));
                log.info("Feed entry {} of {} skipped: {}", entry.link(), subscription.getUnitId(), e.getMessage());
            }
        }
        mark(subscription, new FeedSubscription.LastPoll(now, FeedSubscription.PollOutcome.OK, entries.size(), recorded,
                duplicates, rejected.size(), null,
                rejected.subList(0, Math.min(rejected.size(), FeedSubscription.LastPoll.MAX_REJECTED_SHOWN))));
        return new PollResult(subscription.getId(), entries.size(), recorded, duplicates, rejected.size(), null);
    }

    /** The system records feed entries on behalf of whoever subscribed (older subscriptions: "feed"). */
    static String recorder(FeedSubscription subscription) {
        return subscription.getCreatedBy() == null ? "feed" : subscription.getCreatedBy();
    }

    /** One atomic update, so a poll never overwrites a concurrent change of the subscription (e.g. pausing it). */
    private void mark(FeedSubscription subscription, FeedSubscription.LastPoll poll) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.getId())),
                new Update().set("lastPolledAt", poll.at()).set("lastError", poll.error()).set("lastPoll", poll)
                        .inc("entriesRecorded", poll.recorded()),
                FeedSubscription.class);
    }
}
