package vn.cchc.publication;

import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.web.ConflictException;

/**
 * One item a unit published or aired. Its pending events (the outbox) and its previous versions live in the
 * same document, so a change, its event and its history entry are stored by one single-document write.
 */
// real MongoDB uses these; the local wire server ignores non-unique indexes (docs/profiling.md)
@CompoundIndexes({
    // probable duplicate of a link-less item: same unit, channel, kind, minute (status checked on the few found)
    @CompoundIndex(name = "probable_duplicate", def = "{'unitId': 1, 'channel': 1, 'kind': 1, 'publishedAt': 1}"),
    // the list: a unit subtree (anchored regex on unitId), newest first
    @CompoundIndex(name = "by_unit_newest", def = "{'unitId': 1, 'publishedAt': -1}"),
    @CompoundIndex(name = "by_plan", def = "{'planId': 1}", sparse = true),
    @CompoundIndex(name = "by_task", def = "{'taskId': 1}", sparse = true)})
@Document("publications")
public class Publication {
    public enum Status { ACTIVE, RETRACTED }

    /** How an item entered the record. */
    public enum Source { MANUAL, IMPORT, FEED }

    /** How the current version came about. */
    public enum Change { RECORDED, CORRECTED, RETRACTED, ENGAGEMENT_UPDATED }

    /**
     * A state the item had before a change, as its event carried it: how it came about ({@code change}), when
     * ({@code at}, from the service clock) and by whom ({@code by}: the token's username; null before audit existed).
     */
    public record PastVersion(long revision, Change change, Instant at, String by, Map<String, Object> state) {
    }

    /** What one change produced: the event to publish and the version it replaced. */
    record Changed(PendingEvent event, PastVersion previous) {
    }

    @Id
    private String id;
    @Indexed
    private String unitId;
    private Channel channel;
    private Kind kind;
    private String title;
    private String summary;
    private String url;
    /** Same unit + channel + normalised link = same item. Items without a link get a key of their own. */
    @Indexed(unique = true)
    private String urlKey;
    /** The client's idempotency key; items without one get a key of their own. */
    @Indexed(unique = true)
    private String requestKey;
    private String clientRequestId;
    /**
     * {@link ProbableDuplicate#key}: set on active, link-less items recorded without confirmation, absent otherwise
     * (sparse). Its unique index settles the race between two identical link-less submissions.
     */
    @Indexed(unique = true, sparse = true)
    private String duplicateKey;
    /** Recorded (or corrected) although a stored item looked the same: the caller confirmed it is another one. */
    private boolean duplicateConfirmed;
    @Indexed
    private Instant publishedAt;
    private Integer durationSeconds;
    private List<Theme> themes = new ArrayList<>();
    private String planId;
    private String taskId;
    private String author;
    private Engagement engagement;
    private Instant engagementUpdatedAt;
    private Source source;
    private Status status;
    private String retractionReason;
    private Instant retractedAt;
    private Instant recordedAt;
    private Instant changedAt;
    /** Who recorded the item (token username; for feed entries, the subscription's creator). */
    private String recordedBy;
    /** Who made the current version; with {@link #history} the item's audit trail. */
    private String changedBy;
    private Change lastChange;
    /** Per-aggregate sequence number carried by every event; consumers keep the highest they applied. */
    private long revision;
    @Version
    private Long version;
    private List<PastVersion> history = new ArrayList<>();
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Publication() {
    }

    Publication(String id, RecordPublicationRequest request, Source source, Instant now, String by) {
        this(id, request, source, now, by, false);
    }

    /** @param confirmedDuplicate the caller confirmed the item although it looked like a stored one */
    Publication(String id, RecordPublicationRequest request, Source source, Instant now, String by,
                boolean confirmedDuplicate) {
        this.id = id;
        this.recordedBy = by;
        this.changedBy = by;
        this.source = source;
        this.status = Status.ACTIVE;
        this.recordedAt = now;
        this.revision = 1;
        this.clientRequestId = request.clientRequestId();
        this.requestKey = request.clientRequestId() == null ? "id:" + id : requestKeyOf(request.unitId(), request.clientRequestId());
        apply(request, now);
        identify(confirmedDuplicate);
        this.lastChange = Change.RECORDED;
        this.pendingEvents.add(PublicationEvents.event(PublicationEvents.RECORDED, this));
    }

    /**
     * A client key is unique per unit: the same key sent for another unit is another key, so it can neither find nor
     * reveal that unit's item. Unit ids and keys contain no '|' (their patterns), so the pair is unambiguous.
     */
    public static String requestKeyOf(String unitId, String clientRequestId) {
        return "client:" + unitId + "|" + clientRequestId;
    }

    /** Replaces the editable state with a corrected one; the unit, channel and link may change too. */
    Changed correct(RecordPublicationRequest request, Instant now, String by) {
        return correct(request, now, by, false);
    }

