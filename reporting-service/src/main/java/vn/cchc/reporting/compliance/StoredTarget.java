package vn.cchc.reporting.compliance;

import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import vn.cchc.reporting.plans.PlanView;

/**
 * A target's evaluation as stored in {@link ComplianceState}, compact: the twelve monthly counts as of
 * {@code evaluatedOn} and one status letter per period instance, for the target as {@code definition} describes it (an
 * amendment or a new effective start makes a stored state unusable until the tracker re-evaluates it). Every period's
 * count, pace and status follow from the monthly counts ({@link ComplianceCalculator#fromMonthly}): a few hundred
 * bytes per target, so a province of 1,000 communes is read in one {@code _id $in} of 1,000 small documents.
 *
 * @param statuses one letter per period instance ({@link #letter}), for the gauges without re-deriving
 */
public record StoredTarget(String definition, LocalDate evaluatedOn, List<Long> monthly, String statuses) {

    /** What the evaluation depends on besides the items: the rule's fields, the plan year and its effective start. */
    public static String definition(PlanView plan, TargetDef t) {
        return String.join("|", String.valueOf(plan.year()), String.valueOf(plan.effectiveStart()), t.period(), t.scope(),
                t.unitId(), String.valueOf(t.minimum()), String.join(",", t.kinds()), String.join(",", t.channels()));
    }

    public static StoredTarget of(PlanView plan, TargetDef target, List<PeriodCompliance> periods, List<Long> monthly,
                                  LocalDate evaluatedOn) {
        StringBuilder letters = new StringBuilder();
        periods.forEach(p -> letters.append(letter(p.status())));
        return new StoredTarget(definition(plan, target), evaluatedOn, List.copyOf(monthly), letters.toString());
    }

    /** U(pcoming), O(n track), A(t risk), M(et), X (missed), N(ot started). */
    static char letter(TargetStatus status) {
        return switch (status) {
            case UPCOMING -> 'U';
            case ON_TRACK -> 'O';
            case AT_RISK -> 'A';
            case MET -> 'M';
            case MISSED -> 'X';
            case NOT_STARTED -> 'N';
        };
    }

    /** Period instances stored with {@code status}. */
    public long count(TargetStatus status) {
        char letter = letter(status);
        return statuses.chars().filter(c -> c == letter).count();
    }

    /** The full target compliance, as {@code ComplianceService.evaluate} gives it on {@code evaluatedOn}. */
    public TargetCompliance toCompliance(PlanView plan, TargetDef target) {
        List<PeriodCompliance> periods = ComplianceCalculator.fromMonthly(target, plan.year(), plan.effectiveStart(), monthly,
                evaluatedOn);
        return new TargetCompliance(plan.planId(), plan.title(), target.id(), target.description(), target.unitId(),
                target.scope(), target.period(), target.kinds(), target.channels(), target.minimum(),
                ComplianceCalculator.current(periods, evaluatedOn), periods, plan.effectiveStart(), monthly);
    }

    Document toDocument() {
        return new Document("d", definition).append("on", evaluatedOn.toString()).append("mo", monthly).append("s", statuses);
    }

    static StoredTarget of(Document d) {
        List<Long> monthly = d.getList("mo", Number.class).stream().map(Number::longValue).toList();
        return new StoredTarget(d.getString("d"), LocalDate.parse(d.getString("on")), monthly, d.getString("s"));
    }
}
