package vn.cchc.reporting.overview;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.cchc.reporting.compliance.ComplianceCalculator;
import vn.cchc.reporting.compliance.ComplianceService;
import vn.cchc.reporting.compliance.PeriodCompliance;
import vn.cchc.reporting.compliance.PeriodLabel;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.compliance.TargetStatus;
import vn.cchc.reporting.plans.PlanView;
import vn.cchc.reporting.readmodel.ReadStore;

/**
 * Builds the overview from the same scope as the compliance roll-up ({@link ComplianceService#provinceScope}): one read
 * of plans, items, tasks and the commune directory, every figure from {@code ComplianceCalculator}. The trend
 * re-evaluates the same targets as of each month's end (cost grows with items × months for now).
 */
@Service
public class OverviewService {
    private final ComplianceService compliance;
    private final ReadStore store;

    OverviewService(ComplianceService compliance, ReadStore store) {
        this.compliance = compliance;
        this.store = store;
    }

    /** A province restricted to the caller's {@code visible} subtrees: its communes overlapping them. */
    public ProvinceOverview province(String provinceId, int year, LocalDate asOf, List<String> visible) {
        return overview(provinceId, year, asOf, compliance.provinceScope(provinceId, year, asOf, visible));
    }

    /** One commune (or any unit below a province), shown as the only entry of {@code communes}. */
    public ProvinceOverview unit(String unitId, int year, LocalDate asOf) {
        return overview(unitId, year, asOf, compliance.unitScope(unitId, year, asOf));
    }

    private ProvinceOverview overview(String unitId, int year, LocalDate asOf, ComplianceService.Scope scope) {
        Map<String, PlanView> plans = scope.plans().stream().collect(Collectors.toMap(PlanView::planId, Function.identity(), (a, b) -> a));
        List<ProvinceOverview.CommuneOverview> communes = new ArrayList<>();
        List<TargetCompliance> communeTargets = new ArrayList<>();
        for (Map.Entry<String, String> commune : scope.communes().entrySet()) {
            List<TargetCompliance> targets = scope.targetsOf(commune.getKey());
            communeTargets.addAll(targets);
            communes.add(new ProvinceOverview.CommuneOverview(commune.getKey(), commune.getValue(),
                    ComplianceService.summary(targets), periods(targets, TargetStatus.MET), periods(targets, TargetStatus.MISSED),
                    targets.stream().map(t -> target(t, plans.get(t.planId()), year, asOf)).toList()));
        }
        return new ProvinceOverview(unitId, store.unitName(unitId), year, asOf, ComplianceService.summary(communeTargets),
                trend(communeTargets, year, asOf), communes, periods(communeTargets, TargetStatus.MET),
                periods(communeTargets, TargetStatus.MISSED));
    }

    private static int periods(List<TargetCompliance> targets, TargetStatus status) {
        return ComplianceService.periodsIn(targets, status);
    }

    private static ProvinceOverview.TargetOverview target(TargetCompliance t, PlanView plan, int year, LocalDate asOf) {
        long thisMonth = asOf.getYear() == year ? t.monthly().get(asOf.getMonthValue() - 1) : 0;
        return new ProvinceOverview.TargetOverview(t.planId(), plan == null ? null : plan.number(), t.planTitle(), t.targetId(),
                t.description(), t.unitId(), t.channels(), t.kinds(), t.period(), PeriodLabel.ofKind(t.period()), t.minimum(),
                t.effectiveFrom(), t.current(), thisMonth, t.countThisYear(), t.monthly(), t.periods());
    }

    /**
     * Month by month up to the month of {@code asOf}: the commune targets' statuses at the close of each month's last day
     * (a month's own instance is then MET or MISSED), and as of {@code asOf} for the month still running (the roll-up's
     * figures of that day). A closed month is derived from each target's periods and monthly counts
     * ({@link ComplianceCalculator#atCloseOf}), so the trend costs no further read and no re-evaluation of items.
     */
    private static List<ProvinceOverview.TrendPoint> trend(List<TargetCompliance> targets, int year, LocalDate asOf) {
        List<ProvinceOverview.TrendPoint> trend = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            if (month.atDay(1).isAfter(asOf)) {
                break;
            }
            LocalDate end = month.atEndOfMonth();
            boolean closed = end.isBefore(asOf);
            LocalDate day = closed ? end : asOf;
            List<TargetStatus> statuses = targets.stream().map(t -> closed
                    ? ComplianceCalculator.current(ComplianceCalculator.atCloseOf(t.periods(), t.monthly(), day), day).status()
                    : t.current().status()).toList();
            trend.add(new ProvinceOverview.TrendPoint(month.toString(), day, closed, ComplianceService.summaryOf(statuses)));
        }
        return trend;
    }
}
