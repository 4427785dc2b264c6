package vn.cchc.plan.units;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.platform.events.PendingEvent;

/**
 * A unit of the directory (province, commune, office, school…). Its id is hierarchical, so its parent is
 * the id without the last segment. Each change bumps {@code revision} and queues a {@code unit.changed}
 * event in the same document (outbox).
 */
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
    @Version
    private Long version;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    /** Events added since this object was read; an update appends only these (see AggregateWriter). */
    @Transient
    private List<PendingEvent> unsavedEvents = new ArrayList<>();

    protected Unit() {
    }

    Unit(String id, String parentId, String name, UnitKind kind, List<UnitChannel> channels, Instant now) {
        this.id = id;
        this.parentId = parentId;
        this.name = name;
        this.kind = kind;
        this.status = UnitStatus.ACTIVE;
        this.channels = new ArrayList<>(channels);
        this.createdAt = now;
        changed(now);
    }

    void update(String name, UnitKind kind, List<UnitChannel> channels, Instant now) {
        if (name != null) {
            this.name = name;
        }
        if (kind != null) {
            this.kind = kind;
        }
        if (channels != null) {
            this.channels = new ArrayList<>(channels);
        }
        changed(now);
    }

    void retire(Instant now) {
        this.status = UnitStatus.RETIRED;
        changed(now);
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
    List<PendingEvent> pendingEvents() { return pendingEvents; }
    List<PendingEvent> unsavedEvents() { return List.copyOf(unsavedEvents); }
}
