package vn.cchc.task.tasks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.outbox.AggregateWriter;
import vn.cchc.platform.web.NotFoundException;

/**
 * Read-modify-write of one task document, guarded by its {@code @Version}: a concurrent writer makes the save
 * fail, and the change is applied again to the fresh document. No transactions: one document per change.
 * Only the events the change adds are appended ({@link AggregateWriter}), so events the outbox relay published
 * meanwhile are not put back and published twice.
 */
@Component
public class TaskStore {
    private static final int ATTEMPTS = 5;
    private final TaskRepository repository;
    private final AggregateWriter writer;

    TaskStore(TaskRepository repository, AggregateWriter writer) {
        this.repository = repository;
        this.writer = writer;
    }

    /** Applies {@code change} (which returns whether it changed anything) and saves; empty when no such task. */
    public Optional<Task> update(String id, Predicate<Task> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Task> found = repository.findById(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Task task = found.get();
            Set<String> pendingBefore = task.pendingEvents().stream().map(PendingEvent::eventId).collect(Collectors.toSet());
            if (!change.test(task)) {
                return Optional.of(task);
            }
            List<PendingEvent> added = task.pendingEvents().stream().filter(e -> !pendingBefore.contains(e.eventId())).toList();
            try {
                return Optional.of(writer.update(task, id, task.getVersion(), added));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public Task updateExisting(String id, Predicate<Task> change) {
        return update(id, change).orElseThrow(() -> new NotFoundException("No task " + id));
    }
}
