package vn.cchc.reporting.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
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
import vn.cchc.reporting.counts.DayCounts.Contribution;
import vn.cchc.reporting.counts.PublicationFactProjection.Applied;
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
    private final ComplianceState state;
    private final ComplianceGauges gauges;
    private final java.util.concurrent.locks.ReentrantLock stateLock = new java.util.concurrent.locks.ReentrantLock();

    TargetStatusTracker(MongoTemplate mongo, ReadStore store, Clock clock, LiveUpdates live, ComplianceState state,
                        ComplianceGauges gauges) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.live = live;
        this.state = state;
        this.gauges = gauges;
        // an amendment's removed targets; the gauges' AT_RISK / MISSED of the year (ignored by the wire server, see
        // ReadModelIndexes)
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("planId", org.springframework.data.domain.Sort.Direction.ASC)
                .on("targetId", org.springframework.data.domain.Sort.Direction.ASC).named("plan_target"));
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("status", org.springframework.data.domain.Sort.Direction.ASC)
                .on("periodEnd", org.springframework.data.domain.Sort.Direction.ASC).named("status_period_end"));
    }

    /** Re-evaluates every target of the plans as of today; returns how many statuses changed. */
    public int refresh(Collection<PlanView> plans) {
        LocalDate today = VietnamTime.date(clock.instant());
        List<PlanView> list = List.copyOf(plans);
        Map<String, List<PeriodCompliance>> evaluated = evaluateAndStore(list, (p, t) -> true,
                writes -> list.forEach(p -> forgetRemovedTargets(p, writes)), today);
        int changed = 0;
        for (PlanView plan : list) {
            List<String> notStarted = new ArrayList<>();
            for (TargetDef target : plan.targets()) {
                for (PeriodCompliance period : evaluated.get(plan.planId() + "|" + target.id())) {
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

    /**
     * Reads the counts, evaluates the chosen targets and stores their state under one lock, so within this instance the
     * last state written comes from the last read of the counts: a plan event's round that read the counts before a
     * publication batch cannot overwrite the state that batch's round stored after it. Only this part is serialized;
     * recording statuses and events happens outside.
     */
    private Map<String, List<PeriodCompliance>> evaluateAndStore(List<PlanView> plans,
                                                                  java.util.function.BiPredicate<PlanView, TargetDef> which,
                                                                  java.util.function.Consumer<ComplianceState.Writes> first,
                                                                  LocalDate today) {
        stateLock.lock();
        try {
            TargetItems items = store.countedItems(plans.stream()
                    .filter(p -> p.targets().stream().anyMatch(t -> which.test(p, t))).toList(), t -> true);
            ComplianceState.Writes writes = state.writes();
            first.accept(writes);
            Map<String, List<PeriodCompliance>> evaluated = new HashMap<>();
            for (PlanView plan : plans) {
                for (TargetDef target : plan.targets()) {
                    if (which.test(plan, target)) {
                        evaluated.put(plan.planId() + "|" + target.id(), evaluate(plan, target, items, today, writes));
                    }
                }
            }
            store(writes, today);
            return evaluated;
        } finally {
            stateLock.unlock();
        }
    }

    /** Every period of the target as of today, and its stored state (written with the round's other evaluations). */
    private List<PeriodCompliance> evaluate(PlanView plan, TargetDef target, TargetItems items, LocalDate today,
                                            ComplianceState.Writes writes) {
        List<Item> candidates = items.of(target, plan.year());
        List<PeriodCompliance> periods = ComplianceCalculator.evaluateAll(target, plan.year(), plan.effectiveStart(), candidates, today);
        writes.put(plan, target, StoredTarget.of(plan, target, periods,
                ComplianceCalculator.monthly(target, plan.year(), periods, candidates, today), today));
        return periods;
    }

    /** One bulk write of the round's states, then the gauges of the commune documents written. */
    private void store(ComplianceState.Writes writes, LocalDate today) {
        writes.write();
        gauges.update(state.documents(writes.documents()).values(), today.getYear());
    }

    /**
     * Re-evaluates, as of today, only what changed publications can move: the targets they count for (plans targeting
     * their unit or a unit above it) and, of those, only the periods their days fall in. The counts of a target come
     * from one pre-aggregated document, so the cost does not depend on how many items are stored.
     */
    public int refreshTouched(List<Applied> changes) {
        List<Contribution> touched = new ArrayList<>();
        Set<String> units = new LinkedHashSet<>();
        for (Applied a : changes) {
            for (Contribution c : java.util.Arrays.asList(a.before(), a.after())) {
                if (c != null) {
                    touched.add(c);
                    units.addAll(vn.cchc.reporting.counts.DayCounts.ancestorsAndSelf(c.unitId()));
                }
            }
        }
        if (touched.isEmpty()) {
            return 0;
        }
        LocalDate today = VietnamTime.date(clock.instant());
        List<PlanView> plans = store.plansTargeting(List.copyOf(units));
        Map<String, Set<LocalDate>> daysByTarget = new HashMap<>();
        for (PlanView plan : plans) {
            for (TargetDef target : plan.targets()) {
                for (Contribution c : touched) {
                    if (c.date().getYear() == plan.year()
                            && ComplianceCalculator.matches(target, new Item(c.unitId(), c.channel(), c.kind(), c.date()))) {
                        daysByTarget.computeIfAbsent(plan.planId() + "|" + target.id(), k -> new HashSet<>()).add(c.date());
                    }
                }
            }
        }
        if (daysByTarget.isEmpty()) {
            return 0;
        }
        Map<String, List<PeriodCompliance>> evaluated = evaluateAndStore(plans,
                (p, t) -> daysByTarget.containsKey(p.planId() + "|" + t.id()), writes -> { }, today);
        int changed = 0;
        for (PlanView plan : plans) {
            for (TargetDef target : plan.targets()) {
                Set<LocalDate> days = daysByTarget.get(plan.planId() + "|" + target.id());
                if (days == null) {
                    continue;
                }
                for (PeriodCompliance period : evaluated.get(plan.planId() + "|" + target.id())) {
                    boolean hit = days.stream().anyMatch(d -> !d.isBefore(period.start()) && !d.isAfter(period.end()));
                    if (hit && period.status() != TargetStatus.NOT_STARTED && period.status() != TargetStatus.UPCOMING
                            && record(plan, target, period)) {
                        changed++;
                    }
                }
            }
        }
        return changed;
    }

    /** An amendment may drop a target: its statuses go too (once their events are published), so gauges stay true. */
    private void forgetRemovedTargets(PlanView plan, ComplianceState.Writes writes) {
        List<String> kept = plan.targets().stream().map(TargetDef::id).toList();
        if (plan.revision() <= 1) {
            return; // never amended: no target was removed or moved (the sweep passes every plan: no scans for them)
        }
        // the stored state of a removed target (or of one moved to another unit) leaves its commune's document
        Map<String, String> unitOf = new HashMap<>();
        plan.targets().forEach(t -> unitOf.put(t.id(), t.unitId()));
        Query ofPlan = Query.query(Criteria.where("planId").is(plan.planId()));
        ofPlan.fields().include("targetId").include("unitId");
        Set<String> forgotten = new HashSet<>();
        for (Document d : mongo.find(ofPlan, Document.class, COLLECTION)) {
            String targetId = d.getString("targetId");
            String unitId = d.getString("unitId");
            String now = unitOf.get(targetId);
            boolean sameDocument = now != null && ComplianceState.owner(now).equals(ComplianceState.owner(unitId));
            if (unitId != null && !sameDocument && forgotten.add(targetId + "|" + unitId)) {
                writes.forget(plan.year(), unitId, plan.planId(), targetId);
            }
        }
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
