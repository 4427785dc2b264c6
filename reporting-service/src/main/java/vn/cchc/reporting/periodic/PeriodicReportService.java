package vn.cchc.reporting.periodic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.function.Function;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.compliance.ComplianceCalculator;
import vn.cchc.reporting.compliance.ComplianceService;
import vn.cchc.reporting.compliance.Item;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.compliance.TargetStatus;
import vn.cchc.reporting.counts.PublicationFact;
import vn.cchc.reporting.plans.PlanView;
import vn.cchc.reporting.readmodel.ReadStore;
import vn.cchc.reporting.score.ParScore;
import vn.cchc.reporting.score.ParScoreCalculator;
import vn.cchc.reporting.score.ScoringProperties;
import vn.cchc.reporting.score.ScoringRules;
import vn.cchc.reporting.tasks.TaskView;
import vn.cchc.reporting.units.UnitView;

/** Builds a unit's periodic report from the read models. */
@Service
public class PeriodicReportService {
    private static final Set<String> ADMINISTRATIVE = Set.of("PROVINCE", "COMMUNE", "WARD", "SPECIAL_ZONE");

    private final ReadStore store;
    private final ReportingCalendar calendar;
    private final ScoringProperties scoring;
    private final Clock clock;

    public PeriodicReportService(ReadStore store, ReportingCalendar calendar, ScoringProperties scoring, Clock clock) {
        this.store = store;
        this.calendar = calendar;
        this.scoring = scoring;
        this.clock = clock;
    }

    public PeriodicReport build(String unitId, String periodId) {
        String province = (String) UnitPath.of(unitId).get("province");
        ReportPeriod period = calendar.resolve(periodId, province);
        int year = period.year();

        // targets keep their own calendar periods: the plan year's targets, stated as of the window's last day
        List<PlanView> plans = store.plansIn(unitId, year);
        List<PublicationFact> facts = store.facts(unitId, period.start().getYear(), year);
        List<Item> yearItems = ComplianceService.items(facts.stream().filter(f -> f.year() == year).toList());
        // a target not judged in any period yet (its plan is in force only after the window) is left out
        List<TargetCompliance> targets = ComplianceService.evaluate(plans, yearItems, period.end(),
                t -> UnitPath.within(t.unitId(), unitId)).stream()
                .filter(t -> t.current().status() != TargetStatus.NOT_STARTED).toList();

        // every unit named in the lists, in one query (a province's report names hundreds of communes and offices)
        Map<String, String> unitNames = store.unitNames(facts.stream().map(PublicationFact::unitId).collect(java.util.stream.Collectors.toSet()));
        Function<String, String> unitName = id -> unitNames.getOrDefault(id, id);
        List<PeriodicReport.ReportItem> items = new ArrayList<>();
        Map<String, Long> byChannel = new TreeMap<>();
        for (PublicationFact f : facts) {
            LocalDate day = LocalDate.parse(f.date());
            if (period.contains(day)) {
                items.add(new PeriodicReport.ReportItem(day, f.unitId(), unitName.apply(f.unitId()), f.channel(), f.kind(),
                        f.title(), f.url(), f.planId(), f.taskId()));
                byChannel.merge(f.channel(), 1L, Long::sum);
            }
        }
        items.sort(Comparator.comparing(PeriodicReport.ReportItem::date).thenComparing(PeriodicReport.ReportItem::title,
                Comparator.nullsLast(Comparator.naturalOrder())));

        Set<String> planIds = new LinkedHashSet<>();
        plans.forEach(p -> planIds.add(p.planId()));
        List<TaskView> tasks = store.tasks(unitId, null).stream().filter(t -> planIds.contains(t.planId())).toList();
        List<TaskView> done = tasks.stream().filter(t -> "DONE".equals(t.status()) && t.changedAt() != null
                && period.contains(VietnamTime.date(java.time.Instant.parse(t.changedAt())))).toList();
        List<TaskView> outstanding = tasks.stream().filter(t -> Set.of("PLANNED", "IN_PROGRESS", "OVERDUE").contains(t.status()))
                .sorted(Comparator.comparing(TaskView::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))).toList();

