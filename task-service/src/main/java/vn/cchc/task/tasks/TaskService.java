package vn.cchc.task.tasks;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import vn.cchc.platform.web.NotFoundException;

/** What people do with tasks through the API: report progress, finish, cancel, note, trigger. */
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

    public Task get(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No task " + id));
    }

    /** Changes the status and, when given, records the note in the same write. */
    public Task changeStatus(String id, TaskStatus status, String author, String note, Long expectedVersion) {
        boolean hasNote = note != null && !note.isBlank();
        if (hasNote && (author == null || author.isBlank())) {
            throw new vn.cchc.platform.web.InvalidRequestException("author", "required", "A note needs its author.");
        }
        return store.updateExisting(id, task -> {
            checkVersion(task, expectedVersion);
            boolean changed = task.requestStatus(status, clock.instant(), VietnamTime.today(clock));
            if (hasNote) {
                task.addNote(author.strip(), note.strip(), clock.instant());
                return true;
            }
            return changed;
        });
    }

    public Task addNote(String id, String author, String text, Long expectedVersion) {
        return store.updateExisting(id, task -> {
            checkVersion(task, expectedVersion);
            task.addNote(author.strip(), text.strip(), clock.instant());
            return true;
        });
    }

    public Task trigger(String id, LocalDate dueDate, Long expectedVersion) {
        return store.updateExisting(id, task -> {
            checkVersion(task, expectedVersion);
            long before = task.getRevision();
            task.trigger(dueDate, clock.instant(), VietnamTime.today(clock));
            return task.getRevision() != before;
        });
    }

    /** Optional If-Match: the caller saw this version; someone else's change in between is answered with 412. */
    private static void checkVersion(Task task, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(task.getVersion())) {
            throw new vn.cchc.platform.web.ConflictException(
                    "The task was changed by someone else; reload it and try again.", true);
        }
    }
}
