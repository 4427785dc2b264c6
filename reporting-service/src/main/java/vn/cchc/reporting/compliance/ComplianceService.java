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
    /** null: every request evaluates from the counts (tests of the rules alone) */
    private final ComplianceState state;

    public ComplianceService(ReadStore store) {
        this(store, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ComplianceService(ReadStore store, ComplianceState state) {
        this.store = store;
        this.state = state;
    }

    public record UnitCompliance(String unitId, String name, int year, LocalDate asOf, Map<TargetStatus, Integer> summary,
                                 List<TargetCompliance> targets, TaskProgress tasks) {
        /** The status vocabulary (the {@code summary} keys in words), so a client needs no map of its own. */
        @com.fasterxml.jackson.annotation.JsonProperty("statusLabels")
        public Map<TargetStatus, String> statusLabels() {
            return TargetStatus.labels();
        }
    }

    /**
     * @param metPeriods    period instances of the commune's targets met so far this year (reached, also while running)
     * @param missedPeriods period instances that ended below their minimum so far this year
     */
    public record CommuneSummary(String communeId, String name, Map<TargetStatus, Integer> summary, int targets,
                                 TaskProgress tasks, int metPeriods, int missedPeriods) {
    }

    /** A province's own targets plus one summary per commune in one call. */
    public record ProvinceCompliance(String unitId, String name, int year, LocalDate asOf, Map<TargetStatus, Integer> summary,
                                     List<TargetCompliance> ownTargets, List<CommuneSummary> communes, int metPeriods,
                                     int missedPeriods) {
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
        List<TargetCompliance> targets = evaluateStored(plans, asOf, include);
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
            List<TargetCompliance> targets = scope.targetsOf(commune.getKey());
            communes.add(new CommuneSummary(commune.getKey(), commune.getValue(), summary(targets), targets.size(),
                    TaskProgress.of(scope.tasksOf(commune.getKey())), periodsIn(targets, TargetStatus.MET),
                    periodsIn(targets, TargetStatus.MISSED)));
        }
        List<TargetCompliance> ownTargets = scope.targets().stream().filter(t -> commune(t.unitId()).isEmpty()).toList();
        return new ProvinceCompliance(provinceId, store.unitName(provinceId), year, asOf, summary(scope.targets()), ownTargets,
                communes, periodsIn(scope.targets(), TargetStatus.MET), periodsIn(scope.targets(), TargetStatus.MISSED));
    }

    /**
     * Period instances of {@code targets} in {@code status} as of their evaluation day: with MET, every instance that
     * reached its minimum (also while running); with MISSED, every one that ended below it — the year so far, not only
     * the current period.
     */
    public static int periodsIn(List<TargetCompliance> targets, TargetStatus status) {
        return (int) targets.stream().flatMap(t -> t.periods().stream()).filter(p -> p.status() == status).count();
    }

    /**
     * The targets of {@code plans} passing {@code include} as of {@code asOf}: from the stored state where it describes
     * that day and the target as defined now (one {@code _id $in} read of the owner documents); the others (another
     * day, a target not evaluated yet, an amendment not yet re-evaluated) from their counts documents, read in one
     * query for them alone.
     */
    public List<TargetCompliance> evaluateStored(List<PlanView> plans, LocalDate asOf,
                                                 java.util.function.Predicate<TargetDef> include) {
        if (state == null) {
            return evaluate(plans, store.countedItems(plans, include), asOf, include);
        }
        java.util.Set<String> owners = new java.util.LinkedHashSet<>();
        for (PlanView plan : plans) {
            plan.targets().stream().filter(include).forEach(t -> owners.add(ComplianceState.documentId(plan.year(), t.unitId())));
        }
        Map<String, org.bson.Document> documents = state.documents(owners);
        List<TargetCompliance> result = new ArrayList<>();
        java.util.Set<TargetDef> missing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PlanView plan : plans) {
            for (TargetDef target : plan.targets()) {
                if (!include.test(target)) {
                    continue;
                }
                StoredTarget stored = ComplianceState.find(documents, plan, target);
                if (ComplianceState.usable(stored, plan, target, asOf)) {
                    result.add(stored.toCompliance(plan, target));
                } else {
                    missing.add(target);
                }
            }
        }
        if (!missing.isEmpty()) {
            java.util.function.Predicate<TargetDef> rest = missing::contains;
            result.addAll(evaluate(plans, store.countedItems(plans, rest), asOf, rest));
        }
        result.sort(java.util.Comparator.comparing(TargetCompliance::planId).thenComparing(TargetCompliance::targetId));
        return result;
    }

    /**
     * What a roll-up or overview of a province is made of, read in one go (plans, the stored state of their targets,
     * tasks, the commune directory: a fixed number of queries whatever the number of communes) as of {@code asOf}.
     *
     * @param communes commune id → name, sorted by id: the communes shown (for a commune or unit scope, the unit itself)
     */
    public record Scope(List<PlanView> plans, List<TargetCompliance> targets, List<TaskView> tasks,
                        Map<String, String> communes, Map<String, List<TargetCompliance>> targetsByCommune,
                        Map<String, List<TaskView>> tasksByCommune) {
        public Scope(List<PlanView> plans, List<TargetCompliance> targets, List<TaskView> tasks, Map<String, String> communes) {
            this(plans, targets, tasks, communes, group(targets, TargetCompliance::unitId), group(tasks, TaskView::unitId));
        }

        private static <T> Map<String, List<T>> group(List<T> list, java.util.function.Function<T, String> unit) {
            Map<String, List<T>> byCommune = new java.util.HashMap<>();
            list.forEach(x -> commune(unit.apply(x)).ifPresent(c -> byCommune.computeIfAbsent(c, k -> new ArrayList<>()).add(x)));
            return byCommune;
        }

        /** A commune's targets (grouped once: no scan of the province's targets per commune); any other unit's by filter. */
        public List<TargetCompliance> targetsOf(String communeId) {
            return communeId.equals(commune(communeId).orElse(null)) ? targetsByCommune.getOrDefault(communeId, List.of())
                    : targets.stream().filter(t -> UnitPath.within(t.unitId(), communeId)).toList();
        }

        public List<TaskView> tasksOf(String communeId) {
            return communeId.equals(commune(communeId).orElse(null)) ? tasksByCommune.getOrDefault(communeId, List.of())
                    : tasks.stream().filter(t -> UnitPath.within(t.unitId(), communeId)).toList();
        }
    }

    /** A province restricted to {@code visible}, as the roll-up shows it (see {@link #province(String, int, LocalDate, List)}). */
    public Scope provinceScope(String provinceId, int year, LocalDate asOf, List<String> visible) {
        List<PlanView> plans = store.plansIn(provinceId, year);
        java.util.function.Predicate<TargetDef> include =
                t -> UnitPath.within(t.unitId(), provinceId) && UnitAccess.inside(t.unitId(), visible);
        List<TargetCompliance> all = evaluateStored(plans, asOf, include);
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
        communes.putAll(store.unitNames(unnamed));
        return new Scope(plans, all, tasks, communes);
    }

    /** One unit (a commune, or any unit) and everything beneath it, shown as one "commune". */
    public Scope unitScope(String unitId, int year, LocalDate asOf) {
        List<PlanView> plans = store.plansIn(unitId, year);
        java.util.function.Predicate<TargetDef> include = t -> UnitPath.within(t.unitId(), unitId);
        List<TargetCompliance> targets = evaluateStored(plans, asOf, include);
        List<TaskView> tasks = store.tasks(unitId, null).stream()
                .filter(t -> plans.stream().anyMatch(p -> p.planId().equals(t.planId()))).toList();
        return new Scope(plans, targets, tasks, new TreeMap<>(Map.of(unitId, store.unitName(unitId))));
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
