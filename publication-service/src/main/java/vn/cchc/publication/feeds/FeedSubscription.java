package vn.cchc.publication.feeds;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.publication.Channel;

/** A unit's website feed (RSS or Atom) that is polled on a schedule; new entries are recorded as articles. */
@Document("feed_subscriptions")
public class FeedSubscription {
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
}
