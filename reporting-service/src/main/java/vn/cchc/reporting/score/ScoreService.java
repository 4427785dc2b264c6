package vn.cchc.reporting.score;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.compliance.ComplianceService;
import vn.cchc.reporting.compliance.Item;
import vn.cchc.reporting.plans.PlanView;
import vn.cchc.reporting.readmodel.ReadStore;
import vn.cchc.reporting.tasks.TaskView;

@Service
public class ScoreService {
    private final ReadStore store;
    private final ScoringProperties scoring;
    private final Clock clock;

    ScoreService(ReadStore store, ScoringProperties scoring, Clock clock) {
        this.store = store;
        this.scoring = scoring;
        this.clock = clock;
    }

    /** The year's estimate so far: items from the plans' effective start to today (or 31/12 for a past year). */
    public ParScore score(String unitId, int year) {
        Set<String> planIds = new HashSet<>();
        List<PlanView> plans = store.plansIn(unitId, year);
        plans.forEach(p -> planIds.add(p.planId()));
        List<TaskView> tasks = store.tasks(unitId, null).stream().filter(t -> planIds.contains(t.planId())).toList();
        int planned = (int) tasks.stream().filter(t -> !"CANCELLED".equals(t.status())).count();
        int done = (int) tasks.stream().filter(t -> "DONE".equals(t.status())).count();
        String province = (String) UnitPath.of(unitId).get("province");
        // items published before the plans are in force are not the plan year's work
        LocalDate from = ComplianceService.inForceFrom(plans, year);
        LocalDate today = VietnamTime.date(clock.instant());
        LocalDate to = today.getYear() > year ? LocalDate.of(year, 12, 31) : today;
        List<Item> items = vn.cchc.reporting.counts.DayCounts.items(store.countsDocument(
                vn.cchc.reporting.counts.DayCounts.id(year, vn.cchc.reporting.counts.DayCounts.TREE, unitId))).stream()
                .filter(i -> !i.date().isBefore(from) && !i.date().isAfter(to)).toList();
        return to.isBefore(from)
                ? ParScoreCalculator.score(unitId, year, scoring.forProvince(province), planned, done, items)
                : ParScoreCalculator.score(unitId, year, scoring.forProvince(province), planned, done, items, from, to);
    }
}
