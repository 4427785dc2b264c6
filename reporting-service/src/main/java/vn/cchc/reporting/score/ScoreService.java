package vn.cchc.reporting.score;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.compliance.ComplianceService;
import vn.cchc.reporting.readmodel.ReadStore;
import vn.cchc.reporting.tasks.TaskView;

@Service
public class ScoreService {
    private final ReadStore store;
    private final ScoringProperties scoring;

    ScoreService(ReadStore store, ScoringProperties scoring) {
        this.store = store;
        this.scoring = scoring;
    }

    public ParScore score(String unitId, int year) {
        Set<String> planIds = new java.util.HashSet<>();
        List<vn.cchc.reporting.plans.PlanView> plans = store.plansIn(unitId, year);
        plans.forEach(p -> planIds.add(p.planId()));
        List<TaskView> tasks = store.tasks(unitId, null).stream().filter(t -> planIds.contains(t.planId())).toList();
        int planned = (int) tasks.stream().filter(t -> !"CANCELLED".equals(t.status())).count();
        int done = (int) tasks.stream().filter(t -> "DONE".equals(t.status())).count();
        String province = (String) UnitPath.of(unitId).get("province");
        // items published before the plans are in force are not the plan year's work
        java.time.LocalDate from = ComplianceService.inForceFrom(plans, year);
        return ParScoreCalculator.score(unitId, year, scoring.forProvince(province), planned, done,
                ComplianceService.items(store.facts(unitId, year, year)).stream().filter(i -> !i.date().isBefore(from)).toList());
    }
}
