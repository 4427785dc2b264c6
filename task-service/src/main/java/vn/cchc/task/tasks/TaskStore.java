package vn.cchc.task.tasks;

import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.cchc.platform.web.NotFoundException;

/**
 * Read-modify-write of one task document, guarded by its {@code @Version}: a concurrent writer makes the save
 * fail, and the change is applied again to the fresh document. No transactions: one document per change.
 */
@Component
public class TaskStore {
    private static final int ATTEMPTS = 5;
    private final TaskRepository repository;

    TaskStore(TaskRepository repository) {
        this.repository = repository;
    }

    /** Applies {@code change} (which returns whether it changed anything) and saves; empty when no such task. */
    public Optional<Task> update(String id, Predicate<Task> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Task> found = repository.findById(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Task task = found.get();
            if (!change.test(task)) {
                return Optional.of(task);
            }
            try {
                return Optional.of(repository.save(task));
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
