package vn.cchc.reporting.readmodel;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.reporting.counts.PublicationFactProjection;
import vn.cchc.reporting.plans.PlanProjection;
import vn.cchc.reporting.tasks.TaskProjection;
import vn.cchc.reporting.units.UnitProjection;

/** Routes an event to its projection, for live consumption (active + building generation) and for a rebuild. */
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

    /** Applies a live event; returns the change when the active read model changed, null for a duplicate/stale event. */
    public Change applyLive(String type, JsonNode data, Instant eventTime) {
        String base = base(type);
        if (base == null) {
            return null;
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

    /** Applies an event to one generation (rebuild); true when it changed it. */
    public boolean applyTo(String type, JsonNode data, int generation) {
        String base = base(type);
        return base != null && apply(type, data, ReadModels.name(base, generation));
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

    private boolean apply(String type, JsonNode data, String collection) {
        return switch (base(type)) {
            case ReadModels.FACTS -> facts.apply(type, data, collection);
            case ReadModels.PLANS -> plans.apply(data, collection);
            case ReadModels.TASKS -> tasks.apply(data, collection);
            case ReadModels.UNITS -> units.apply(data, collection);
            default -> false;
        };
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
