package vn.cchc.task.tasks;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;

/**
 * What people do with tasks through the API: report progress, finish, cancel, note, trigger. Every change is
 * checked against the caller's roles and units on the very document it will save (inside the read-modify-write,
 * before anything is touched), so a refused call changes nothing and emits nothing (404 outside the caller's units,
 * 403 for a role that may not do it inside them); an accepted one carries its
 * audit entry in the same single-document write.
 *
 * <ul>
 *   <li>status changes and triggers: {@link Action#MANAGE_PLANS_AND_TASKS} within the task's unit subtree (a
 *       commune's coordinator manages the tasks of the units beneath the commune);</li>
 *   <li>notes: any writing role ({@link Action#RECORD_PUBLICATIONS}: editors report progress) within it.</li>
 * </ul>
 */
@Service
public class TaskService {
    private final TaskRepository repository;
    private final TaskStore store;
    private final Clock clock;

    TaskService(TaskRepository repository, TaskStore store, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.clock = clock;
    }

    /** A task the caller may read; one outside their units is answered as absent (404), not hinted at. */
    public Task get(String id, CurrentUser user) {
        return repository.findById(id).filter(task -> user.canRead(task.getUnitId()))
                .orElseThrow(() -> new NotFoundException("No task " + id));
    }

    /** Changes the status and, when given, records the note in the same write. */
    public Task changeStatus(String id, TaskStatus status, String author, String note, Long expectedVersion,
                             CurrentUser user) {
        boolean hasNote = note != null && !note.isBlank();
        if (hasNote && (author == null || author.isBlank())) {
            throw new vn.cchc.platform.web.InvalidRequestException("author", "required", "A note needs its author.");
        }
        return store.updateExisting(id, task -> {
            requireWrite(user, task, Action.MANAGE_PLANS_AND_TASKS);
            checkVersion(task, expectedVersion);
            TaskStatus before = task.getStatus();
            boolean changed = task.requestStatus(status, clock.instant(), VietnamTime.today(clock));
            if (changed) {
                task.audit(AuditEntry.statusChanged(clock.instant(), user.username(), before, task.getStatus()));
            }
            if (hasNote) {
                task.addNote(author.strip(), note.strip(), clock.instant());
                task.audit(AuditEntry.noteAdded(clock.instant(), user.username(), note.strip()));
                return true;
            }
            return changed;
        });
    }

    public Task addNote(String id, String author, String text, Long expectedVersion, CurrentUser user) {
        return store.updateExisting(id, task -> {
            requireWrite(user, task, Action.RECORD_PUBLICATIONS);
            checkVersion(task, expectedVersion);
            task.addNote(author.strip(), text.strip(), clock.instant());
            task.audit(AuditEntry.noteAdded(clock.instant(), user.username(), text.strip()));
            return true;
        });
    }

    public Task trigger(String id, LocalDate dueDate, Long expectedVersion, CurrentUser user) {
        return store.updateExisting(id, task -> {
            requireWrite(user, task, Action.MANAGE_PLANS_AND_TASKS);
            checkVersion(task, expectedVersion);
            long before = task.getRevision();
            String dueBefore = task.getDueDate() == null ? null : task.getDueDate().toString();
            task.trigger(dueDate, clock.instant(), VietnamTime.today(clock));
            if (task.getRevision() == before) {
                return false;
            }
            task.audit(AuditEntry.triggered(clock.instant(), user.username(), dueBefore, dueDate.toString()));
            return true;
        });
    }

    /**
     * A task outside the caller's units is 404 on writes too, exactly as on reads, so a write never reveals that another
     * unit's task exists; inside them, a role that may not do this is 403.
     */
    private static void requireWrite(CurrentUser user, Task task, Action action) {
        if (!user.canRead(task.getUnitId())) {
            throw new NotFoundException("No task " + task.getId());
        }
        user.requireWrite(task.getUnitId(), action);
    }

    /** Optional If-Match: the caller saw this version; someone else's change in between is answered with 412. */
    private static void checkVersion(Task task, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(task.getVersion())) {
            throw new vn.cchc.platform.web.ConflictException(
                    "The task was changed by someone else; reload it and try again.", true);
        }
    }
}
