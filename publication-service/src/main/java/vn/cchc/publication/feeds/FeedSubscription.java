package vn.cchc.publication.feeds;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.platform.web.FieldError;
import vn.cchc.publication.Channel;

/** A unit's website feed (RSS or Atom) that is polled on a schedule; new entries are recorded as articles. */
@Document("feed_subscriptions")
public class FeedSubscription {
    public enum Status { ACTIVE, PAUSED }

    public enum PollOutcome {
        /** the feed was read; see the counts */
        OK,
        /** the feed could not be read (unreachable, not a feed, refused address); see error */
        FAILED
    }

    /** An entry the last poll skipped because it broke a rule (e.g. no link, a date in the future), with why. */
    public record RejectedEntry(String link, String title, List<FieldError> errors) {
    }

    /**
     * What the last poll (scheduled or "poll now") did.
     *
     * @param entries         entries in the feed
     * @param recorded        new items recorded
     * @param duplicates      entries already recorded (by an earlier poll, by hand, by import)
     * @param rejected        entries skipped because they broke a rule; the first {@value #MAX_REJECTED_SHOWN} in rejectedEntries
     */
    public record LastPoll(Instant at, PollOutcome outcome, int entries, int recorded, int duplicates, int rejected,
                           String error, List<RejectedEntry> rejectedEntries) {
        public static final int MAX_REJECTED_SHOWN = 20;
    }

    @Id
    private String id;
    @Indexed
    private String unitId;
    private String feedUrl;
    /** One subscription per unit and feed. */
    @Indexed(unique = true)
    private String key;
    private Channel channel;
    private boolean active;
    private Instant createdAt;
    /** Who subscribed (token username): the feed's entries are recorded on their behalf. */
    private String createdBy;
    private Instant lastPolledAt;
    private String lastError;
    private long entriesRecorded;
    /** What the last poll found (null before the first poll). */
    private LastPoll lastPoll;
    /** Removed by a user: polled no more, listed no more; subscribing to the same feed again brings it back. */
    private boolean removed;
    @Version
    private Long version;

    protected FeedSubscription() {
    }

    FeedSubscription(String id, String unitId, String feedUrl, Channel channel, Instant now, String createdBy) {
        this.createdBy = createdBy;
        this.id = id;
        this.unitId = unitId;
        this.feedUrl = feedUrl;
        this.key = keyOf(unitId, feedUrl);
        this.channel = channel;
        this.active = true;
        this.createdAt = now;
    }

    static String keyOf(String unitId, String feedUrl) {
        return unitId + "|" + feedUrl.strip();
    }

    public String getId() { return id; }
    public String getUnitId() { return unitId; }
    public String getFeedUrl() { return feedUrl; }
    public String getKey() { return key; }
    public Channel getChannel() { return channel; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getLastPolledAt() { return lastPolledAt; }
    public String getLastError() { return lastError; }
    public long getEntriesRecorded() { return entriesRecorded; }
    public LastPoll getLastPoll() { return lastPoll; }
    /** ACTIVE: polled on the schedule; PAUSED: not polled until resumed (poll now still works). */
    public Status getStatus() { return active ? Status.ACTIVE : Status.PAUSED; }
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRemoved() { return removed; }
}
