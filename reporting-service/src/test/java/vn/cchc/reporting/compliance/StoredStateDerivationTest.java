package vn.cchc.reporting.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stored state keeps only a target's twelve monthly counts: every period (count, countedFrom, pace, status) must
 * follow from them exactly as the calculator gives it from the items, on the evaluation day and at the close of every
 * earlier month (the overview's trend). Checked on seeded random years for each period type, with plans in force from
 * 1 January and from mid-year, and on every kind of evaluation day.
 */
class StoredStateDerivationTest {
    static final String UNIT = "vinh-long.phu-khuong";

    static List<TargetDef> targets() {
        return List.of(
                new TargetDef("t-year", "Ít nhất 12 tin, bài trong năm", List.of("ARTICLE"), List.of("WEBSITE"), 12, "YEAR", "SUBTREE", UNIT),
                new TargetDef("t-plan", "Ít nhất 20 sản phẩm trong kế hoạch", List.of(), List.of(), 20, "PLAN", "SUBTREE", UNIT),
                new TargetDef("t-quarter", "Ít nhất 06 tin, bài mỗi quý", List.of("ARTICLE"), List.of("SOCIAL_NETWORK"), 6, "QUARTER", "UNIT", UNIT),
                new TargetDef("t-month", "Ít nhất 02 tin, bài mỗi tháng", List.of("BROADCAST"), List.of("RADIO"), 2, "MONTH", "UNIT", UNIT));
    }

    static List<Item> randomYear(Random random, int n) {
        String[][] kinds = {{"WEBSITE", "ARTICLE"}, {"RADIO", "BROADCAST"}, {"SOCIAL_NETWORK", "ARTICLE"}, {"RADIO", "ARTICLE"}};
        String[] units = {UNIT, UNIT + ".vhxh", "vinh-long.tan-hanh"};
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] k = kinds[random.nextInt(kinds.length)];
            items.add(new Item(units[random.nextInt(units.length)], k[0], k[1], LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365))));
        }
        return items;
    }

    @Test
    void periodsFollowFromMonthlyCountsOnTheDayAndAtEveryEarlierMonthsClose() {
        Random random = new Random(16);
        List<LocalDate> effectiveStarts = List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 15), LocalDate.of(2026, 7, 1));
        List<LocalDate> days = List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 14),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 20),
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 2, 1));
        int compared = 0;
        for (int round = 0; round < 20; round++) {
            List<Item> items = randomYear(random, random.nextInt(80));
            for (TargetDef target : targets()) {
                for (LocalDate effective : effectiveStarts) {
                    for (LocalDate asOf : days) {
                        List<PeriodCompliance> periods = ComplianceCalculator.evaluateAll(target, 2026, effective, items, asOf);
                        List<Long> monthly = ComplianceCalculator.monthly(target, 2026, periods, items, asOf);
                        assertThat(ComplianceCalculator.fromMonthly(target, 2026, effective, monthly, asOf))
                                .as(target.id() + " in force " + effective + " as of " + asOf).isEqualTo(periods);
                        for (int m = 1; m <= 12; m++) {
                            LocalDate end = YearMonth.of(2026, m).atEndOfMonth();
                            if (!end.isBefore(asOf)) {
                                break;
                            }
                            List<Item> upTo = items.stream().filter(i -> !i.date().isAfter(end)).toList();
                            assertThat(ComplianceCalculator.atCloseOf(periods, monthly, end))
                                    .as(target.id() + " in force " + effective + " at the close of " + end)
                                    .isEqualTo(ComplianceCalculator.evaluateAll(target, 2026, effective, upTo, end.plusDays(1)));
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void theStoredTargetGivesTheSameComplianceAsTheEvaluation() {
        TargetDef target = targets().get(3);
        var plan = new vn.cchc.reporting.plans.PlanView("kh-1", 1, "ISSUED", UNIT, "1/KH-UBND", "Kế hoạch", 2026, null, null,
                List.of(target), List.of(), "2026-02-10", null);
        List<Item> items = randomYear(new Random(3), 60);
        LocalDate asOf = LocalDate.of(2026, 9, 9);
        TargetCompliance evaluated = ComplianceService.evaluate(List.of(plan), items, asOf, t -> true).getFirst();
        StoredTarget stored = StoredTarget.of(plan, target, evaluated.periods(), evaluated.monthly(), asOf);
        StoredTarget read = StoredTarget.of(stored.toDocument());
        assertThat(read).isEqualTo(stored);
        assertThat(read.toCompliance(plan, target)).isEqualTo(evaluated);
        assertThat(read.count(TargetStatus.NOT_STARTED)).isEqualTo(1); // January ended before 10/02
        assertThat(read.count(TargetStatus.MISSED) + read.count(TargetStatus.MET)).isEqualTo(7); // February–August
        // an amended minimum is another definition: the stored state is not used for it
        TargetDef amended = new TargetDef(target.id(), target.description(), target.kinds(), target.channels(), 3, target.period(),
                target.scope(), target.unitId());
        assertThat(ComplianceState.usable(read, plan, target, asOf)).isTrue();
        assertThat(ComplianceState.usable(read, plan, amended, asOf)).isFalse();
        assertThat(ComplianceState.usable(read, plan, target, asOf.plusDays(1))).isFalse();
    }
}
