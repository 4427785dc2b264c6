package vn.cchc.reporting.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.reporting.counts.PublicationFactProjection;
import vn.cchc.reporting.counts.PublicationFactProjection.Applied;
import vn.cchc.reporting.counts.PublicationFactProjection.FactEvent;
import vn.cchc.reporting.plans.PlanProjection;
import vn.cchc.reporting.tasks.TaskProjection;
import vn.cchc.reporting.units.UnitProjection;

/**
 * Routes events to their projection, for live consumption (active + building generation) and for a rebuild. Publication
 * events go a batch at a time (facts and counts written in bulk); the others, rare, one at a time.
 */
@Component
public class Projections {
    private final ReadModels models;
    private final PublicationFactProjection facts;
    private final PlanProjection plans;
    private final TaskProjection tasks;
    private final UnitProjection units;
    private final ProjectionMetrics metrics;

    public Projections(ReadModels models, PublicationFactProjection facts, PlanProjection plans, TaskProjection tasks,
                UnitProjection units, ProjectionMetrics metrics) {
        this.models = models;
        this.facts = facts;
        this.plans = plans;
        this.tasks = tasks;
        this.units = units;
        this.metrics = metrics;
    }

    /** What an applied event changed, for the compliance tracker and the live stream. */
    public record Change(String projection, String type, String aggregateId, String unitId, String planId, long revision) {
    }

    /** Applies a live event that is not a publication; returns the change, null for a duplicate/stale event. */
    public Change applyLive(String type, JsonNode data, Instant eventTime) {
        String base = base(type);
        if (base == null) {
            return null;
        }
        if (base.equals(ReadModels.FACTS)) {
            List<Applied> applied = applyLiveFacts(List.of(new FactEvent(type, data, eventTime)));
            return applied.isEmpty() ? null : change(applied.getFirst());
        }
        List<String> targets = models.writeTargets(base);
        boolean changed = false;
        for (int i = 0; i < targets.size(); i++) {
            boolean applied = apply(type, data, targets.get(i));
            if (i == 0) {
                changed = applied;
            }
        }
        if (!changed) {
            metrics.rejected(base);
            return null;
        }
        metrics.applied(base, eventTime);
        return change(base, type, data);
    }

    /** Applies live publication events to every generation written; returns what changed in the active one. */
    public List<Applied> applyLiveFacts(List<FactEvent> events) {
        List<String> factCollections = models.writeTargets(ReadModels.FACTS);
        List<String> countCollections = models.writeTargets(ReadModels.DAY_COUNTS);
        List<Applied> active = List.of();
        for (int i = 0; i < factCollections.size(); i++) {
            List<Applied> applied = facts.applyBatch(events, factCollections.get(i), countCollections.get(i));
            if (i == 0) {
                active = applied;
            }
        }
        long appliedEvents = 0;
        for (Applied a : active) {
            for (FactEvent e : a.events()) {
                metrics.applied(ReadModels.FACTS, e.time());
                appliedEvents++;
            }
        }
        for (long i = appliedEvents; i < events.size(); i++) {
            metrics.rejected(ReadModels.FACTS);
        }
        return active;
    }

    /** Applies an event to one generation (rebuild); true when it changed it. */
    public boolean applyTo(String type, JsonNode data, int generation) {
        String base = base(type);
        if (base == null) {
            return false;
        }
        if (base.equals(ReadModels.FACTS)) {
            return applyFactsTo(List.of(new FactEvent(type, data, null)), generation) > 0;
        }
        return apply(type, data, ReadModels.name(base, generation));
    }

    /** Applies publication events to one generation (rebuild); returns how many events changed it. */
    public int applyFactsTo(List<FactEvent> events, int generation) {
        int applied = 0;
        for (Applied a : facts.applyBatch(events, ReadModels.name(ReadModels.FACTS, generation),
                ReadModels.name(ReadModels.DAY_COUNTS, generation))) {
            applied += a.events().size();
        }
        return applied;
    }

    static String base(String type) {
        if (type == null) {
            return null;
        }
        if (PublicationFactProjection.handles(type)) {
            return ReadModels.FACTS;
        }
        if (PlanProjection.handles(type)) {
            return ReadModels.PLANS;
        }
        if (TaskProjection.handles(type)) {
            return ReadModels.TASKS;
        }
        if (UnitProjection.handles(type)) {
            return ReadModels.UNITS;
        }
        return null;
    }

    public static boolean isPublicationEvent(String type) {
        return ReadModels.FACTS.equals(base(type));
    }

    private boolean apply(String type, JsonNode data, String collection) {
        return switch (base(type)) {
            case ReadModels.PLANS -> plans.apply(data, collection);
            case ReadModels.TASKS -> tasks.apply(data, collection);
            case ReadModels.UNITS -> units.apply(data, collection);
            default -> false;
        };
    }

    /** The live-stream change of a publication whose fact changed (its newest event). */
    public static Change change(Applied applied) {
        FactEvent last = applied.last();
        return change(ReadModels.FACTS, last.type(), last.data());
    }

    /** Changes for every applied publication of a batch. */
    public static List<Change> changes(List<Applied> applied) {
        List<Change> changes = new ArrayList<>(applied.size());
        applied.forEach(a -> changes.add(change(a)));
        return changes;
    }

    private static Change change(String base, String type, JsonNode data) {
        long revision = data.path("revision").asLong();
        return switch (base) {
            case ReadModels.FACTS -> new Change(base, type, data.path("publicationId").asString(), data.path("unitId").asString(null),
                    data.path("planId").asString(null), revision);
            case ReadModels.PLANS -> new Change(base, type, data.path("planId").asString(), data.path("issuingUnitId").asString(null),
                    data.path("planId").asString(), revision);
            case ReadModels.TASKS -> new Change(base, type, data.path("taskId").asString(), data.path("unitId").asString(null),
                    data.path("planId").asString(null), revision);
            default -> new Change(base, type, data.path("unitId").asString(), data.path("unitId").asString(null), null, revision);
        };
    }
}
