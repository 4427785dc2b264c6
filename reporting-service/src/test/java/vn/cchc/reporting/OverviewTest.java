package vn.cchc.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.reporting.compliance.ComplianceService;
import vn.cchc.reporting.compliance.PeriodCompliance;
import vn.cchc.reporting.compliance.TargetStatus;
import vn.cchc.reporting.counts.PublicationFactProjection;
import vn.cchc.reporting.overview.OverviewService;
import vn.cchc.reporting.overview.ProvinceOverview;
import vn.cchc.reporting.plans.PlanProjection;
import vn.cchc.reporting.readmodel.ProjectionMetrics;
import vn.cchc.reporting.readmodel.Projections;
import vn.cchc.reporting.readmodel.ReadModels;
import vn.cchc.reporting.readmodel.ReadStore;
import vn.cchc.reporting.tasks.TaskProjection;
import vn.cchc.reporting.units.UnitProjection;

/**
 * The province overview on the scripted year (projections on the Mongo wire server): per commune every target with its
 * current period, counts this month / this year, twelve monthly counts and its periods; the province trend month by
 * month, all hand-computed in the comments.
 */
class OverviewTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-20T03:00:00Z"), ZoneOffset.UTC);
    static final LocalDate DEC_20 = LocalDate.of(2026, 12, 20);

    final JsonMapper json = JsonMapper.builder().build();
    MongoClient client;
    ReadModels models;
    Projections projections;
    OverviewService overview;
    ComplianceService compliance;

    @BeforeEach
    void setUp() throws Exception {
        String db = "overview-" + UUID.randomUUID();
        client = MongoClients.create(MongoWireServer.uri(db));
        MongoTemplate mongo = new MongoTemplate(client, db);
        models = new ReadModels(mongo);
        projections = new Projections(models, new PublicationFactProjection(mongo, new vn.cchc.reporting.counts.CountBatches(mongo, new vn.cchc.reporting.counts.CountsRepair(mongo), java.time.Clock.systemUTC(), 0)), new PlanProjection(mongo, json),
                new TaskProjection(mongo), new UnitProjection(mongo), new ProjectionMetrics(new SimpleMeterRegistry(), CLOCK));
        ReadStore store = new ReadStore(mongo, models, json);
        compliance = new ComplianceService(store);
        var constructor = OverviewService.class.getDeclaredConstructor(ComplianceService.class, ReadStore.class);
        constructor.setAccessible(true);
        overview = constructor.newInstance(compliance, store);
        int generation = models.startBuilding();
        for (Scenario.Event e : new Scenario(json).events()) {
            projections.applyTo(e.type(), json.readTree(e.json()), generation);
        }
        models.switchTo(generation);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void everyCommuneWithEveryTargetMonthByMonth() {
        ProvinceOverview province = overview.province("vinh-long", 2026, DEC_20, List.of("vinh-long"));
        assertThat(province.name()).isEqualTo("Tỉnh Vĩnh Long");
        assertThat(province.communes()).extracting(ProvinceOverview.CommuneOverview::unitId, ProvinceOverview.CommuneOverview::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vinh-long.phu-khuong", "Phường Phú Khương"),
                        org.assertj.core.groups.Tuple.tuple("vinh-long.tan-hanh", "Phường Tân Hạnh"));
        ProvinceOverview.CommuneOverview pk = province.communes().getFirst();
        assertThat(pk.summary()).containsEntry(TargetStatus.MET, 1).containsEntry(TargetStatus.AT_RISK, 1);
        // periods so far: t-web 2026 MET, t-radio January MET; t-radio February to November MISSED
        assertThat(pk.metPeriods()).isEqualTo(2);
        assertThat(pk.missedPeriods()).isEqualTo(10);
        assertThat(province.communes().get(1).targets()).isEmpty();

        ProvinceOverview.TargetOverview web = target(pk, "t-web");
        assertThat(web.planNumber()).isEqualTo("12/KH-UBND");
        assertThat(web.periodKind()).isEqualTo("YEAR");
        assertThat(web.periodKindLabel()).isEqualTo("Hằng năm");
        assertThat(web.channels()).containsExactly("WEBSITE");
        // w02 Jan; w04 and w05 (15/03 in Vietnam) Mar; w06 May; w07, w08 Jun; w09–w13 Jul–Nov; w14 Dec (w03 retracted)
        assertThat(web.monthly()).containsExactly(1L, 0L, 2L, 0L, 1L, 2L, 1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(web.countThisYear()).isEqualTo(12);
        assertThat(web.countThisMonth()).isEqualTo(1);
        assertThat(web.current()).extracting(PeriodCompliance::period, PeriodCompliance::label, PeriodCompliance::statusLabel,
                PeriodCompliance::count, PeriodCompliance::minimum).containsExactly("2026", "Năm 2026", "Đạt", 12L, 10);

        ProvinceOverview.TargetOverview radio = target(pk, "t-radio");
        assertThat(radio.monthly()).containsExactly(2L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(radio.countThisMonth()).isZero();
        assertThat(radio.countThisYear()).isEqualTo(5);
        assertThat(radio.periods()).hasSize(12);
        assertThat(radio.periods()).extracting(PeriodCompliance::count)
                .containsExactlyElementsOf(radio.monthly()); // a monthly target: each period is its month
        assertThat(radio.periods().get(5).label()).isEqualTo("Tháng 6/2026");
        assertThat(radio.current()).extracting(PeriodCompliance::period, PeriodCompliance::statusLabel)
                .containsExactly("2026-12", "Có nguy cơ");
    }

    @Test
    void theTrendJudgesEachClosedMonthAtItsCloseAndTheRunningMonthAsOfToday() {
        ProvinceOverview province = overview.province("vinh-long", 2026, DEC_20, List.of("vinh-long"));
        assertThat(province.trend()).hasSize(12);
        // t-web (10 a year) at each month's close: count vs 10 × days elapsed / 365; t-radio: its month MET or MISSED
        // Jan 1 ≥ 0.85 on track, radio 2 met | Feb 1 < 1.62 at risk | Mar 3 ≥ 2.47 | Apr 3 < 3.29 | May 4 < 4.14
        // Jun 6 ≥ 4.96 | Jul 7 ≥ 5.81 | Aug 8 ≥ 6.66 | Sep 9 ≥ 7.48 | Oct 10 met | Nov 11 met | Dec 20: web met, radio at risk
        List<String> expected = List.of("ON_TRACK MET", "AT_RISK MISSED", "ON_TRACK MISSED", "AT_RISK MISSED", "AT_RISK MISSED",
                "ON_TRACK MISSED", "ON_TRACK MISSED", "ON_TRACK MISSED", "ON_TRACK MISSED", "MET MISSED", "MET MISSED", "AT_RISK MET");
        for (int m = 0; m < 12; m++) {
            ProvinceOverview.TrendPoint point = province.trend().get(m);
            assertThat(point.month()).isEqualTo("2026-%02d".formatted(m + 1));
            assertThat(statuses(point.summary())).as(point.month()).isEqualTo(expected.get(m));
        }
        assertThat(province.trend().get(1)).extracting(ProvinceOverview.TrendPoint::asOf, ProvinceOverview.TrendPoint::closed,
                ProvinceOverview.TrendPoint::label).containsExactly(LocalDate.of(2026, 2, 28), true, "Tháng 2/2026");
        assertThat(province.trend().get(11)).extracting(ProvinceOverview.TrendPoint::asOf, ProvinceOverview.TrendPoint::closed)
                .containsExactly(DEC_20, false);
        // the running month's point is the roll-up of that day
        assertThat(province.trend().get(11).summary()).isEqualTo(compliance.province("vinh-long", 2026, DEC_20).summary());
        // as of 15/03 there are three points, the last one running
        assertThat(overview.province("vinh-long", 2026, LocalDate.of(2026, 3, 15), List.of("vinh-long")).trend())
                .extracting(ProvinceOverview.TrendPoint::month).containsExactly("2026-01", "2026-02", "2026-03");
    }

    @Test
    void aCallerSeesOnlyItsCommunesAndACommuneIdGivesThatCommune() {
        ProvinceOverview own = overview.province("vinh-long", 2026, DEC_20, List.of("vinh-long.tan-hanh"));
        assertThat(own.communes()).extracting(ProvinceOverview.CommuneOverview::unitId).containsExactly("vinh-long.tan-hanh");
        assertThat(own.trend()).allSatisfy(p -> assertThat(p.summary().values()).allMatch(n -> n == 0));

        ProvinceOverview commune = overview.unit(Scenario.WARD, 2026, DEC_20);
        assertThat(commune.unitId()).isEqualTo(Scenario.WARD);
        assertThat(commune.communes()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Phường Phú Khương");
            assertThat(c.targets()).extracting(ProvinceOverview.TargetOverview::targetId).containsExactly("t-radio", "t-web");
        });
    }

    @Test
    void theJsonCarriesLabelsNextToCodes() {
        JsonNode answer = json.readTree(json.writeValueAsString(overview.unit(Scenario.WARD, 2026, DEC_20)));
        assertThat(answer.at("/statusLabels/AT_RISK").asString()).isEqualTo("Có nguy cơ");
        assertThat(answer.at("/statusLabels/MET").asString()).isEqualTo("Đạt");
        JsonNode radio = answer.at("/communes/0/targets/0");
        assertThat(radio.at("/current/period").asString()).isEqualTo("2026-12");
        assertThat(radio.at("/current/label").asString()).isEqualTo("Tháng 12/2026");
        assertThat(radio.at("/current/statusLabel").asString()).isEqualTo("Có nguy cơ");
        assertThat(radio.at("/periods/1/statusLabel").asString()).isEqualTo("Không đạt");
        assertThat(radio.get("monthly")).hasSize(12);
        assertThat(answer.at("/trend/0/label").asString()).isEqualTo("Tháng 1/2026");

        // the commune compliance answer has the monthly counts and the labels too
        JsonNode unit = json.readTree(json.writeValueAsString(compliance.unit(Scenario.WARD, 2026, DEC_20)));
        assertThat(unit.at("/targets/0/monthly/0").asLong()).isEqualTo(2);
        assertThat(unit.at("/targets/1/current/statusLabel").asString()).isEqualTo("Đạt");
        assertThat(unit.at("/targets/1/periodLabel").asString()).isEqualTo("Hằng năm");
    }

    static ProvinceOverview.TargetOverview target(ProvinceOverview.CommuneOverview commune, String id) {
        return commune.targets().stream().filter(t -> t.targetId().equals(id)).findFirst().orElseThrow();
    }

    /** "AT_RISK MISSED": the statuses with a count, one word per target, in enum order. */
    static String statuses(Map<TargetStatus, Integer> summary) {
        StringBuilder words = new StringBuilder();
        summary.forEach((status, n) -> words.append((" " + status.name()).repeat(n)));
        return words.toString().trim();
    }
}
