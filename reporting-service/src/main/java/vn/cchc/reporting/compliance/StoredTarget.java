package vn.cchc.reporting.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import vn.cchc.reporting.plans.PlanView;

/**
 * A target's evaluation as stored in {@link ComplianceState}: every period instance and the twelve monthly counts as of
 * {@code evaluatedOn}, for the target as {@code definition} describes it (an amendment or a new effective start makes
 * a stored state unusable until the tracker re-evaluates it).
 */
public record StoredTarget(String definition, LocalDate evaluatedOn, List<PeriodCompliance> periods, List<Long> monthly) {

    /** What the evaluation depends on besides the items: the rule's fields, the plan year and its effective start. */
    public static String definition(PlanView plan, TargetDef t) {
        return String.join("|", String.valueOf(plan.year()), String.valueOf(plan.effectiveStart()), t.period(), t.scope(),
                t.unitId(), String.valueOf(t.minimum()), String.join(",", t.kinds()), String.join(",", t.channels()));
    }

    public static StoredTarget of(PlanView plan, TargetDef target, List<PeriodCompliance> periods, List<Long> monthly,
                                  LocalDate evaluatedOn) {
        return new StoredTarget(definition(plan, target), evaluatedOn, periods, monthly);
    }

    /** The full target compliance, as {@code ComplianceService.evaluate} would give it on {@code evaluatedOn}. */
    public TargetCompliance toCompliance(PlanView plan, TargetDef target) {
        return new TargetCompliance(plan.planId(), plan.title(), target.id(), target.description(), target.unitId(),
                target.scope(), target.period(), target.kinds(), target.channels(), target.minimum(),
                ComplianceCalculator.current(periods, evaluatedOn), periods, plan.effectiveStart(), monthly);
    }

    Document toDocument() {
        List<Document> ps = new ArrayList<>();
        for (PeriodCompliance p : periods) {
            ps.add(new Document("k", p.period()).append("a", p.start().toString()).append("b", p.end().toString())
                    .append("f", p.countedFrom() == null ? null : p.countedFrom().toString()).append("c", p.count())
                    .append("m", p.minimum()).append("e", p.expectedByNow()).append("s", p.status().name()));
        }
        return new Document("d", definition).append("on", evaluatedOn.toString()).append("p", ps)
                .append("mo", new ArrayList<>(monthly));
    }

    static StoredTarget of(Document d) {
        List<PeriodCompliance> periods = new ArrayList<>();
        for (Document p : d.getList("p", Document.class)) {
            String from = p.getString("f");
            periods.add(new PeriodCompliance(p.getString("k"), LocalDate.parse(p.getString("a")), LocalDate.parse(p.getString("b")),
                    from == null ? null : LocalDate.parse(from), ((Number) p.get("c")).longValue(), ((Number) p.get("m")).intValue(),
                    ((Number) p.get("e")).doubleValue(), TargetStatus.valueOf(p.getString("s"))));
        }
        List<Long> monthly = d.getList("mo", Number.class).stream().map(Number::longValue).toList();
        return new StoredTarget(d.getString("d"), LocalDate.parse(d.getString("on")), List.copyOf(periods), monthly);
    }
}
