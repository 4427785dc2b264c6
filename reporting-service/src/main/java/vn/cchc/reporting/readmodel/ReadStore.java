package vn.cchc.reporting.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.compliance.Item;
import vn.cchc.reporting.compliance.TargetDef;
import vn.cchc.reporting.compliance.TargetItems;
import vn.cchc.reporting.counts.DayCounts;
import vn.cchc.reporting.counts.PublicationFact;
import vn.cchc.reporting.plans.PlanView;
import vn.cchc.reporting.tasks.TaskView;
import vn.cchc.reporting.units.UnitView;

/** Reads the active generation of the read models. */
@Component
public class ReadStore {
    private final MongoTemplate mongo;
    private final ReadModels models;
    private final JsonMapper json;

    public ReadStore(MongoTemplate mongo, ReadModels models, JsonMapper json) {
        this.mongo = mongo;
        this.models = models;
        this.json = json;
    }

    /** Plans of {@code year} issued in the scope's subtree or with a target in it. */
    public List<PlanView> plansIn(String scope, int year) {
        String regex = UnitPath.subtreeRegex(scope);
        Query query = Query.query(Criteria.where("year").is(year).orOperator(
                Criteria.where("issuingUnitId").regex(regex), Criteria.where("targetUnitIds").regex(regex)));
        return plans(query);
    }

    /** Plans with a target set on one of {@code unitIds} (a publication's unit and its ancestors). */
    public List<PlanView> plansTargeting(List<String> unitIds) {
        return plans(Query.query(Criteria.where("targetUnitIds").in(unitIds)));
    }

    public List<PlanView> plansOfYear(int year) {
        return plans(Query.query(Criteria.where("year").is(year)));
    }

    public PlanView plan(String planId) {
        List<PlanView> found = plans(Query.query(Criteria.where("_id").is(planId)));
        return found.isEmpty() ? null : found.getFirst();
    }

    private List<PlanView> plans(Query query) {
        List<PlanView> plans = new ArrayList<>();
        for (Document d : mongo.find(query, Document.class, models.collection(ReadModels.PLANS))) {
            plans.add(json.readValue(d.getString("json"), PlanView.class));
        }
        return plans;
    }

    /** Counted (not retracted) publications of the scope's subtree published in {@code fromYear}..{@code toYear}. */
    public List<PublicationFact> facts(String scope, int fromYear, int toYear) {
        Query query = Query.query(Criteria.where("unitId").regex(UnitPath.subtreeRegex(scope))
                .and("year").gte(fromYear).lte(toYear).and("counted").is(true));
        return mongo.find(query, PublicationFact.class, models.collection(ReadModels.FACTS));
    }

    /**
     * The counts documents of the targets of {@code plans} that pass {@code include}: one query, one document per target
     * whatever the number of items stored.
     */
    public TargetItems countedItems(List<PlanView> plans, java.util.function.Predicate<TargetDef> include) {
        List<String> ids = new ArrayList<>();
        for (PlanView plan : plans) {
            for (TargetDef target : plan.targets()) {
                if (include.test(target)) {
                    ids.add(DayCounts.idFor(target.scope(), target.unitId(), plan.year()));
                }
            }
        }
        return TargetItems.counted(countsDocuments(ids));
    }

    /** Counts documents by id ({@link DayCounts#id}) read as weighted items; missing ones are absent. */
    public Map<String, List<Item>> countsDocuments(java.util.Collection<String> ids) {
        Map<String, List<Item>> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        Query query = Query.query(Criteria.where("_id").in(new java.util.LinkedHashSet<>(ids)));
        for (Document d : mongo.find(query, Document.class, models.collection(ReadModels.DAY_COUNTS))) {
            byId.put(d.getString("_id"), DayCounts.items(d));
        }
        return byId;
    }

    /** One counts document (null when nothing was ever counted in it). */
    public Document countsDocument(String id) {
        return mongo.findById(id, Document.class, models.collection(ReadModels.DAY_COUNTS));
    }

    public List<TaskView> tasks(String scope, String planId) {
        Criteria criteria = Criteria.where("unitId").regex(UnitPath.subtreeRegex(scope));
        if (planId != null) {
            criteria = criteria.and("planId").is(planId);
        }
        return mongo.find(Query.query(criteria), TaskView.class, models.collection(ReadModels.TASKS));
    }

    public List<TaskView> tasksOfPlans(List<String> planIds) {
        return mongo.find(Query.query(Criteria.where("planId").in(planIds)), TaskView.class, models.collection(ReadModels.TASKS));
    }

    public UnitView unit(String unitId) {
        return mongo.findById(unitId, UnitView.class, models.collection(ReadModels.UNITS));
    }

    /** Units directly or indirectly under {@code scope} of one of {@code kinds}. */
    public List<UnitView> unitsUnder(String scope, List<String> kinds) {
        Query query = Query.query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(scope) + "\\.")
                .and("kind").in(kinds));
        return mongo.find(query, UnitView.class, models.collection(ReadModels.UNITS));
    }

    /**
     * Names of {@code unitIds} in one {@code _id $in} query (reports and roll-ups name many units: never one query per
     * unit); a unit without a name keeps its id.
     */
    public Map<String, String> unitNames(java.util.Collection<String> unitIds) {
        Map<String, String> names = new HashMap<>();
        if (unitIds.isEmpty()) {
            return names;
        }
        unitIds.forEach(id -> names.put(id, id));
        Query query = Query.query(Criteria.where("_id").in(new java.util.LinkedHashSet<>(unitIds)));
        for (UnitView unit : mongo.find(query, UnitView.class, models.collection(ReadModels.UNITS))) {
            if (unit.name() != null) {
                names.put(unit.unitId(), unit.name());
            }
        }
        return names;
    }

    public String unitName(String unitId) {
        UnitView unit = unit(unitId);
        return unit == null || unit.name() == null ? unitId : unit.name();
    }
}