        // the score states the year up to the window's end: tasks done by then, items from the plans' effective start
        ScoringRules rules = scoring.forProvince(province);
        int planned = (int) tasks.stream().filter(t -> !"CANCELLED".equals(t.status())).count();
        int doneByEnd = (int) tasks.stream().filter(t -> "DONE".equals(t.status()) && (t.changedAt() == null
                || !VietnamTime.date(java.time.Instant.parse(t.changedAt())).isAfter(period.end()))).count();
        LocalDate inForce = ComplianceService.inForceFrom(plans, year);
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        List<PublicationFact> toDate = facts.stream().filter(f -> f.year() == year && !LocalDate.parse(f.date()).isAfter(period.end()))
                .sorted(Comparator.comparing(PublicationFact::date).thenComparing(PublicationFact::title,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<Item> scored = ComplianceService.items(toDate).stream().filter(i -> !i.date().isBefore(inForce)).toList();
        ParScore score = ParScoreCalculator.score(unitId, year, rules, planned, doneByEnd, scored,
                inForce.isAfter(period.end()) ? period.end() : inForce, period.end());
        List<PeriodicReport.CountedItem> itemsToDate = toDate.stream()
                .map(f -> counted(f, unitName.apply(f.unitId()), period, targets, rules, inForce)).toList();
        UnitView unit = store.unit(unitId);
        String name = unit == null || unit.name() == null ? unitId : unit.name();
        List<String> body = issuingBody(unit, name);
        Set<String> recipients = new LinkedHashSet<>();
        plans.stream().filter(p -> p.issuingUnitId().equals(unitId))
                .forEach(p -> p.reportingDuties().stream().map(PlanView.ReportingDuty::addressee)
                        .filter(java.util.Objects::nonNull).forEach(recipients::add));
        if (recipients.isEmpty()) {
            recipients.add("Sở Nội vụ");
        }
        String title = "Kết quả công tác thông tin, tuyên truyền cải cách hành chính " + period.vietnameseName();
        List<PeriodicReport.PlanSummary> planSummaries = plans.stream()
                .sorted(Comparator.comparing(PlanView::planId))
                .map(p -> new PeriodicReport.PlanSummary(p.planId(), p.number(), p.title(), p.issuingUnitId(),
                        p.year(), p.issuedOn() == null ? null : LocalDate.parse(p.issuedOn()), p.effectiveStart()))
                .toList();
        return new PeriodicReport(unitId, name, body, place(name), VietnamTime.date(clock.instant()), period, title,
                planSummaries, targets, items, byChannel, done, outstanding, score, List.copyOf(recipients), yearStart, itemsToDate);
    }

    /** One item of the year to date, with what counts it: the same rules as the targets' counts and the score's lines. */
    static PeriodicReport.CountedItem counted(PublicationFact f, String unitName, ReportPeriod period, List<TargetCompliance> targets,
                                              ScoringRules rules, LocalDate inForce) {
        Item item = ComplianceService.items(List.of(f)).getFirst();
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < targets.size(); n++) {
            TargetCompliance t = targets.get(n);
            if (ComplianceCalculator.counts(t.definition(), t.current(), item, period.end())) {
                numbers.add(n + 1);
            }
        }
        List<String> groups = item.date().isBefore(inForce) ? List.of()
                : rules.channelGroups().stream().filter(g -> g.counts(item)).map(ScoringRules.ChannelGroup::label).toList();
        return new PeriodicReport.CountedItem(item.date(), f.unitId(), unitName, f.channel(), f.kind(), f.title(), f.url(),
                period.contains(item.date()), numbers, groups);
    }

    /** Decree 30 header: the governing body above, the issuing body below (in capitals). */
    static List<String> issuingBody(UnitView unit, String name) {
        if (unit != null && ADMINISTRATIVE.contains(unit.kind())) {
            return List.of("ỦY BAN NHÂN DÂN", Labels.upper(name));
        }
        return List.of(Labels.upper(name));
    }

    /** "Phường Phú Khương" → "Phú Khương" for the place and date line. */
    static String place(String name) {
        for (String prefix : List.of("Phường ", "Xã ", "Đặc khu ", "Tỉnh ", "Thành phố ")) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name;
    }
}
