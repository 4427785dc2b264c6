package vn.cchc.publication.feeds;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
public class FeedCapture {
    private static final Logger log = LoggerFactory.getLogger(FeedCapture.class);

    /** What one poll did. */
    record PollResult(String subscriptionId, int entries, int recorded, int duplicates, int rejected, String error) {
    }

    private final FeedSubscriptionRepository subscriptions;
    private final FeedReader reader;
    private final PublicationService publications;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry meters;
    /**
     * Feeds are fetched here, never on the scheduler's thread: a slow feed then delays other feeds at most, not
     * every other scheduled task of the service. Bounded: {@code cchc.feeds.threads} fetches at once, at most
     * {@code cchc.feeds.queue} waiting; a subscription is never queued twice ({@link #inFlight}).
     */
    private final ThreadPoolExecutor fetchers;
    /** Subscription id → its poll, queued or running; "poll now" joins a poll already under way. */
    private final Map<String, CompletableFuture<PollResult>> inFlight = new ConcurrentHashMap<>();

    FeedCapture(FeedSubscriptionRepository subscriptions, FeedReader reader, PublicationService publications,
                MongoTemplate mongo, Clock clock, MeterRegistry meters,
                @Value("${cchc.feeds.threads:2}") int threads, @Value("${cchc.feeds.queue:1000}") int queue) {
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.publications = publications;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
        this.fetchers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                Thread.ofPlatform().name("feed-fetch-", 1).daemon().factory(), new ThreadPoolExecutor.AbortPolicy());
    }

    /** Only hands the due polls to the feed executor: the scheduler's thread never waits for a feed. */
    @Scheduled(fixedDelayString = "${cchc.feeds.interval:PT15M}", initialDelayString = "${cchc.feeds.interval:PT15M}")
    void pollAll() {
        for (FeedSubscription subscription : subscriptions.findByActiveTrue()) {
            try {
                submit(subscription);
            } catch (RejectedExecutionException full) {
                meters.counter("cchc.feeds.polls.skipped").increment();
                log.warn("Feed executor full; {} of {} waits for the next round", subscription.getFeedUrl(),
                        subscription.getUnitId());
            }
        }
    }

    /**
     * "Poll now": the poll runs on the feed executor like the scheduled ones (joining one already under way) and the
     * caller waits for it; its fetch is cut at the deadline, so the wait is bounded too.
     *
     * @throws RejectedExecutionException the executor's queue is full
     */
    PollResult pollNow(FeedSubscription subscription) {
        CompletableFuture<PollResult> poll = submit(subscription);
        try {
            return poll.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while polling " + subscription.getId(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Polls queued or running now (tests wait for none). */
    public int running() {
        return inFlight.size();
    }

    private CompletableFuture<PollResult> submit(FeedSubscription subscription) {
        CompletableFuture<PollResult> created = new CompletableFuture<>();
        CompletableFuture<PollResult> existing = inFlight.putIfAbsent(subscription.getId(), created);
        if (existing != null) {
            return existing;
        }
        try {
            fetchers.execute(() -> {
                try {
                    created.complete(poll(subscription));
                } catch (Throwable e) {
                    created.completeExceptionally(e);
                } finally {
                    inFlight.remove(subscription.getId(), created);
                }
            });
        } catch (RejectedExecutionException full) {
            inFlight.remove(subscription.getId(), created);
            throw full;
        }
        return created;
    }

    @PreDestroy
    void stop() {
        fetchers.shutdownNow();
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
