package vn.cchc.plan.units;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.plan.common.AuditEntry;
import vn.cchc.platform.events.PendingEvent;

/**
 * A unit of the directory (province, commune, office, school…). Its id is hierarchical, so its parent is
 * the id without the last segment. Each change bumps {@code revision} and queues a {@code unit.changed}
 * event in the same document (outbox), and appends an audit entry (who, when, what) to the same document.
 */
// real MongoDB uses these; the local wire server ignores non-unique indexes (docs/profiling.md)
@CompoundIndex(name = "units_by_parent_status", def = "{'parentId': 1, 'status': 1}") // active children of a unit
@Document("units")
public class Unit {
    @Id
    private String id;
    private String parentId;
    private String name;
    private UnitKind kind;
    private UnitStatus status;
    private List<UnitChannel> channels = new ArrayList<>();
    private long revision;
    private Instant createdAt;
    private Instant changedAt;
    /** Who changed the unit, when and what; written in the same document update as the change. */
    private List<AuditEntry> audit = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    /** Events added since this object was read; an update appends only these (see AggregateWriter). */
    @Transient
    private List<PendingEvent> unsavedEvents = new ArrayList<>();

    protected Unit() {
    }

    Unit(String id, String parentId, String name, UnitKind kind, List<UnitChannel> channels, Instant now, String by) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
        this.kind = kind;
        this.status = UnitStatus.ACTIVE;
        this.channels = new ArrayList<>(channels);
        this.createdAt = now;
        changed(now);
        audit.add(new AuditEntry(now, by, "ADDED", List.of("name", "kind", "channels"), revision, null));
    }

    void update(String name, UnitKind kind, List<UnitChannel> channels, Instant now, String by) {
        List<String> changed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (name != null && !name.equals(this.name)) {
            changed.add("name");
            notes.add("name: " + this.name + " → " + name);
            this.name = name;
        }
        if (kind != null && kind != this.kind) {
            changed.add("kind");
            notes.add("kind: " + this.kind + " → " + kind);
            this.kind = kind;
        }
        if (channels != null && !Objects.equals(channels, this.channels)) {
            changed.add("channels");
            this.channels = new ArrayList<>(channels);
        }
        changed(now);
        audit.add(new AuditEntry(now, by, "UPDATED", changed, revision, notes.isEmpty() ? null : String.join("; ", notes)));
    }

    void retire(Instant now, String by) {
        this.status = UnitStatus.RETIRED;
        changed(now);
        audit.add(new AuditEntry(now, by, "RETIRED", List.of("status"), revision, null));
    }

    private void changed(Instant now) {
        this.revision++;
        this.changedAt = now;
        PendingEvent event = UnitEvents.changed(this);
        this.pendingEvents.add(event);
        this.unsavedEvents.add(event);
    }

    public String getId() { return id; }
    public String getParentId() { return parentId; }
    public String getName() { return name; }
    public UnitKind getKind() { return kind; }
    public UnitStatus getStatus() { return status; }
    public boolean isActive() { return status == UnitStatus.ACTIVE; }
    public List<UnitChannel> getChannels() { return List.copyOf(channels); }
    public long getRevision() { return revision; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getChangedAt() { return changedAt; }
    public Long getVersion() { return version; }
    public List<AuditEntry> getAudit() { return audit == null ? List.of() : List.copyOf(audit); }
    List<PendingEvent> pendingEvents() { return pendingEvents; }
    List<PendingEvent> unsavedEvents() { return List.copyOf(unsavedEvents); }
}
