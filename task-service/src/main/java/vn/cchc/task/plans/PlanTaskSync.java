package vn.cchc.task.plans;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.task.evidence.EvidenceLinker;
import vn.cchc.task.tasks.Task;
import vn.cchc.task.tasks.TaskRepository;
import vn.cchc.task.tasks.TaskSpec;
import vn.cchc.task.tasks.TaskStore;
import vn.cchc.task.tasks.VietnamTime;

/**
 * Keeps one task per plan entry in step with the plan's events. Each task remembers the plan revision it
 * last applied, so a replayed, duplicated or late event changes nothing, and a crash half-way through a plan
 * is finished by the redelivery. Entries dropped by an amendment cancel their task; nothing is deleted.
 */
@Component
public class PlanTaskSync {
    private static final Logger log = LoggerFactory.getLogger(PlanTaskSync.class);
    private final TaskRepository repository;
    private final TaskStore store;
    private final EvidenceLinker evidence;
    private final Clock clock;

    PlanTaskSync(TaskRepository repository, TaskStore store, EvidenceLinker evidence, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.evidence = evidence;
        this.clock = clock;
    }

    public void apply(JsonNode plan) {
        String planId = plan.required("planId").asString();
        long revision = plan.required("revision").asLong();
        List<TaskSpec> specs = PlanEntries.read(plan);
        for (TaskSpec spec : specs) {
            upsert(spec);
        }
        Set<String> kept = specs.stream().map(TaskSpec::entryId).collect(Collectors.toSet());
        for (Task task : repository.findByPlanId(planId)) {
            if (!kept.contains(task.getEntryId())) {
                store.update(task.getId(), t -> t.cancelByPlan(revision, clock.instant()));
            }
        }
        log.info("Plan {} revision {}: {} entries", planId, revision, specs.size());
    }

    private void upsert(TaskSpec spec) {
        String id = Task.idFor(spec.planId(), spec.entryId());
        if (repository.existsById(id)) {
            update(spec, id);
            return;
        }
        try {
            Task created = repository.insert(Task.create(spec, clock.instant()));
            evidence.reconcile(created);
        } catch (DuplicateKeyException raced) {
            update(spec, id);
        }
    }

    private void update(TaskSpec spec, String id) {
        // the unit or air time may have moved: publications already known are matched again
        store.update(id, task -> task.applyPlan(spec, clock.instant(), VietnamTime.today(clock)))
                .filter(task -> task.getPlanRevision() == spec.planRevision())
                .ifPresent(evidence::reconcile);
    }
}
