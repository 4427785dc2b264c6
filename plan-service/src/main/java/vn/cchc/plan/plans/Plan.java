package vn.cchc.plan.plans;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.lang.reflect.RecordComponent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.plan.common.AuditEntry;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.web.ConflictException;

/**
 * A communication plan and its lifecycle. Drafts are private (revision 0, no events); issuing publishes revision 1;
 * each amendment and the closing publish the next revision. The published revisions are kept in the same document
 * as the current state and the pending events, so every change is one single-document write (no transactions).
 * So is the audit trail: each change appends who did it, when, and which parts of the content changed.
 */
// real MongoDB uses these; the local wire server ignores non-unique indexes (docs/profiling.md)
@CompoundIndex(name = "plans_by_year_unit", def = "{'year': -1, 'issuingUnitId': 1, '_id': 1}") // the list and its order
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
    /** Who changed what and when; written in the same document update as the change. */
    private List<AuditEntry> audit = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    /** Events added since this object was read; an update appends only these (see AggregateWriter). */
    @Transient
    private List<PendingEvent> unsavedEvents = new ArrayList<>();

    protected Plan() {
    }

    Plan(String id, PlanContent content, Instant now, String by) {
        this.id = id;
        this.status = PlanStatus.DRAFT;
        this.createdAt = now;
        setContent(content, now);
        audit(now, by, "CREATED", changedParts(null, content), null);
    }

    void updateDraft(PlanContent content, Instant now, String by) {
        if (status != PlanStatus.DRAFT) {
            throw new ConflictException("Plan " + id + " is " + status + "; only a draft can be edited. Amend it instead.");
        }
        List<String> changed = changedParts(this.content, content);
        setContent(content, now);
        audit(now, by, "UPDATED", changed, null);
    }

    void issue(Instant now, String by) {
        if (status != PlanStatus.DRAFT) {
            throw new ConflictException("Plan " + id + " is already " + status + ".");
        }
        status = PlanStatus.ISSUED;
        issuedAt = now;
        publish(PlanEvents.ISSUED, now, null);
        audit(now, by, "ISSUED", List.of("status"), null);
    }

    void amend(PlanContent content, String note, Instant now, String by) {
        switch (status) {
            case DRAFT -> throw new ConflictException("Plan " + id + " is a draft; edit it and issue it instead of amending.");
            case CLOSED -> throw new ConflictException("Plan " + id + " is closed and cannot be amended.");
            default -> { }
        }
        if (!content.issuingUnitId().equals(issuingUnitId)) {
            throw new ConflictException("An amendment cannot change the issuing unit of plan " + id + ".");
        }
        List<String> changed = changedParts(this.content, content);
        setContent(content, now);
        status = PlanStatus.AMENDED;
        publish(PlanEvents.AMENDED, now, note);
        audit(now, by, "AMENDED", changed, note);
    }

    void close(Instant now, String by) {
        if (!status.isLive()) {
            throw new ConflictException(status == PlanStatus.CLOSED ? "Plan " + id + " is already closed."
                    : "Plan " + id + " is a draft; only an issued plan can be closed.");
        }
        status = PlanStatus.CLOSED;
        closedAt = now;
        publish(PlanEvents.CLOSED, now, null);
        audit(now, by, "CLOSED", List.of("status"), null);
    }

    private void audit(Instant now, String by, String action, List<String> changed, String note) {
        audit.add(new AuditEntry(now, by, action, changed, revision, note));
    }

    /** The names of the content parts (header fields, targets, tasks…) that differ; all non-empty ones when new. */
    static List<String> changedParts(PlanContent before, PlanContent after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent part : PlanContent.class.getRecordComponents()) {
            Object old = before == null ? null : value(part, before);
            Object now = value(part, after);
            boolean empty = now == null || (now instanceof List<?> list && list.isEmpty());
            if (before == null ? !empty : !Objects.equals(old, now)) {
                changed.add(part.getName());
            }
        }
        return changed;
    }

    private static Object value(RecordComponent part, PlanContent content) {
        try {
            return part.getAccessor().invoke(content);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
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
    public List<AuditEntry> getAudit() { return audit == null ? List.of() : List.copyOf(audit); }
    public Long getVersion() { return version; }
    List<PendingEvent> pendingEvents() { return pendingEvents; }
    List<PendingEvent> unsavedEvents() { return List.copyOf(unsavedEvents); }
}
