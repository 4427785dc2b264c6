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
        /** The status vocabulary (the {@code summary} keys in words), so a client needs no map of its own. */
        @com.fasterxml.jackson.annotation.JsonProperty("statusLabels")
        public Map<TargetStatus, String> statusLabels() {
            return TargetStatus.labels();
        }
    }

    public record CommuneSummary(String communeId, String name, Map<TargetStatus, Integer> summary, int targets,
                                 TaskProgress tasks) {
    }

    /** A province's own targets plus one summary per commune in one call. */
    public record ProvinceCompliance(String unitId, String name, int year, LocalDate asOf, Map<TargetStatus, Integer> summary,
                                     List<TargetCompliance> ownTargets, List<CommuneSummary> communes) {
        @com.fasterxml.jackson.annotation.JsonProperty("statusLabels")
        public Map<TargetStatus, String> statusLabels() {
            return TargetStatus.labels();
        }
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
        java.util.function.Predicate<TargetDef> include = t -> UnitPath.within(t.unitId(), unitId);
        List<TargetCompliance> targets = evaluate(plans, store.countedItems(plans, include), asOf, include);
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
        Scope scope = provinceScope(provinceId, year, asOf, visible);
        List<CommuneSummary> communes = new ArrayList<>();
        for (Map.Entry<String, String> commune : scope.communes().entrySet()) {
            communes.add(new CommuneSummary(commune.getKey(), commune.getValue(), summary(scope.targetsOf(commune.getKey())),
                    scope.targetsOf(commune.getKey()).size(), TaskProgress.of(scope.tasksOf(commune.getKey()))));
        }
        List<TargetCompliance> ownTargets = scope.targets().stream().filter(t -> commune(t.unitId()).isEmpty()).toList();
        return new ProvinceCompliance(provinceId, store.unitName(provinceId), year, asOf, summary(scope.targets()), ownTargets,
                communes);
    }

    /**
     * What a roll-up or overview of a province is made of, read in one go (plans, the year's items, tasks, the commune
     * directory: four queries whatever the number of communes) and evaluated as of {@code asOf}.
     *
     * @param include  which targets belong to the scope (re-evaluating as of another day keeps the same ones)
     * @param communes commune id → name, sorted by id: the communes shown (for a commune or unit scope, the unit itself)
     */
    public record Scope(List<PlanView> plans, TargetItems items, java.util.function.Predicate<TargetDef> include,
                        List<TargetCompliance> targets, List<TaskView> tasks, Map<String, String> communes) {
        /** The same targets evaluated as of another day. */
        public List<TargetCompliance> evaluateAsOf(LocalDate day) {
            return evaluate(plans, items, day, include);
        }

        /**
         * The same targets at the close of {@code day}: items up to that day, the whole day elapsed (evaluated as of the
         * next day), so an instance ending that day is MET or MISSED. The status at the close is that of
         * {@code ComplianceCalculator.current(periods, day)}.
         */
        public List<TargetCompliance> evaluateAtCloseOf(LocalDate day) {
            return evaluate(plans, items.upTo(day), day.plusDays(1), include);
        }

        public List<TargetCompliance> targetsOf(String communeId) {
            return targets.stream().filter(t -> UnitPath.within(t.unitId(), communeId)).toList();
        }

        public List<TaskView> tasksOf(String communeId) {
            return tasks.stream().filter(t -> UnitPath.within(t.unitId(), communeId)).toList();
        }
    }

    /** A province restricted to {@code visible}, as the roll-up shows it (see {@link #province(String, int, LocalDate, List)}). */
    public Scope provinceScope(String provinceId, int year, LocalDate asOf, List<String> visible) {
        List<PlanView> plans = store.plansIn(provinceId, year);
        java.util.function.Predicate<TargetDef> include =
                t -> UnitPath.within(t.unitId(), provinceId) && UnitAccess.inside(t.unitId(), visible);
        TargetItems items = store.countedItems(plans, include);
        List<TargetCompliance> all = evaluate(plans, items, asOf, include);
        List<TaskView> tasks = store.tasks(provinceId, null).stream().filter(t -> UnitAccess.inside(t.unitId(), visible)).toList();

        // communes known from the directory, plus any that has targets or tasks before its unit event arrived
        TreeMap<String, String> communes = new TreeMap<>();
        for (UnitView u : store.unitsUnder(provinceId, List.of("COMMUNE", "WARD", "SPECIAL_ZONE"))) {
            if (UnitAccess.overlaps(u.unitId(), visible)) {
                communes.put(u.unitId(), u.name() == null ? u.unitId() : u.name());
            }
        }
        TreeSet<String> unnamed = new TreeSet<>();
        all.forEach(t -> commune(t.unitId()).filter(c -> !communes.containsKey(c)).ifPresent(unnamed::add));
        tasks.forEach(t -> commune(t.unitId()).filter(c -> !communes.containsKey(c)).ifPresent(unnamed::add));
        unnamed.forEach(c -> communes.put(c, store.unitName(c)));
        return new Scope(plans, items, include, all, tasks, communes);
    }

    /** One unit (a commune, or any unit) and everything beneath it, shown as one "commune". */
    public Scope unitScope(String unitId, int year, LocalDate asOf) {
        List<PlanView> plans = store.plansIn(unitId, year);
        java.util.function.Predicate<TargetDef> include = t -> UnitPath.within(t.unitId(), unitId);
        TargetItems items = store.countedItems(plans, include);
        List<TargetCompliance> targets = evaluate(plans, items, asOf, include);
        List<TaskView> tasks = store.tasks(unitId, null).stream()
                .filter(t -> plans.stream().anyMatch(p -> p.planId().equals(t.planId()))).toList();
        return new Scope(plans, items, include, targets, tasks, new TreeMap<>(Map.of(unitId, store.unitName(unitId))));
    }

    static java.util.Optional<String> commune(String unitId) {
        Object commune = UnitPath.of(unitId).get("commune");
        return java.util.Optional.ofNullable((String) commune);
    }

    /** Targets evaluated from single items (a report's facts). */
    public static List<TargetCompliance> evaluate(List<PlanView> plans, List<Item> items, LocalDate asOf,
                                                  java.util.function.Predicate<TargetDef> include) {
        return evaluate(plans, TargetItems.listed(items), asOf, include);
    }

    public static List<TargetCompliance> evaluate(List<PlanView> plans, TargetItems items, LocalDate asOf,
                                                  java.util.function.Predicate<TargetDef> include) {
        List<TargetCompliance> result = new ArrayList<>();
        for (PlanView plan : plans) {
            for (TargetDef target : plan.targets()) {
                if (!include.test(target)) {
                    continue;
                }
                List<Item> candidates = items.of(target, plan.year());
                LocalDate effectiveFrom = plan.effectiveStart();
                List<PeriodCompliance> periods = ComplianceCalculator.evaluateAll(target, plan.year(), effectiveFrom, candidates, asOf);
                result.add(new TargetCompliance(plan.planId(), plan.title(), target.id(), target.description(), target.unitId(),
                        target.scope(), target.period(), target.kinds(), target.channels(), target.minimum(),
                        ComplianceCalculator.current(periods, asOf), periods, effectiveFrom,
                        ComplianceCalculator.monthly(target, plan.year(), periods, candidates, asOf)));
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
        return summaryOf(targets.stream().map(t -> t.current().status()).toList());
    }

    /** Statuses counted by value, every key but NOT_STARTED present (0 when none), NOT_STARTED left out. */
    public static Map<TargetStatus, Integer> summaryOf(java.util.Collection<TargetStatus> statuses) {
        Map<TargetStatus, Integer> summary = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) {
            if (s != TargetStatus.NOT_STARTED) {
                summary.put(s, 0);
            }
        }
        statuses.stream().filter(s -> s != TargetStatus.NOT_STARTED).forEach(s -> summary.merge(s, 1, Integer::sum));
        return summary;
    }
}
