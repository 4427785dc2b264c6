package vn.cchc.task.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.task.tasks.Task;
import vn.cchc.task.tasks.TaskRepository;
import vn.cchc.task.tasks.TaskSource;
import vn.cchc.task.tasks.TaskStatus;
import vn.cchc.task.tasks.TaskStore;
import vn.cchc.task.tasks.VietnamTime;

/**
 * Links publications to the tasks they prove. A publication proves a task when it names the task
 * ({@code taskId}), or when it matches a scheduled item: published by the item's unit or a unit beneath it,
 * on the item's channel, at a time inside the item's window. A correction is matched again (evidence moves
 * with it); a retraction removes the evidence and reopens a task that nothing else supports.
 *
 * <p>Events of one publication arrive in order on one partition; the revision stored per publication makes
 * redeliveries and stale events no-ops. The fact is stored before the tasks are linked, so a plan event
 * creating a task at the same moment (another consumer thread) finds it; it is marked applied only after,
 * so a crash in between is finished by the redelivery (linking and unlinking are idempotent).
 *
 * <p>A publication that names a task of a unit it does not work for ({@link EvidenceScope}) is not linked: the task
 * stays as it is, the refusal is logged at WARN and counted ({@code cchc_evidence_refused_total}). The same rule
 * holds when a task appears after the publication ({@link #reconcile}).
 */
@Component
public class EvidenceLinker {
    private static final Logger log = LoggerFactory.getLogger(EvidenceLinker.class);
    static final String FACTS = "publication_facts";

    private final MongoTemplate mongo;
    private final TaskRepository tasks;
    private final TaskStore store;
    private final Clock clock;
    private final Counter refused;

    EvidenceLinker(MongoTemplate mongo, TaskRepository tasks, TaskStore store, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.tasks = tasks;
        this.store = store;
        this.clock = clock;
        this.refused = Counter.builder("cchc.evidence.refused")
                .description("Publications naming a task of a unit they do not work for (not linked)")
                .register(meters);
    }

    /** Returns false when the event was stale or a duplicate. */
    public boolean apply(JsonNode data, boolean retracted) {
        String id = data.required("publicationId").asString();
        long revision = data.required("revision").asLong();
        PublicationFact known = mongo.findById(id, PublicationFact.class, FACTS);
        if (known != null && (known.appliedRevision() >= revision || known.revision() > revision)) {
            log.debug("Ignored publication {} revision {}: already at revision {}", id, revision, known.revision());
            return false;
        }
        boolean isRetracted = retracted || data.path("retracted").asBoolean(false);
        PublicationFact fact = new PublicationFact(id, revision, data.required("unitId").asString(),
                data.required("channel").asString(), Instant.parse(data.required("publishedAt").asString()),
                text(data, "taskId"), isRetracted, 0);
        save(fact);

        Set<String> proves = isRetracted ? Set.of() : tasksProvedBy(fact);
        for (Task task : tasks.findByEvidenceContains(id)) {
            if (!proves.contains(task.getId())) {
                store.update(task.getId(), t -> t.unlinkEvidence(id, clock.instant(), VietnamTime.today(clock)));
            }
        }
        for (String taskId : proves) {
            store.update(taskId, t -> t.linkEvidence(id, clock.instant()));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("revision").is(revision)),
                new Update().max("appliedRevision", revision), FACTS);
        return true;
    }

    /** Matches the publications already known against a task that was just created or changed by its plan. */
    public void reconcile(Task task) {
        List<Criteria> alternatives = new ArrayList<>();
        alternatives.add(Criteria.where("taskId").is(task.getId()));
        if (task.getSource() == TaskSource.SCHEDULED_ITEM && task.getWindow() != null && task.getChannel() != null) {
            alternatives.add(Criteria.where("channel").is(task.getChannel())
                    .and("publishedAt").gte(task.getWindow().start()).lte(task.getWindow().end())
                    .and("unitId").regex(UnitPath.subtreeRegex(task.getUnitId())));
        }
        Query query = Query.query(new Criteria().orOperator(alternatives).and("retracted").is(false));
        Set<String> matching = new LinkedHashSet<>();
        for (PublicationFact fact : mongo.find(query, PublicationFact.class, FACTS)) {
            if (EvidenceScope.mayProve(fact.unitId(), task)) {
                matching.add(fact.publicationId());
            } else {
                refuse(fact, task);
            }
        }
        for (String publicationId : task.getEvidence()) {
            if (!matching.contains(publicationId)) {
                store.update(task.getId(), t -> t.unlinkEvidence(publicationId, clock.instant(), VietnamTime.today(clock)));
            }
        }
        for (String publicationId : matching) {
            store.update(task.getId(), t -> t.linkEvidence(publicationId, clock.instant()));
        }
    }

    private Set<String> tasksProvedBy(PublicationFact fact) {
        Set<String> ids = new LinkedHashSet<>();
        if (fact.taskId() != null) {
            Optional<Task> named = tasks.findById(fact.taskId());
            named.ifPresent(t -> {
                if (EvidenceScope.mayProve(fact.unitId(), t)) {
                    ids.add(t.getId());
                } else {
                    refuse(fact, t);
                }
            });
        }
        Query scheduled = Query.query(Criteria.where("source").is(TaskSource.SCHEDULED_ITEM.name())
                .and("channel").is(fact.channel())
                .and("unitId").in(selfAndAncestors(fact.unitId()))
                .and("windowStart").lte(fact.publishedAt())
                .and("windowEnd").gte(fact.publishedAt())
                .and("status").ne(TaskStatus.CANCELLED.name()));
        scheduled.fields().include("_id");
        mongo.find(scheduled, Document.class, "tasks").forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private void refuse(PublicationFact fact, Task task) {
        refused.increment();
        log.warn("Publication {} of unit {} names task {} of unit {}, which it does not work for: not linked as evidence",
                fact.publicationId(), fact.unitId(), task.getId(), task.getUnitId());
    }

    /** lam-dong.bac-binh.vhxh → [lam-dong, lam-dong.bac-binh, lam-dong.bac-binh.vhxh]. */
    static List<String> selfAndAncestors(String unitId) {
        List<String> ids = new ArrayList<>();
        int dot = -1;
        while ((dot = unitId.indexOf('.', dot + 1)) > 0) {
            ids.add(unitId.substring(0, dot));
        }
        ids.add(unitId);
        return ids;
    }

    /** Conditional upsert: replaces the fact only when this revision is newer; the same revision again is a retry. */
    private void save(PublicationFact fact) {
        Update update = new Update().set("revision", fact.revision()).set("unitId", fact.unitId())
                .set("channel", fact.channel()).set("publishedAt", fact.publishedAt())
                .set("taskId", fact.taskId()).set("retracted", fact.retracted());
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(fact.publicationId()).and("revision").lt(fact.revision())),
                    update, FACTS);
        } catch (DuplicateKeyException stale) {
            log.debug("Publication {} already at a newer revision", fact.publicationId());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}
