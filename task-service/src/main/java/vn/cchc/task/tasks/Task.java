package vn.cchc.task.tasks;

import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.InvalidRequestException;

/**
 * One piece of work that carries out an entry of an issued plan. The plan owns what is asked (title, unit,
 * time frame); the task owns how it goes (status, notes, evidence). Each change that others must see adds
 * its event to {@code pendingEvents} in the same document (the outbox), with the revision raised by one.
 */
// real MongoDB uses these; the local wire server ignores non-unique indexes (docs/profiling.md)
@CompoundIndexes({
    // overdue check: open tasks due before today
    @CompoundIndex(name = "tasks_open_by_due", def = "{'status': 1, 'dueDate': 1}"),
    // evidence linking: scheduled items of a channel and unit whose window holds the publication
    @CompoundIndex(name = "tasks_scheduled_window", def = "{'source': 1, 'channel': 1, 'unitId': 1, 'windowStart': 1, 'windowEnd': 1}"),
    // tasks citing a publication as evidence (multikey)
    @CompoundIndex(name = "tasks_by_evidence", def = "{'evidence': 1}")})
@Document("tasks")
public class Task {
    @Id
    private String id;
    @Indexed
    private String planId;
    private String entryId;
    private TaskSource source;
    private String title;
    @Indexed
    private String unitId;
    private List<String> coordinatingUnitIds = new ArrayList<>();
    /** The lead as the plan writes it (a group such as "Các cơ quan, đơn vị có liên quan"); null when only a unit id. */
    private String leadName;
    /** Coordinators the plan writes as names (groups, bodies outside the directory). */
    private List<String> coordinatorNames = new ArrayList<>();
    private String channel;
    private String kind;
    private List<String> products = new ArrayList<>();
    private TimeFrame timeFrame;
    /** yyyy-mm-dd in Vietnam time, stored as text so range queries compare it as written. */
    private String dueDate;
    private Instant windowStart;
    private Instant windowEnd;
    @Indexed
    private TaskStatus status;
    private TaskStatus previousStatus;
    /** Someone reported work on it: a reopened task goes back to IN_PROGRESS rather than PLANNED. */
    private boolean started;
    /** DONE because a publication proved it; only then may losing the evidence reopen it. */
    private boolean doneByEvidence;
    /** CANCELLED because an amendment dropped its entry; an amendment that restores the entry reopens it. */
    private boolean cancelledByPlan;
    private List<String> evidence = new ArrayList<>();
    private List<Note> notes = new ArrayList<>();
    /** Changes made by people through the API (who, when, what), saved with the change itself. */
    private List<AuditEntry> audit = new ArrayList<>();
    /** Revision of the plan event last applied: older or repeated plan events change nothing. */
    private long planRevision;
    private long revision;
    @Version
    private Long version;
    private Instant createdAt;
    private Instant changedAt;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Task() {
    }

