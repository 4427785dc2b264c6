package vn.cchc.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.reporting.compliance.ComplianceService;
import vn.cchc.reporting.compliance.PeriodCompliance;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.compliance.TargetStatus;
import vn.cchc.reporting.counts.PublicationFactProjection;
import vn.cchc.reporting.periodic.PeriodicReport;
import vn.cchc.reporting.periodic.PeriodicReportDocx;
import vn.cchc.reporting.periodic.PeriodicReportService;
import vn.cchc.reporting.periodic.PeriodicReportXlsx;
import vn.cchc.reporting.periodic.ReportingCalendar;
import vn.cchc.reporting.plans.PlanProjection;
import vn.cchc.reporting.readmodel.ProjectionMetrics;
import vn.cchc.reporting.readmodel.Projections;
import vn.cchc.reporting.readmodel.ReadModels;
import vn.cchc.reporting.readmodel.ReadStore;
import vn.cchc.reporting.score.ScoringProperties;
import vn.cchc.reporting.tasks.TaskProjection;
import vn.cchc.reporting.tasks.TaskView;
import vn.cchc.reporting.units.UnitProjection;

/**
 * Projection-level tests on the Mongo wire server (no broker): the scripted year gives the hand-computed compliance
 * and Q1 / half-year / year reports, and duplicated + shuffled replays give identical read models and results.
 */
class ReplayAndReportsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-20T03:00:00Z"), ZoneOffset.UTC);

    final JsonMapper json = JsonMapper.builder().build();
    final Scenario scenario = new Scenario(json);
    MongoClient client;
    MongoTemplate mongo;
    ReadModels models;
    Projections projections;
    ComplianceService compliance;
    PeriodicReportService reports;

    @BeforeEach
    void setUp() {
        String db = "replay-" + UUID.randomUUID();
        client = MongoClients.create(MongoWireServer.uri(db));
        mongo = new MongoTemplate(client, db);
        models = new ReadModels(mongo);
        projections = new Projections(models, new PublicationFactProjection(mongo, new vn.cchc.reporting.counts.CountBatches(mongo, new vn.cchc.reporting.counts.CountsRepair(mongo), java.time.Clock.systemUTC(), 0)), new PlanProjection(mongo, json),
                new TaskProjection(mongo), new UnitProjection(mongo), new ProjectionMetrics(new SimpleMeterRegistry(), CLOCK));
        ReadStore store = new ReadStore(mongo, models, json);
        compliance = new ComplianceService(store);
        reports = new PeriodicReportService(store, ReportingCalendar.moha(), new ScoringProperties(null), CLOCK);
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** Applies the events into a fresh generation and makes it the one that serves. */
    void replay(List<Scenario.Event> events) {
        int generation = models.startBuilding();
        for (Scenario.Event e : events) {
            projections.applyTo(e.type(), json.readTree(e.json()), generation);
        }
        models.switchTo(generation);
    }

    /** Everything the read models answer, as text, for comparing two replays. */
    String results() {
        StringBuilder all = new StringBuilder();
        for (String base : ReadModels.ALL) {
            List<Document> docs = new ArrayList<>(mongo.findAll(Document.class, models.collection(base)));
            docs.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
            // a counts document's counters in key order, zeros left out: the order they were first touched in, and a
            // counter back at 0 after a retraction, depend on the delivery order, not on what is counted
            docs.forEach(d -> {
                if (d.get("c") instanceof Document counters) {
                    java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>(counters);
                    sorted.values().removeIf(n -> ((Number) n).longValue() == 0);
                    d.put("c", new Document(sorted));
                }
                all.append(d.toJson()).append('\n');
            });
        }
        all.append(json.writeValueAsString(compliance.unit(Scenario.WARD, 2026, LocalDate.of(2026, 12, 20))));
        all.append(json.writeValueAsString(compliance.province("vinh-long", 2026, LocalDate.of(2026, 12, 20))));
        for (String period : List.of("2026-Q1", "2026-H1", "2026-Q3", "2026-Y")) {
            all.append(json.writeValueAsString(reports.build(Scenario.WARD, period)));
        }
        return all.toString();
    }

    @Test
    void duplicatedAndShuffledReplaysGiveIdenticalResults() {
        replay(scenario.events());
        String inOrder = results();
        assertThat(inOrder).contains("t-web");
        for (long seed : List.of(1L, 7L, 42L)) {
            replay(scenario.duplicatedAndShuffled(seed));
            assertThat(results()).as("replay with seed %d", seed).isEqualTo(inOrder);
        }
    }

    @Test
    void complianceOfTheWardOn20December() {
        replay(scenario.events());
        ComplianceService.UnitCompliance ward = compliance.unit(Scenario.WARD, 2026, LocalDate.of(2026, 12, 20));
        TargetCompliance web = target(ward.targets(), "t-web");
        // the amendment lowered the minimum to 10; w02, w04–w14 (w03 retracted, w01 is 2025) = 12
        assertThat(web.minimum()).isEqualTo(10);
        assertThat(web.current()).extracting(PeriodCompliance::count, PeriodCompliance::status).containsExactly(12L, TargetStatus.MET);

        TargetCompliance radio = target(ward.targets(), "t-radio");
        assertThat(radio.periods()).extracting(PeriodCompliance::count).containsExactly(2L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(radio.periods()).extracting(PeriodCompliance::status).containsExactly(TargetStatus.MET, TargetStatus.MISSED,
                TargetStatus.MISSED, TargetStatus.MISSED, TargetStatus.MISSED, TargetStatus.MISSED, TargetStatus.MISSED,
                TargetStatus.MISSED, TargetStatus.MISSED, TargetStatus.MISSED, TargetStatus.MISSED, TargetStatus.AT_RISK);
        // December: 19 of 31 days elapsed → 2 × 19/31 = 1.23 due, none yet
        assertThat(radio.current().expectedByNow()).isEqualTo(1.23);
        assertThat(ward.summary()).containsEntry(TargetStatus.MET, 1).containsEntry(TargetStatus.AT_RISK, 1);
        assertThat(ward.tasks()).extracting(t -> t.total(), t -> t.done(), t -> t.overdue(), t -> t.inProgress(), t -> t.cancelled())
                .containsExactly(4, 1, 1, 1, 1);
        assertThat(ward.tasks().overdueTasks()).extracting(TaskView::taskId).containsExactly("task-2");
    }

    @Test
    void theProvinceSeesEveryCommune() {
        replay(scenario.events());
        ComplianceService.ProvinceCompliance province = compliance.province("vinh-long", 2026, LocalDate.of(2026, 12, 20));
        assertThat(province.name()).isEqualTo("Tỉnh Vĩnh Long");
        assertThat(province.communes()).extracting(ComplianceService.CommuneSummary::communeId)
                .containsExactly("vinh-long.phu-khuong", "vinh-long.tan-hanh");
        ComplianceService.CommuneSummary phuKhuong = province.communes().getFirst();
        assertThat(phuKhuong.name()).isEqualTo("Phường Phú Khương");
        assertThat(phuKhuong.targets()).isEqualTo(2);
        assertThat(phuKhuong.summary()).containsEntry(TargetStatus.MET, 1).containsEntry(TargetStatus.AT_RISK, 1);
        assertThat(province.communes().get(1).targets()).isZero();
    }

    @Test
    void firstQuarterReportCutsOffOn14March() {
        replay(scenario.events());
        PeriodicReport q1 = reports.build(Scenario.WARD, "2026-Q1");
        assertThat(q1.period().start()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(q1.period().end()).isEqualTo(LocalDate.of(2026, 3, 14));
        // w04 at 23:59:59 on 14/03 Vietnam time is in; w05 at 00:00 on 15/03 Vietnam time (still 14/03 UTC) is not;
        // w01 of 20/12/2025 is in the window; w03 was retracted; r05 was corrected to April
        assertThat(titles(q1)).containsExactly("w01", "r01", "w02", "r02", "r03", "r04", "w04");
        assertThat(q1.itemsByChannel()).containsEntry("WEBSITE", 3L).containsEntry("RADIO", 4L);
        // targets as of 14/03 in their own calendar: 2026 website articles w02, w04 → 2; 72 of 365 days → 10 × 72/365 = 1.97 due
        TargetCompliance web = target(q1.targets(), "t-web");
        assertThat(web.current()).extracting(PeriodCompliance::period, PeriodCompliance::count, PeriodCompliance::status)
                .containsExactly("2026", 2L, TargetStatus.ON_TRACK);
        assertThat(target(q1.targets(), "t-radio").current())
                .extracting(PeriodCompliance::period, PeriodCompliance::count, PeriodCompliance::status)
                .containsExactly("2026-03", 1L, TargetStatus.ON_TRACK);
        assertThat(q1.tasksDone()).extracting(TaskView::taskId).containsExactly("task-1");
        assertThat(q1.tasksOutstanding()).extracting(TaskView::taskId).containsExactly("task-2", "task-3");
        assertThat(q1.recipients()).containsExactly("Sở Nội vụ tỉnh Vĩnh Long", "Ủy ban nhân dân tỉnh Vĩnh Long");
        assertThat(q1.issuingBody()).containsExactly("ỦY BAN NHÂN DÂN", "PHƯỜNG PHÚ KHƯƠNG");
        assertThat(q1.title()).isEqualTo("Kết quả công tác thông tin, tuyên truyền cải cách hành chính quý I năm 2026");
    }

    @Test
    void halfYearAndYearReports() {
        replay(scenario.events());
        PeriodicReport h1 = reports.build(Scenario.WARD, "2026-H1");
        // 15/12/2025–14/06/2026: w01 w02 w04 w05 w06 w07 + r01–r05 (r05 now 02/04); w08 of 15/06 is out
        assertThat(titles(h1)).containsExactlyInAnyOrder("w01", "w02", "w04", "w05", "w06", "w07", "r01", "r02", "r03", "r04", "r05");
        // 2026 website to 14/06: w02 w04 w05 w06 w07 = 5; 164 of 365 days → 4.49 due
        assertThat(target(h1.targets(), "t-web").current()).extracting(PeriodCompliance::count, PeriodCompliance::status)
                .containsExactly(5L, TargetStatus.ON_TRACK);
        assertThat(target(h1.targets(), "t-radio").current()).extracting(PeriodCompliance::period, PeriodCompliance::status)
                .containsExactly("2026-06", TargetStatus.AT_RISK);

        PeriodicReport year = reports.build(Scenario.WARD, "2026-Y");
        // 15/12/2025–14/12/2026: 12 website (not w03, not w14 of 15/12) + 5 radio
        assertThat(year.items()).hasSize(17);
        assertThat(titles(year)).doesNotContain("w03", "w14");
        assertThat(target(year.targets(), "t-web").current()).extracting(PeriodCompliance::count, PeriodCompliance::status)
                .containsExactly(11L, TargetStatus.MET);
        // 1 of 3 live tasks done (33 %) → 0; website 0.25 + radio (traditional) 0.5; no electronic board
        assertThat(year.score().points()).isEqualTo(0.75);
        assertThat(year.score().max()).isEqualTo(2.0);

        PeriodicReport q3 = reports.build(Scenario.WARD, "2026-Q3");
        assertThat(titles(q3)).containsExactly("w08", "w09", "w10", "w11");
    }

    @Test
    void theWordDocumentReadsBackInDecree30Format() throws Exception {
        replay(scenario.events());
        PeriodicReport q1 = reports.build(Scenario.WARD, "2026-Q1");
        byte[] bytes = new PeriodicReportDocx().render(q1);
        Path out = Path.of("target/reports/bao-cao-q1-2026.docx");
        Files.createDirectories(out.getParent());
        Files.write(out, bytes); // for a look: libreoffice --headless --convert-to pdf target/reports/*.docx

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains("ỦY BAN NHÂN DÂN", "PHƯỜNG PHÚ KHƯƠNG", "Số: …/BC-UBND",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Phú Khương, ngày 20 tháng 12 năm 2026", "BÁO CÁO",
                    "Kết quả công tác thông tin, tuyên truyền cải cách hành chính quý I năm 2026",
                    "(Số liệu từ ngày 15/12/2025 đến ngày 14/03/2026)",
                    "Tính đến ngày 14/03/2026, đạt 0/2 chỉ tiêu",
                    "Trong kỳ báo cáo đã thực hiện 7 tin, bài, sản phẩm",
                    "- Đài truyền thanh: 4 tin, bài, sản phẩm;", "- Trang thông tin điện tử: 3 tin, bài, sản phẩm;",
                    "Nhiệm vụ hoàn thành trong kỳ: 1.", "Tổ chức đối thoại trực tuyến với người dân (Quá hạn, hạn 01/03/2026)",
                    "ước đạt 0,75/2 điểm", "Nơi nhận:", "- Sở Nội vụ tỉnh Vĩnh Long;", "- Lưu: VT.",
                    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
            // the targets table: header + one row per target, with the status in Vietnamese
            XWPFTable targets = doc.getTables().get(1);
            assertThat(targets.getRows()).hasSize(3);
            assertThat(targets.getRow(0).getCell(1).getText()).isEqualTo("Chỉ tiêu");
            assertThat(targets.getText()).contains("2/10", "Đúng tiến độ", "Tháng 3/2026", "Năm 2026");

            XWPFRun placeAndDate = runStartingWith(doc, "Phú Khương, ngày");
            assertThat(placeAndDate.isItalic()).isTrue();
            assertThat(placeAndDate.getFontFamily()).isEqualTo("Times New Roman");
            assertThat(runStartingWith(doc, "BÁO CÁO").isBold()).isTrue();
            assertThat(runStartingWith(doc, "BÁO CÁO").getFontSizeAsDouble()).isEqualTo(14.0);
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getH().toString()).isEqualTo("16838");
        }
    }

    @Test
    void theAnnexListsTheItems() throws Exception {
        replay(scenario.events());
        byte[] bytes = new PeriodicReportXlsx().render(reports.build(Scenario.WARD, "2026-Q1"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet items = book.getSheet("Tin bài");
            assertThat(items.getRow(0).getCell(0).getStringCellValue()).contains("QUÝ I NĂM 2026");
            assertThat(items.getRow(3).getCell(5).getStringCellValue()).isEqualTo("Tiêu đề");
            List<String> rows = new ArrayList<>();
            for (int r = 4; r < 11; r++) {
                rows.add(items.getRow(r).getCell(1).getStringCellValue() + " " + items.getRow(r).getCell(3).getStringCellValue()
                        + " " + items.getRow(r).getCell(5).getStringCellValue());
            }
            assertThat(rows.getFirst()).isEqualTo("20/12/2025 Trang thông tin điện tử Tin bài CCHC w01");
            assertThat(rows.getLast()).isEqualTo("14/03/2026 Trang thông tin điện tử Tin bài CCHC w04");
            assertThat(items.getRow(12).getCell(0).getStringCellValue()).isEqualTo("Tổng cộng: 7 tin, bài, sản phẩm");
            assertThat(book.getSheet("Nhiệm vụ").getRow(1).getCell(4).getStringCellValue()).isEqualTo("Hoàn thành");
        }
    }

    static XWPFRun runStartingWith(XWPFDocument doc, String prefix) {
        List<XWPFParagraph> paragraphs = new ArrayList<>(doc.getParagraphs());
        doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> paragraphs.addAll(c.getParagraphs()))));
        return paragraphs.stream().flatMap(p -> p.getRuns().stream())
                .filter(r -> r.text().startsWith(prefix)).findFirst().orElseThrow();
    }

    static TargetCompliance target(List<TargetCompliance> targets, String id) {
        return targets.stream().filter(t -> t.targetId().equals(id)).findFirst().orElseThrow();
    }

    static List<String> titles(PeriodicReport report) {
        return report.items().stream().map(i -> i.title().substring(i.title().lastIndexOf(' ') + 1)).toList();
    }
}
