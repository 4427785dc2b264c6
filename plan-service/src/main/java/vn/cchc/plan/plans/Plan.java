package vn.cchc.plan.plans;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.web.ConflictException;

/**
 * A communication plan and its lifecycle. Drafts are private (revision 0, no events); issuing publishes revision 1;
 * each amendment and the closing publish the next revision. The published revisions are kept in the same document
 * as the current state and the pending events, so every change is one single-document write (no transactions).
 */
@Document("plans")
public class Plan {
    @Id
    private String id;
    private PlanStatus status;
    private PlanContent content;
    /** Duplicated from content for queries by unit subtree and year. */
    @Indexed
    private String issuingUnitId;
    @Indexed
    private int year;
    private long revision;
    private Instant createdAt;
    private Instant changedAt;
    private Instant issuedAt;
    private Instant closedAt;
    private List<PlanSnapshot> revisions = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    /** Events added since this object was read; an update appends only these (see AggregateWriter). */
    @Transient
    private List<PendingEvent> unsavedEvents = new ArrayList<>();

    protected Plan() {
    }

    Plan(String id, PlanContent content, Instant now) {
        this.id = id;
        this.status = PlanStatus.DRAFT;
        this.createdAt = now;
        setContent(content, now);
    }

    void updateDraft(PlanContent content, Instant now) {
        if (status != PlanStatus.DRAFT) {
            throw new ConflictException("Plan " + id + " is " + status + "; only a draft can be edited. Amend it instead.");
        }
        setContent(content, now);
    }

    void issue(Instant now) {
        if (status != PlanStatus.DRAFT) {
            throw new ConflictException("Plan " + id + " is already " + status + ".");
        }
        status = PlanStatus.ISSUED;
        issuedAt = now;
        publish(PlanEvents.ISSUED, now, null);
    }

    void amend(PlanContent content, String note, Instant now) {
        switch (status) {
            case DRAFT -> throw new ConflictException("Plan " + id + " is a draft; edit it and issue it instead of amending.");
            case CLOSED -> throw new ConflictException("Plan " + id + " is closed and cannot be amended.");
            default -> { }
        }
        if (!content.issuingUnitId().equals(issuingUnitId)) {
            throw new ConflictException("An amendment cannot change the issuing unit of plan " + id + ".");
        }
        setContent(content, now);
        status = PlanStatus.AMENDED;
        publish(PlanEvents.AMENDED, now, note);
    }

    void close(Instant now) {
        if (!status.isLive()) {
            throw new ConflictException(status == PlanStatus.CLOSED ? "Plan " + id + " is already closed."
                    : "Plan " + id + " is a draft; only an issued plan can be closed.");
        }
        status = PlanStatus.CLOSED;
        closedAt = now;
        publish(PlanEvents.CLOSED, now, null);
    }

    private void setContent(PlanContent content, Instant now) {
        this.content = content;
        this.issuingUnitId = content.issuingUnitId();
        this.year = content.year();
        this.changedAt = now;
    }

    private void publish(String type, Instant now, String note) {
        revision++;
        changedAt = now;
        revisions.add(new PlanSnapshot(revision, status, content, now, note));
        PendingEvent event = PlanEvents.event(type, this, note);
        pendingEvents.add(event);
        unsavedEvents.add(event);
    }

    public String getId() { return id; }
    public PlanStatus getStatus() { return status; }
    public PlanContent getContent() { return content; }
    public String getIssuingUnitId() { return issuingUnitId; }
    public int getYear() { return year; }
    public long getRevision() { return revision; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getChangedAt() { return changedAt; }
    public Instant getIssuedAt() { return issuedAt; }
    public Instant getClosedAt() { return closedAt; }
    public List<PlanSnapshot> getRevisions() { return List.copyOf(revisions); }
    public Long getVersion() { return version; }
    List<PendingEvent> pendingEvents() { return pendingEvents; }
    List<PendingEvent> unsavedEvents() { return List.copyOf(unsavedEvents); }
}
