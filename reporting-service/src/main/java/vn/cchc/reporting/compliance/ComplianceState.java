package vn.cchc.reporting.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.plans.PlanView;

/**
 * The stored per-target, per-period compliance state ({@code compliance_state}), kept current by the status tracker
 * whenever it evaluates a target (publication batches, plan events, the sweep), so roll-ups and the overview read it
 * instead of re-evaluating every target on every request.
 *
 * <p>One document per <b>owner × year</b>, {@code _id = "2026|vinh-long.phu-khuong"}: the owner is the commune a
 * target's unit lies in, or the province for the province's own targets. It maps each target
 * ({@code targets.<planId|targetId>}) to its {@link StoredTarget}: every period instance (count, pace, status), twelve
 * monthly counts, the day it was evaluated and the definition it was evaluated for. Reads are {@code _id $in} (the
 * only filter the local wire server serves from an index), writes are one bulk of {@code $set} by {@code _id} per
 * evaluation round.
 */
@Component
public class ComplianceState {
    public static final String COLLECTION = "compliance_state";

    private final MongoTemplate mongo;

    public ComplianceState(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The document holding a target's state: its commune's, or the province's for a target above every commune. */
    public static String documentId(int year, String targetUnitId) {
        return year + "|" + owner(targetUnitId);
    }

    /** The commune of a unit, or the unit's province when it lies above every commune. */
    public static String owner(String unitId) {
        return ComplianceService.commune(unitId).orElseGet(() -> (String) UnitPath.of(unitId).get("province"));
    }

    /** Field names may not contain dots: ids are kept readable, with '.' and '%' escaped. */
    static String key(String planId, String targetId) {
        return (planId + "|" + targetId).replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    /** Evaluations to store in one bulk write. */
    public final class Writes {
        private final Map<String, Update> byDocument = new HashMap<>();

        public void put(PlanView plan, TargetDef target, StoredTarget state) {
            byDocument.computeIfAbsent(documentId(plan.year(), target.unitId()), id -> new Update()
                            .set("year", plan.year()).set("owner", owner(target.unitId())))
                    .set("targets." + key(plan.planId(), target.id()), state.toDocument());
        }

        public void forget(int year, String targetUnitId, String planId, String targetId) {
            byDocument.computeIfAbsent(documentId(year, targetUnitId), id -> new Update())
                    .unset("targets." + key(planId, targetId));
        }

        /** The owner documents written (for the gauges). */
        public Collection<String> documents() {
            return byDocument.keySet();
        }

        public void write() {
            if (byDocument.isEmpty()) {
                return;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            byDocument.forEach((id, update) -> bulk.upsert(Query.query(Criteria.where("_id").is(id)), update));
            bulk.execute();
        }
    }

    public Writes writes() {
        return new Writes();
    }

    /** Owner documents by id (one {@code _id $in} query); missing ones are absent. */
    public Map<String, Document> documents(Collection<String> ids) {
        Map<String, Document> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        for (Document d : mongo.find(Query.query(Criteria.where("_id").in(new LinkedHashSet<>(ids))), Document.class, COLLECTION)) {
            byId.put(d.getString("_id"), d);
        }
        return byId;
    }

    /** Every owner document of a year (the gauges' full reload: one scan of this compact collection). */
    public List<Document> documentsOfYear(int year) {
        return new ArrayList<>(mongo.find(Query.query(Criteria.where("year").is(year)), Document.class, COLLECTION));
    }

    /** The stored state of a target, if any, from its owner document. */
    public static StoredTarget find(Map<String, Document> documents, PlanView plan, TargetDef target) {
        Document owner = documents.get(documentId(plan.year(), target.unitId()));
        Document targets = owner == null ? null : owner.get("targets", Document.class);
        Document stored = targets == null ? null : targets.get(key(plan.planId(), target.id()), Document.class);
        return stored == null ? null : StoredTarget.of(stored);
    }

    /** Every stored target of an owner document (for the gauges). */
    public static List<StoredTarget> targets(Document owner) {
        Document targets = owner.get("targets", Document.class);
        List<StoredTarget> list = new ArrayList<>();
        if (targets != null) {
            targets.values().forEach(v -> list.add(StoredTarget.of((Document) v)));
        }
        return list;
    }

    /** The day the state of {@code stored} describes, if it is for the target as the plan defines it now. */
    public static boolean usable(StoredTarget stored, PlanView plan, TargetDef target, LocalDate asOf) {
        return stored != null && stored.evaluatedOn().equals(asOf) && stored.definition().equals(StoredTarget.definition(plan, target));
    }
}
