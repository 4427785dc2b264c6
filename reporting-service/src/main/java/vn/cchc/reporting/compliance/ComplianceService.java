package vn.cchc.reporting.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.access.UnitAccess;
import vn.cchc.reporting.counts.PublicationFact;
import vn.cchc.reporting.plans.PlanView;
import vn.cchc.reporting.readmodel.ReadStore;
import vn.cchc.reporting.tasks.TaskProgress;
import vn.cchc.reporting.tasks.TaskView;
import vn.cchc.reporting.units.UnitView;

/** Compliance of every target in a scope, evaluated from the read models (plans + publication facts) as of a day. */
@Service
public class ComplianceService {
    private final ReadStore store;

    public ComplianceService(ReadStore store) {
        this.store = store;
    }

    public record UnitCompliance(String unitId, String name, int year, LocalDate asOf, Map<TargetStatus, Integer> summary,
                                 List<TargetCompliance> targets, TaskProgress tasks) {
    }

    public record CommuneSummary(String communeId, String name, Map<TargetStatus, Integer> summary, int targets,
                                 TaskProgress tasks) {
    }

    /** A province's own targets plus one summary per commune in one call. */
    public record ProvinceCompliance(String unitId, String name, int year, LocalDate asOf, Map<TargetStatus, Integer> summary,
                                     List<TargetCompliance> ownTargets, List<CommuneSummary> communes) {
    }

    /**
     * The first day any of {@code plans} is in force (the earliest effective start), 1 January of {@code year} without
     * plans: items published before it are not the plan year's work (PAR score).
     */
    public static LocalDate inForceFrom(List<PlanView> plans, int year) {
        return plans.stream().filter(p -> p.year() == year).map(PlanView::effectiveStart).min(LocalDate::compareTo)
                .orElse(LocalDate.of(year, 1, 1));
    }

    public static List<Item> items(List<PublicationFact> facts) {
        return facts.stream().map(f -> new Item(f.unitId(), f.channel(), f.kind(), LocalDate.parse(f.date()))).toList();
    }

    /** Targets set on the unit or beneath it, for plans of {@code year}. */
    public UnitCompliance unit(String unitId, int year, LocalDate asOf) {
        List<PlanView> plans = store.plansIn(unitId, year);
        List<Item> items = items(store.facts(unitId, year, year));
        List<TargetCompliance> targets = evaluate(plans, items, asOf, t -> UnitPath.within(t.unitId(), unitId));
        List<TaskView> tasks = store.tasks(unitId, null).stream()
                .filter(t -> plans.stream().anyMatch(p -> p.planId().equals(t.planId()))).toList();
        return new UnitCompliance(unitId, store.unitName(unitId), year, asOf, summary(targets), targets, TaskProgress.of(tasks));
    }

    public ProvinceCompliance province(String provinceId, int year, LocalDate asOf) {
        return province(provinceId, year, asOf, List.of(provinceId));
    }

    /**
     * The roll-up restricted to {@code visible} (subtrees of the province the caller may see; {@code [provinceId]} for the
     * whole province): only targets and tasks inside them, only communes overlapping them. A target counts items of its
     * own unit or subtree only, so figures of visible targets never depend on units outside {@code visible}.
     */
    public ProvinceCompliance province(String provinceId, int year, LocalDate asOf, List<String> visible) {
        List<PlanView> plans = store.plansIn(provinceId, year);
        List<Item> items = items(store.facts(provinceId, year, year));
        List<TargetCompliance> all = evaluate(plans, items, asOf,
                t -> UnitPath.within(t.unitId(), provinceId) && UnitAccess.inside(t.unitId(), visible));
        List<TaskView> tasks = store.tasks(provinceId, null).stream().filter(t -> UnitAccess.inside(t.unitId(), visible)).toList();

        // communes known from the directory, plus any that has targets or tasks before its unit event arrived
        TreeSet<String> communeIds = new TreeSet<>();
        for (UnitView u : store.unitsUnder(provinceId, List.of("COMMUNE", "WARD", "SPECIAL_ZONE"))) {
            if (UnitAccess.overlaps(u.unitId(), visible)) {
                communeIds.add(u.unitId());
            }
        }
        all.forEach(t -> commune(t.unitId()).ifPresent(communeIds::add));
        tasks.forEach(t -> commune(t.unitId()).ifPresent(communeIds::add));

        List<CommuneSummary> communes = new ArrayList<>();
        for (String communeId : communeIds) {
            List<TargetCompliance> own = all.stream().filter(t -> UnitPath.within(t.unitId(), communeId)).toList();
            List<TaskView> communeTasks = tasks.stream().filter(t -> UnitPath.within(t.unitId(), communeId)).toList();
            communes.add(new CommuneSummary(communeId, store.unitName(communeId), summary(own), own.size(), TaskProgress.of(communeTasks)));
        }
        List<TargetCompliance> ownTargets = all.stream().filter(t -> commune(t.unitId()).isEmpty()).toList();
        return new ProvinceCompliance(provinceId, store.unitName(provinceId), year, asOf, summary(all), ownTargets, communes);
    }

    static java.util.Optional<String> commune(String unitId) {
        Object commune = UnitPath.of(unitId).get("commune");
        return java.util.Optional.ofNullable((String) commune);
    }

    public static List<TargetCompliance> evaluate(List<PlanView> plans, List<Item> items, LocalDate asOf,
                                                  java.util.function.Predicate<TargetDef> include) {
        List<TargetCompliance> result = new ArrayList<>();
        for (PlanView plan : plans) {
            for (TargetDef target : plan.targets()) {
                if (!include.test(target)) {
                    continue;
                }
                LocalDate effectiveFrom = plan.effectiveStart();
                List<PeriodCompliance> periods = ComplianceCalculator.evaluateAll(target, plan.year(), effectiveFrom, items, asOf);
                result.add(new TargetCompliance(plan.planId(), plan.title(), target.id(), target.description(), target.unitId(),
                        target.scope(), target.period(), target.kinds(), target.channels(), target.minimum(),
                        ComplianceCalculator.current(periods, asOf), periods, effectiveFrom));
            }
        }
        result.sort(java.util.Comparator.comparing(TargetCompliance::planId).thenComparing(TargetCompliance::targetId));
        return result;
    }

    /**
     * How many targets stand in each status in their current period instance. NOT_STARTED is not a key: a target whose
     * plan is not in force in any of its periods (or whose current period is not judged) is left out.
     */
    public static Map<TargetStatus, Integer> summary(List<TargetCompliance> targets) {
        Map<TargetStatus, Integer> summary = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) {
            if (s != TargetStatus.NOT_STARTED) {
                summary.put(s, 0);
            }
        }
        targets.stream().filter(t -> t.current().status() != TargetStatus.NOT_STARTED)
                .forEach(t -> summary.merge(t.current().status(), 1, Integer::sum));
        return summary;
    }
}
