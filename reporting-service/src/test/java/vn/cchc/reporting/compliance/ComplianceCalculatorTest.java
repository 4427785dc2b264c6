package vn.cchc.reporting.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceCalculatorTest {
    static final TargetDef WEBSITE_YEAR = new TargetDef("t-web", "Ít nhất 12 tin, bài trên Trang thông tin điện tử",
            List.of("ARTICLE"), List.of("WEBSITE"), 12, "YEAR", "SUBTREE", "vinh-long.phu-khuong");
    static final TargetDef RADIO_MONTH = new TargetDef("t-radio", "Ít nhất 02 tin, bài mỗi tháng trên Đài truyền thanh",
            List.of("ARTICLE", "BROADCAST"), List.of("RADIO"), 2, "MONTH", "UNIT", "vinh-long.phu-khuong");

    static Item web(String day) {
        return new Item("vinh-long.phu-khuong.vhxh", "WEBSITE", "ARTICLE", LocalDate.parse(day));
    }

    static Item radio(String unit, String day) {
        return new Item(unit, "RADIO", "BROADCAST", LocalDate.parse(day));
    }

    @Test
    void periodInstancesFollowTheCalendar() {
        assertThat(ComplianceCalculator.periods("MONTH", 2026)).hasSize(12)
                .extracting(PeriodInstance::key).startsWith("2026-01", "2026-02").endsWith("2026-12");
        assertThat(ComplianceCalculator.periods("MONTH", 2028).get(1).end()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(ComplianceCalculator.periods("QUARTER", 2026)).extracting(PeriodInstance::key, PeriodInstance::start, PeriodInstance::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-Q1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                        org.assertj.core.groups.Tuple.tuple("2026-Q2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)),
                        org.assertj.core.groups.Tuple.tuple("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
                        org.assertj.core.groups.Tuple.tuple("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(ComplianceCalculator.periods("PLAN", 2026)).singleElement()
                .isEqualTo(new PeriodInstance("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void matchingTakesKindsChannelsAndScope() {
        assertThat(ComplianceCalculator.matches(WEBSITE_YEAR, web("2026-01-02"))).isTrue(); // subunit, SUBTREE
        assertThat(ComplianceCalculator.matches(WEBSITE_YEAR, new Item("vinh-long.phu-khuong", "WEBSITE", "VIDEO", LocalDate.of(2026, 1, 2)))).isFalse();
        assertThat(ComplianceCalculator.matches(WEBSITE_YEAR, new Item("vinh-long.phu-khuong-2", "WEBSITE", "ARTICLE", LocalDate.of(2026, 1, 2))))
                .as("a sibling whose id only starts alike").isFalse();
        assertThat(ComplianceCalculator.matches(RADIO_MONTH, radio("vinh-long.phu-khuong.vhxh", "2026-01-02")))
                .as("UNIT scope: a subunit's item does not count").isFalse();
        assertThat(ComplianceCalculator.matches(RADIO_MONTH, radio("vinh-long.phu-khuong", "2026-01-02"))).isTrue();
        TargetDef anything = new TargetDef("t", "", List.of(), List.of(), 1, "YEAR", "UNIT", "vinh-long.phu-khuong");
        assertThat(ComplianceCalculator.matches(anything, new Item("vinh-long.phu-khuong", "PRINT", "LEAFLET", LocalDate.of(2026, 1, 2)))).isTrue();
    }

    @Test
    void statusesAsTheYearGoesBy() {
        List<Item> items = List.of(web("2026-01-10"), web("2026-02-10"), web("2026-03-10"));
        PeriodInstance year = ComplianceCalculator.periods("YEAR", 2026).getFirst();
        // before the year starts
        assertThat(ComplianceCalculator.evaluate(WEBSITE_YEAR, year, items, LocalDate.of(2025, 12, 31)).status()).isEqualTo(TargetStatus.UPCOMING);
        // 1 January: nothing is due yet
        assertThat(ComplianceCalculator.evaluate(WEBSITE_YEAR, year, List.of(), LocalDate.of(2026, 1, 1)).status()).isEqualTo(TargetStatus.ON_TRACK);
        // 1 April: 90 days elapsed → 12 × 90/365 = 2.96 due; 3 done
        PeriodCompliance april = ComplianceCalculator.evaluate(WEBSITE_YEAR, year, items, LocalDate.of(2026, 4, 1));
        assertThat(april.count()).isEqualTo(3);
        assertThat(april.expectedByNow()).isEqualTo(2.96);
        assertThat(april.status()).isEqualTo(TargetStatus.ON_TRACK);
        // 1 May: 120 days → 3.95 due; still 3 → at risk
        assertThat(ComplianceCalculator.evaluate(WEBSITE_YEAR, year, items, LocalDate.of(2026, 5, 1)).status()).isEqualTo(TargetStatus.AT_RISK);
        // after the year, below the minimum → missed
        assertThat(ComplianceCalculator.evaluate(WEBSITE_YEAR, year, items, LocalDate.of(2027, 1, 1)).status()).isEqualTo(TargetStatus.MISSED);
    }

    @Test
    void metOnceTheMinimumIsReachedEvenMidPeriod() {
        TargetDef two = new TargetDef("t", "", List.of("ARTICLE"), List.of("WEBSITE"), 2, "YEAR", "SUBTREE", "vinh-long.phu-khuong");
        PeriodInstance year = ComplianceCalculator.periods("YEAR", 2026).getFirst();
        List<Item> items = List.of(web("2026-01-10"), web("2026-01-11"));
        assertThat(ComplianceCalculator.evaluate(two, year, items, LocalDate.of(2026, 1, 11)).status()).isEqualTo(TargetStatus.MET);
        // as of the 10th only one counts: items after the evaluation day are not seen
        PeriodCompliance tenth = ComplianceCalculator.evaluate(two, year, items, LocalDate.of(2026, 1, 10));
        assertThat(tenth.count()).isEqualTo(1);
        assertThat(tenth.status()).isEqualTo(TargetStatus.ON_TRACK);
    }

    @Test
    void monthlyTargetOverTheYear() {
        String unit = "vinh-long.phu-khuong";
        List<Item> items = List.of(radio(unit, "2026-01-05"), radio(unit, "2026-01-31"), radio(unit, "2026-02-10"),
                radio(unit, "2026-03-02"), radio(unit, "2025-12-31"));
        List<PeriodCompliance> periods = ComplianceCalculator.evaluateAll(RADIO_MONTH, 2026, items, LocalDate.of(2026, 3, 14));
        assertThat(periods).hasSize(12);
        assertThat(periods.get(0)).extracting(PeriodCompliance::count, PeriodCompliance::status).containsExactly(2L, TargetStatus.MET);
        assertThat(periods.get(1)).extracting(PeriodCompliance::count, PeriodCompliance::status).containsExactly(1L, TargetStatus.MISSED);
        // 14 March: 13 days of 31 elapsed → 2 × 13/31 = 0.84 due; 1 done
        assertThat(periods.get(2)).extracting(PeriodCompliance::count, PeriodCompliance::expectedByNow, PeriodCompliance::status)
                .containsExactly(1L, 0.84, TargetStatus.ON_TRACK);
        assertThat(periods.get(3).status()).isEqualTo(TargetStatus.UPCOMING);
        assertThat(ComplianceCalculator.current(periods, LocalDate.of(2026, 3, 14)).period()).isEqualTo("2026-03");
        assertThat(ComplianceCalculator.current(periods, LocalDate.of(2027, 2, 1)).period()).isEqualTo("2026-12");
    }

    @Test
    void aQuarterBehindPaceIsAtRisk() {
        TargetDef quarterly = new TargetDef("t-q", "", List.of(), List.of("RADIO"), 6, "QUARTER", "UNIT", "vinh-long.phu-khuong");
        PeriodInstance q2 = ComplianceCalculator.periods("QUARTER", 2026).get(1);
        // 16 May: 45 of 91 days elapsed → 6 × 45/91 = 2.97 due
        List<Item> two = List.of(radio("vinh-long.phu-khuong", "2026-04-02"), radio("vinh-long.phu-khuong", "2026-05-02"));
        assertThat(ComplianceCalculator.evaluate(quarterly, q2, two, LocalDate.of(2026, 5, 16)).status()).isEqualTo(TargetStatus.AT_RISK);
        List<Item> three = List.of(two.get(0), two.get(1), radio("vinh-long.phu-khuong", "2026-05-15"));
        assertThat(ComplianceCalculator.evaluate(quarterly, q2, three, LocalDate.of(2026, 5, 16)).status()).isEqualTo(TargetStatus.ON_TRACK);
    }

    static final LocalDate MID_MARCH = LocalDate.of(2026, 3, 15);

    @Test
    void periodsEndingBeforeTheEffectiveStartAreNotJudgedTheOneContainingItIs() {
        List<Item> items = List.of(radio("vinh-long.phu-khuong", "2026-01-05"), radio("vinh-long.phu-khuong", "2026-01-20"),
                radio("vinh-long.phu-khuong", "2026-03-02"), radio("vinh-long.phu-khuong", "2026-03-20"));
        List<PeriodCompliance> periods = ComplianceCalculator.evaluateAll(RADIO_MONTH, 2026, MID_MARCH, items, LocalDate.of(2026, 4, 10));
        assertThat(periods.get(0).status()).as("January: two items, yet not judged").isEqualTo(TargetStatus.NOT_STARTED);
        assertThat(periods.get(0).count()).isZero();
        assertThat(periods.get(0).countedFrom()).isNull();
        assertThat(periods.get(1).status()).isEqualTo(TargetStatus.NOT_STARTED);
        assertThat(periods.get(1).judged()).isFalse();
        assertThat(periods.get(2).status()).as("March holds the start: judged normally, 02/03 included").isEqualTo(TargetStatus.MET);
        assertThat(periods.get(2).count()).isEqualTo(2);
        assertThat(periods.get(2).countedFrom()).isEqualTo("2026-03-01");
        assertThat(periods.get(3).status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(ComplianceCalculator.current(periods, LocalDate.of(2026, 4, 10)).period()).isEqualTo("2026-04");
        // before the start, the current instance is the first judged one, not a period that will never be judged
        List<PeriodCompliance> inFebruary = ComplianceCalculator.evaluateAll(RADIO_MONTH, 2026, MID_MARCH, items, LocalDate.of(2026, 2, 20));
        PeriodCompliance current = ComplianceCalculator.current(inFebruary, LocalDate.of(2026, 2, 20));
        assertThat(current.period()).isEqualTo("2026-03");
        assertThat(current.status()).isEqualTo(TargetStatus.UPCOMING);
        // a quarterly target: Q1 holds the start, judged over the whole quarter
        TargetDef quarterly = new TargetDef("t-q", "", List.of(), List.of("RADIO"), 3, "QUARTER", "UNIT", "vinh-long.phu-khuong");
        assertThat(ComplianceCalculator.evaluateAll(quarterly, 2026, MID_MARCH, items, LocalDate.of(2026, 4, 10)).getFirst())
                .extracting(PeriodCompliance::status, PeriodCompliance::count).containsExactly(TargetStatus.MET, 4L);
    }

    @Test
    void itemsBeforeTheEffectiveStartDoNotCountForTheYearWhosePaceStartsThere() {
        TargetDef three = new TargetDef("t", "", List.of("ARTICLE"), List.of("WEBSITE"), 3, "YEAR", "SUBTREE", "vinh-long.phu-khuong");
        List<Item> items = List.of(web("2026-02-10"), web("2026-03-14"), web("2026-03-15"), web("2026-03-20"));
        PeriodInstance year = ComplianceCalculator.periods("YEAR", 2026).getFirst();
        PeriodCompliance april = ComplianceCalculator.evaluate(three, year, MID_MARCH, items, LocalDate.of(2026, 4, 10));
        assertThat(april.count()).as("10/02 and 14/03 predate the plan").isEqualTo(2);
        assertThat(april.countedFrom()).isEqualTo(MID_MARCH);
        assertThat(april.start()).isEqualTo("2026-01-01");
        // pace over 15/03–31/12 (292 days), 26 days elapsed: 3 × 26/292
        assertThat(april.expectedByNow()).isEqualTo(0.27);
        assertThat(april.status()).isEqualTo(TargetStatus.ON_TRACK);
        assertThat(ComplianceCalculator.evaluate(three, year, MID_MARCH, items, LocalDate.of(2026, 3, 1)).status())
                .as("before the start").isEqualTo(TargetStatus.UPCOMING);
        assertThat(ComplianceCalculator.evaluate(three, year, MID_MARCH, items, LocalDate.of(2027, 1, 1)).status())
                .isEqualTo(TargetStatus.MISSED);
        // the same without an effective start (an old plan event): all four count, as before
        assertThat(ComplianceCalculator.evaluate(three, year, items, LocalDate.of(2026, 4, 10)).status()).isEqualTo(TargetStatus.MET);
        assertThat(ComplianceCalculator.evaluate(three, year, LocalDate.of(2026, 1, 1), items, LocalDate.of(2026, 4, 10)))
                .isEqualTo(ComplianceCalculator.evaluate(three, year, items, LocalDate.of(2026, 4, 10)));
    }

    @Test
    void aPlanInForceOnlyAfterItsYearIsNotJudgedAtAllAndLeftOutOfSummaries() {
        List<PeriodCompliance> periods = ComplianceCalculator.evaluateAll(RADIO_MONTH, 2026, LocalDate.of(2027, 1, 1), List.of(),
                LocalDate.of(2026, 6, 1));
        assertThat(periods).allSatisfy(p -> assertThat(p.status()).isEqualTo(TargetStatus.NOT_STARTED));
        PeriodCompliance current = ComplianceCalculator.current(periods, LocalDate.of(2026, 6, 1));
        assertThat(current.status()).isEqualTo(TargetStatus.NOT_STARTED);
        TargetCompliance target = new TargetCompliance("p", "", "t", "", "vinh-long.phu-khuong", "UNIT", "MONTH", List.of(), List.of(), 2,
                current, periods, LocalDate.of(2027, 1, 1), java.util.Collections.nCopies(12, 0L));
        assertThat(ComplianceService.summary(List.of(target))).doesNotContainKey(TargetStatus.NOT_STARTED)
                .allSatisfy((status, n) -> assertThat(n).isZero());
    }

    @Test
    void monthlyCountsAreWhatThePeriodsCountMonthByMonth() {
        List<Item> items = List.of(radio("vinh-long.phu-khuong", "2026-01-05"), radio("vinh-long.phu-khuong", "2026-01-20"),
                radio("vinh-long.phu-khuong", "2026-03-02"), radio("vinh-long.phu-khuong", "2026-03-20"),
                radio("vinh-long.phu-khuong", "2026-04-12"), radio("vinh-long.phu-khuong.vhxh", "2026-04-02"),
                radio("vinh-long.phu-khuong", "2025-12-31"));
        LocalDate asOf = LocalDate.of(2026, 4, 10);
        // in force from 15/03: January and February are not judged, so their items are not counted either; 12/04 is
        // after the evaluation day; the office's item is not the ward's own (scope UNIT); 2025 is another year
        List<PeriodCompliance> periods = ComplianceCalculator.evaluateAll(RADIO_MONTH, 2026, MID_MARCH, items, asOf);
        assertThat(ComplianceCalculator.monthly(RADIO_MONTH, 2026, periods, items, asOf))
                .containsExactly(0L, 0L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        // a yearly target counts from the effective start: 10/02 is not counted, 20/03 and 02/04 are
        List<Item> web = List.of(web("2026-02-10"), web("2026-03-20"), web("2026-04-02"));
        List<PeriodCompliance> year = ComplianceCalculator.evaluateAll(WEBSITE_YEAR, 2026, MID_MARCH, web, asOf);
        List<Long> monthly = ComplianceCalculator.monthly(WEBSITE_YEAR, 2026, year, web, asOf);
        assertThat(monthly).containsExactly(0L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(monthly.stream().mapToLong(Long::longValue).sum()).isEqualTo(year.getFirst().count());
    }

    @Test
    void periodsAndStatusesInWords() {
        assertThat(PeriodLabel.of("2026-06")).isEqualTo("Tháng 6/2026");
        assertThat(PeriodLabel.of("2026-12")).isEqualTo("Tháng 12/2026");
        assertThat(PeriodLabel.of("2026-Q3")).isEqualTo("Quý III/2026");
        assertThat(PeriodLabel.of("2026-Q4")).isEqualTo("Quý IV/2026");
        assertThat(PeriodLabel.of("2026-H1")).isEqualTo("6 tháng đầu năm 2026");
        assertThat(PeriodLabel.of("2026")).isEqualTo("Năm 2026");
        assertThat(PeriodLabel.of("2026-Y")).isEqualTo("Năm 2026");
        assertThat(PeriodLabel.ofKind("MONTH")).isEqualTo("Hằng tháng");
        assertThat(TargetStatus.labels()).containsExactly(
                java.util.Map.entry(TargetStatus.UPCOMING, "Chưa đến kỳ"), java.util.Map.entry(TargetStatus.ON_TRACK, "Đúng tiến độ"),
                java.util.Map.entry(TargetStatus.AT_RISK, "Có nguy cơ"), java.util.Map.entry(TargetStatus.MET, "Đạt"),
                java.util.Map.entry(TargetStatus.MISSED, "Không đạt"), java.util.Map.entry(TargetStatus.NOT_STARTED, "Chưa áp dụng"));
        assertThat(vn.cchc.reporting.periodic.Labels.status("AT_RISK")).isEqualTo("Có nguy cơ");
    }
}