    /**
     * @param confirmedDuplicate the caller confirmed the corrected item although it looks like another stored one;
     *                           only matters when the correction changes what identifies a link-less item
     */
    Changed correct(RecordPublicationRequest request, Instant now, String by, boolean confirmedDuplicate) {
        requireActive("corrected");
        PastVersion previous = snapshot();
        String identityBefore = probableDuplicateIdentity();
        apply(request, now);
        if (!java.util.Objects.equals(identityBefore, probableDuplicateIdentity())) {
            identify(confirmedDuplicate);
        }
        return next(Change.CORRECTED, PublicationEvents.CORRECTED, previous, now, by);
    }

    /** A soft delete: the item stays, with its reason, and stops counting. */
    Changed retract(String reason, Instant now, String by) {
        requireActive("retracted");
        PastVersion previous = snapshot();
        this.status = Status.RETRACTED;
        this.retractionReason = reason;
        this.retractedAt = now;
        // a retracted item no longer blocks recording the same programme again
        this.duplicateKey = null;
        return next(Change.RETRACTED, PublicationEvents.RETRACTED, previous, now, by);
    }

    /** New figures from the channel; the rest of the item is unchanged. Emitted as a correction (new state). */
    Changed updateEngagement(Engagement figures, Instant now, String by) {
        requireActive("updated");
        PastVersion previous = snapshot();
        this.engagement = figures;
        this.engagementUpdatedAt = now;
        return next(Change.ENGAGEMENT_UPDATED, PublicationEvents.CORRECTED, previous, now, by);
    }

    private void apply(RecordPublicationRequest request, Instant now) {
        this.unitId = request.unitId();
        this.channel = request.channel();
        this.kind = request.kind();
        this.title = request.title();
        this.summary = request.summary();
        this.url = request.url();
        this.urlKey = url == null ? "id:" + id : unitId + "|" + channel + "|" + UrlKey.normalize(url);
        this.publishedAt = request.publishedAt().toInstant();
        this.durationSeconds = request.durationSeconds();
        this.themes = request.themes() == null ? new ArrayList<>() : new ArrayList<>(request.themes());
        this.planId = request.planId();
        this.taskId = request.taskId();
        this.author = request.author();
        if (request.engagement() != null) {
            this.engagement = request.engagement();
            this.engagementUpdatedAt = now;
        }
        this.changedAt = now;
    }

    /** unit|channel|kind|minute of a link-less item; null for an item with a link (its link identifies it). */
    String probableDuplicateIdentity() {
        return url == null ? ProbableDuplicate.key(unitId, channel, kind, publishedAt) : null;
    }

    private void identify(boolean confirmedDuplicate) {
        this.duplicateConfirmed = confirmedDuplicate && url == null;
        this.duplicateKey = confirmedDuplicate ? null : probableDuplicateIdentity();
    }

    private Changed next(Change change, String eventType, PastVersion previous, Instant now, String by) {
        this.revision++;
        this.lastChange = change;
        this.changedAt = now;
        this.changedBy = by;
        PendingEvent event = PublicationEvents.event(eventType, this);
        this.history.add(previous);
        this.pendingEvents.add(event);
        return new Changed(event, previous);
    }

    private PastVersion snapshot() {
        return new PastVersion(revision, lastChange, changedAt, changedBy, PublicationEvents.state(this));
    }

    private void requireActive(String verb) {
        if (status == Status.RETRACTED) {
            throw new ConflictException("Publication " + id + " is retracted and cannot be " + verb + ".");
        }
    }

    public String getId() { return id; }
    public String getUnitId() { return unitId; }
    public Channel getChannel() { return channel; }
    public Kind getKind() { return kind; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getUrl() { return url; }
    public String getUrlKey() { return urlKey; }
    public String getRequestKey() { return requestKey; }
    public String getClientRequestId() { return clientRequestId; }
    public String getDuplicateKey() { return duplicateKey; }
    public boolean isDuplicateConfirmed() { return duplicateConfirmed; }
    public Instant getPublishedAt() { return publishedAt; }
    public Integer getDurationSeconds() { return durationSeconds; }
    public List<Theme> getThemes() { return themes; }
    public String getPlanId() { return planId; }
    public String getTaskId() { return taskId; }
    public String getAuthor() { return author; }
    public Engagement getEngagement() { return engagement; }
    public Instant getEngagementUpdatedAt() { return engagementUpdatedAt; }
    public Source getSource() { return source; }
    public Status getStatus() { return status; }
    public String getRetractionReason() { return retractionReason; }
    public Instant getRetractedAt() { return retractedAt; }
    public Instant getRecordedAt() { return recordedAt; }
    public Instant getChangedAt() { return changedAt; }
    public Change getLastChange() { return lastChange; }
    public String getRecordedBy() { return recordedBy; }
    public String getChangedBy() { return changedBy; }
    public long getRevision() { return revision; }
    public List<PastVersion> getHistory() { return history; }
    List<PendingEvent> pendingEvents() { return pendingEvents; }
}