    /** Same plan entry, same task id: creating it twice collides instead of duplicating. */
    public static String idFor(String planId, String entryId) {
        return UUID.nameUUIDFromBytes((planId + "\n" + entryId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Task create(TaskSpec spec, Instant now) {
        Task task = new Task();
        task.id = idFor(spec.planId(), spec.entryId());
        task.planId = spec.planId();
        task.entryId = spec.entryId();
        task.copyDetails(spec);
        task.planRevision = spec.planRevision();
        task.status = TaskStatus.PLANNED;
        task.createdAt = now;
        task.changedAt = now;
        task.revision = 1;
        task.pendingEvents.add(TaskEvents.created(task));
        return task;
    }

    /**
     * Applies a newer revision of the plan: details follow the plan, progress stays. Returns false when the
     * plan revision is not newer (replay or duplicate), in which case nothing changed.
     */
    public boolean applyPlan(TaskSpec spec, Instant now, LocalDate today) {
        if (spec.planRevision() <= planRevision) {
            return false;
        }
        planRevision = spec.planRevision();
        boolean detailsChanged = copyDetails(spec);
        TaskStatus next = status;
        if (status == TaskStatus.CANCELLED && cancelledByPlan) {
            cancelledByPlan = false;
            next = openStatus(today);
        } else if (status.isOpen()) {
            next = openStatus(today); // the due date may have moved
        }
        if (detailsChanged || next != status) {
            changeTo(next, now);
        }
        return true;
    }

    /** The entry was dropped by an amendment: the task is cancelled, never deleted. */
    public boolean cancelByPlan(long newPlanRevision, Instant now) {
        if (newPlanRevision <= planRevision) {
            return false;
        }
        planRevision = newPlanRevision;
        if (status != TaskStatus.CANCELLED) {
            cancelledByPlan = true;
            changeTo(TaskStatus.CANCELLED, now);
        }
        return true;
    }

    /** A status change asked for by a person. OVERDUE is not asked for: the overdue check finds it. */
    public boolean requestStatus(TaskStatus target, Instant now, LocalDate today) {
        if (target == status) {
            return false;
        }
        TaskStatus next = switch (target) {
            case OVERDUE -> throw new InvalidRequestException("status", "not-settable",
                    "OVERDUE is set by the overdue check when the due date passes.");
            case IN_PROGRESS -> {
                if (status == TaskStatus.CANCELLED) {
                    throw new ConflictException("A cancelled task must be reopened (PLANNED) before work is reported.");
                }
                started = true;
                yield openStatus(today);
            }
            case PLANNED -> {
                if (status != TaskStatus.CANCELLED && status != TaskStatus.DONE) {
                    throw new ConflictException("Only a cancelled or done task can be reopened; it is " + status + ".");
                }
                cancelledByPlan = false;
                yield openStatus(today);
            }
            case DONE -> {
                if (status == TaskStatus.CANCELLED) {
                    throw new ConflictException("A cancelled task cannot be done; reopen it first.");
                }
                yield TaskStatus.DONE;
            }
            case CANCELLED -> TaskStatus.CANCELLED;
        };
        doneByEvidence = false;
        cancelledByPlan = false;
        if (next == status) {
            return false;
        }
        changeTo(next, now);
        return true;
    }

    public void addNote(String author, String text, Instant now) {
        notes.add(new Note(author, text, now));
    }

    /** Appends to the audit trail; saved in the same document write as the change it describes. */
    public void audit(AuditEntry entry) {
        if (audit == null) {
            audit = new ArrayList<>(); // a task stored before the audit trail existed
        }
        audit.add(entry);
    }

    /** "When results are published": the results are out, so the task is now due on {@code due}. */
    public void trigger(LocalDate due, Instant now, LocalDate today) {
        if (timeFrame == null || timeFrame.type() != TimeFrameType.ON_RESULTS) {
            throw new ConflictException("Only a task due 'when results are published' can be triggered.");
        }
        if (status == TaskStatus.CANCELLED) {
            throw new ConflictException("The task is cancelled.");
        }
        if (due.toString().equals(dueDate)) {
            return;
        }
        dueDate = due.toString();
        changeTo(status.isOpen() ? openStatus(today) : status, now);
    }

    /** Called by the overdue check; true when the task just became overdue. */
    public boolean markOverdueIfPastDue(Instant now, LocalDate today) {
        if ((status == TaskStatus.PLANNED || status == TaskStatus.IN_PROGRESS) && isPastDue(today)) {
            changeTo(TaskStatus.OVERDUE, now);
            return true;
        }
        return false;
    }

    /** A publication proves the task: linked as evidence, and an open task is done. */
    public boolean linkEvidence(String publicationId, Instant now) {
        if (evidence.contains(publicationId)) {
            return false;
        }
        evidence.add(publicationId);
        TaskStatus next = status;
        if (status.isOpen()) {
            next = TaskStatus.DONE;
            doneByEvidence = true;
        }
        changeTo(next, now);
        return true;
    }

    /** The publication no longer proves the task (retracted or corrected away); reopens it if nothing else does. */
    public boolean unlinkEvidence(String publicationId, Instant now, LocalDate today) {
        if (!evidence.remove(publicationId)) {
            return false;
        }
        TaskStatus next = status;
        if (evidence.isEmpty() && status == TaskStatus.DONE && doneByEvidence) {
            doneByEvidence = false;
            next = openStatus(today);
        }
        changeTo(next, now);
        return true;
    }

    public boolean isPastDue(LocalDate today) {
        return dueDate != null && today.isAfter(LocalDate.parse(dueDate));
    }

    private TaskStatus openStatus(LocalDate today) {
        if (isPastDue(today)) {
            return TaskStatus.OVERDUE;
        }
        return started ? TaskStatus.IN_PROGRESS : TaskStatus.PLANNED;
    }

    /** Every change others see: one revision, one status-changed event carrying the full state. */
    private void changeTo(TaskStatus next, Instant now) {
        previousStatus = status;
        status = next;
        changedAt = now;
        revision++;
        pendingEvents.add(TaskEvents.statusChanged(this));
    }

    /** Returns true when anything the plan owns changed. */
    private boolean copyDetails(TaskSpec spec) {
        String due = spec.schedule().dueDate() == null ? null : spec.schedule().dueDate().toString();
        if (timeFrame != null && timeFrame.type() == TimeFrameType.ON_RESULTS
                && spec.timeFrame().type() == TimeFrameType.ON_RESULTS) {
            due = dueDate; // keep the due date set by the trigger
        }
        TaskWindow window = spec.schedule().window();
        boolean changed = !Objects.equals(title, spec.title()) || !Objects.equals(unitId, spec.unitId())
                || !Objects.equals(dueDate, due) || !Objects.equals(getWindow(), window)
                || !Objects.equals(source, spec.source()) || !Objects.equals(timeFrame, spec.timeFrame())
                || !Objects.equals(coordinatingUnitIds, spec.coordinatingUnitIds())
                || !Objects.equals(channel, spec.channel()) || !Objects.equals(kind, spec.kind())
                || !Objects.equals(products, spec.products())
                || !Objects.equals(leadName, spec.leadName())
                || !Objects.equals(getCoordinatorNames(), spec.coordinatorNames());
        source = spec.source();
        title = spec.title();
        unitId = spec.unitId();
        coordinatingUnitIds = new ArrayList<>(spec.coordinatingUnitIds());
        leadName = spec.leadName();
        coordinatorNames = new ArrayList<>(spec.coordinatorNames());
        channel = spec.channel();
        kind = spec.kind();
        products = new ArrayList<>(spec.products());
        timeFrame = spec.timeFrame();
        dueDate = due;
        windowStart = window == null ? null : window.start();
        windowEnd = window == null ? null : window.end();
        return changed;
    }

    public String getId() { return id; }
    public String getPlanId() { return planId; }
    public String getEntryId() { return entryId; }
    public TaskSource getSource() { return source; }
    public String getTitle() { return title; }
    public String getUnitId() { return unitId; }
    public List<String> getCoordinatingUnitIds() { return List.copyOf(coordinatingUnitIds); }
    public String getLeadName() { return leadName; }
    public List<String> getCoordinatorNames() { return coordinatorNames == null ? List.of() : List.copyOf(coordinatorNames); }
    public String getChannel() { return channel; }
    public String getKind() { return kind; }
    public List<String> getProducts() { return List.copyOf(products); }
    public TimeFrame getTimeFrame() { return timeFrame; }
    public LocalDate getDueDate() { return dueDate == null ? null : LocalDate.parse(dueDate); }
    public TaskWindow getWindow() { return windowStart == null ? null : new TaskWindow(windowStart, windowEnd); }
    public TaskStatus getStatus() { return status; }
    public TaskStatus getPreviousStatus() { return previousStatus; }
    public List<String> getEvidence() { return List.copyOf(evidence); }
    public List<Note> getNotes() { return List.copyOf(notes); }
    public List<AuditEntry> getAudit() { return audit == null ? List.of() : List.copyOf(audit); }
    public long getPlanRevision() { return planRevision; }
    public long getRevision() { return revision; }
    /** Changes with every write (notes included): the ETag of the task. */
    public Long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getChangedAt() { return changedAt; }
    public List<PendingEvent> pendingEvents() { return pendingEvents; }
}
