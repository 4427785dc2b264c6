package vn.cchc.reporting.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.live.LiveUpdates;
import vn.cchc.reporting.plans.PlanView;
import vn.cchc.reporting.readmodel.ReadStore;

/**
 * Remembers each target's status per started period instance ({@code target_status}, one document each) and, when it
 * changes, stores the new status and its {@code vn.cchc.compliance.target-status-changed.v1} event in the same
 * document write (outbox; the relay publishes it). The write is conditional on the revision read, so two threads
 * re-evaluating the same target cannot both emit.
 */
@Component
public class TargetStatusTracker {
    private static final Logger log = LoggerFactory.getLogger(TargetStatusTracker.class);
    public static final String COLLECTION = "target_status";
    public static final String TOPIC = "cchc.compliance.events";
    public static final String TYPE = "vn.cchc.compliance.target-status-changed.v1";

    private final MongoTemplate mongo;
    private final ReadStore store;
    private final Clock clock;
    private final LiveUpdates live;

    TargetStatusTracker(MongoTemplate mongo, ReadStore store, Clock clock, LiveUpdates live) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.live = live;
    }

    /** Re-evaluates every target of the plans as of today; returns how many statuses changed. */
    public int refresh(Collection<PlanView> plans) {
        LocalDate today = VietnamTime.date(clock.instant());
        int changed = 0;
        for (PlanView plan : plans) {
            forgetRemovedTargets(plan);
            List<String> notStarted = new ArrayList<>();
            for (TargetDef target : plan.targets()) {
                List<Item> items = ComplianceService.items(store.facts(target.unitId(), plan.year(), plan.year()));
                for (PeriodCompliance period : ComplianceCalculator.evaluateAll(target, plan.year(), plan.effectiveStart(), items,
                        today)) {
                    if (period.status() == TargetStatus.NOT_STARTED) {
                        notStarted.add(plan.planId() + "|" + target.id() + "|" + period.period());
                    } else if (period.status() != TargetStatus.UPCOMING && record(plan, target, period)) {
                        changed++;
                    }
                }
            }
            forgetNotStarted(notStarted);
        }
        return changed;
    }

    /** An amendment may drop a target: its statuses go too (once their events are published), so gauges stay true. */
    private void forgetRemovedTargets(PlanView plan) {
        List<String> kept = plan.targets().stream().map(TargetDef::id).toList();
        mongo.remove(Query.query(Criteria.where("planId").is(plan.planId()).and("targetId").nin(kept)
                .and("pendingEvents.0").exists(false)), COLLECTION);
    }

    /**
     * A period before the plan's effective start is not judged: a status remembered for it (an amendment moved the start
     * later) goes, once its events are published, so gauges stay true. No event is emitted: the contract has no status
     * for "not judged", and NOT_STARTED periods are never reported.
     */
    private void forgetNotStarted(List<String> ids) {
        if (!ids.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(ids).and("pendingEvents.0").exists(false)), COLLECTION);
        }
    }

    private boolean record(PlanView plan, TargetDef target, PeriodCompliance period) {
        String id = plan.planId() + "|" + target.id() + "|" + period.period();
        Document stored = mongo.findById(id, Document.class, COLLECTION);
        String previous = stored == null ? null : stored.getString("status");
        if (period.status().name().equals(previous)) {
            if (stored.get("count", Number.class).longValue() != period.count()
                    || stored.get("minimum", Number.class).intValue() != period.minimum()) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                        new Update().set("count", period.count()).set("minimum", period.minimum()), COLLECTION);
            }
            return false;
        }
        long revision = stored == null ? 1 : stored.get("revision", Number.class).longValue() + 1;
        Map<String, Object> data = eventData(id, plan, target, period, previous, revision);
        PendingEvent event = PendingEvent.of(TYPE, TOPIC, id, clock.instant(), data);
        Update update = new Update().set("planId", plan.planId()).set("targetId", target.id()).set("period", period.period())
                .set("unitId", target.unitId()).set("commune", UnitPath.of(target.unitId()).get("commune"))
                .set("status", period.status().name()).set("count", period.count()).set("minimum", period.minimum())
                .set("periodEnd", period.end().toString()).set("revision", revision).push("pendingEvents", event);
        try {
            if (stored == null) {
                mongo.upsert(Query.query(Criteria.where("_id").is(id).and("revision").exists(false)), update, COLLECTION);
            } else if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("revision").is(revision - 1)), update,
                    COLLECTION).getModifiedCount() == 0) {
                return false; // another thread got there first; its evaluation is as fresh as ours
            }
        } catch (DuplicateKeyException raced) {
            return false;
        }
        log.debug("Target {} {} → {}", id, previous, period.status());
        live.publish("target-status", target.unitId(), data);
        return true;
    }

    static Map<String, Object> eventData(String id, PlanView plan, TargetDef target, PeriodCompliance period,
                                         String previous, long revision) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("targetStatusId", id);
        data.put("revision", revision);
        data.put("planId", plan.planId());
        data.put("planTitle", plan.title());
        data.put("targetId", target.id());
        data.put("description", target.description());
        data.put("unitId", target.unitId());
        data.put("unitPath", UnitPath.of(target.unitId()));
        data.put("periodType", target.period());
        data.put("period", period.period());
        data.put("periodStart", period.start().toString());
        data.put("periodEnd", period.end().toString());
        data.put("status", period.status().name());
        data.put("previousStatus", previous);
        data.put("count", period.count());
        data.put("minimum", period.minimum());
        data.put("kinds", new ArrayList<>(target.kinds()));
        data.put("channels", new ArrayList<>(target.channels()));
        return data;
    }
}
