package vn.cchc.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.reporting.compliance.ComplianceService;
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
import vn.cchc.reporting.score.ScoringRules;
import vn.cchc.reporting.tasks.TaskProjection;
import vn.cchc.reporting.units.UnitProjection;

/**
 * Every number of a periodic report is explained by the items its annex lists. The reported defect: a Q3 report of a
 * ward whose only articles were published in May said "0 tin, bài" (nothing in its 15/06–14/09 window) while its score
 * line counted two items (the year to date) and nothing in the documents said which. The DOCX text and the XLSX annex
 * are read back and recounted: the window's figures from sheet "Tin bài", the targets' and the score's from sheet
 * "Lũy kế năm", the targets table against sheet "Chỉ tiêu".
 */
class ReportFiguresAgreeTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-20T03:00:00Z"), ZoneOffset.UTC);
    static final String TH = "vinh-long.tan-hanh";
    static final Pattern IN_WINDOW = Pattern.compile("Trong kỳ báo cáo đã thực hiện (\\d+) tin, bài, sản phẩm");
    static final Pattern TO_DATE = Pattern.compile("Lũy kế từ ngày (\\S+) đến ngày (\\S+): (\\d+) tin, bài, sản phẩm");
    static final Pattern CHANNEL_LINE = Pattern.compile("^- (.+): (\\d+) tin, bài, sản phẩm;$");

    final JsonMapper json = JsonMapper.builder().build();
    MongoClient client;
    ReadModels models;
    Projections projections;
    PeriodicReportService reports;

    @BeforeEach
    void setUp() {
        String db = "figures-" + UUID.randomUUID();
        client = MongoClients.create(MongoWireServer.uri(db));
        MongoTemplate mongo = new MongoTemplate(client, db);
        models = new ReadModels(mongo);
        projections = new Projections(models, new PublicationFactProjection(mongo, new vn.cchc.reporting.counts.CountBatches(mongo, new vn.cchc.reporting.counts.CountsRepair(mongo), java.time.Clock.systemUTC(), 0)), new PlanProjection(mongo, json),
                new TaskProjection(mongo), new UnitProjection(mongo), new ProjectionMetrics(new SimpleMeterRegistry(), CLOCK));
        reports = new PeriodicReportService(new ReadStore(mongo, models, json), ReportingCalendar.moha(), new ScoringProperties(null),
                CLOCK);
    }

    @AfterEach
    void close() {
        client.close();
    }

    void replay(List<Scenario.Event> events) {
        int generation = models.startBuilding();
        for (Scenario.Event e : events) {
            projections.applyTo(e.type(), json.readTree(e.json()), generation);
        }
        models.switchTo(generation);
    }

    /** Tân Hạnh: the scripted plan, and only two website articles, both in May (before the Q3 window). */
    List<Scenario.Event> mayOnly() {
        Scenario th = new Scenario(json, TH, "Phường Tân Hạnh", "Tỉnh Vĩnh Long", "kh-th-2026", "th-");
        return List.of(th.unit("vinh-long", null, "Tỉnh Vĩnh Long", "PROVINCE"), th.unit(TH, "vinh-long", "Phường Tân Hạnh", "WARD"),
                th.unit(TH + ".vhxh", TH, "Phòng Văn hóa - Xã hội phường Tân Hạnh", "OFFICE"),
                th.plan(1, "vn.cchc.plan.issued.v1", "ISSUED", 10),
                th.web("m1", "2026-05-05T02:00:00Z"), th.web("m2", "2026-05-20T02:00:00Z"));
    }

    @Test
    void theThirdQuarterOfAWardThatPublishedOnlyInMaySaysWhatEachFigureCounts() throws Exception {
        replay(mayOnly());
        PeriodicReport q3 = reports.build(TH, "2026-Q3");
        Figures figures = read(q3);
        assertThat(figures.text).contains("Trong kỳ báo cáo đã thực hiện 0 tin, bài, sản phẩm",
                "Lũy kế từ ngày 01/01/2026 đến ngày 14/09/2026: 2 tin, bài, sản phẩm",
                "2 tin, bài, sản phẩm từ ngày 01/01/2026 đến ngày 14/09/2026 trên nhóm hình thức này");
        // both May articles are listed, outside the window, counted by the yearly website target (row 2, after t-radio)
        // and the score
        assertThat(figures.toDate).extracting(r -> r.get(5) + " | " + r.get(7) + " | " + r.get(8) + " | " + r.get(9))
                .containsExactly("Tin bài CCHC th-m1 | Không | 2 | Trang thông tin điện tử, mạng xã hội",
                        "Tin bài CCHC th-m2 | Không | 2 | Trang thông tin điện tử, mạng xã hội");
        assertThat(figures.targetRows.get(1)).startsWith("2 | Ít nhất 12 tin, bài").contains("Năm 2026 | 2/10");
        assertFiguresAgree(q3, figures);
    }

    @Test
    void everyFigureOfEveryReportOfTheScriptedYearAgreesWithTheAnnex() throws Exception {
        replay(new Scenario(json).events());
        for (String period : List.of("2026-Q1", "2026-H1", "2026-Q3", "2026-Y")) {
            PeriodicReport report = reports.build(Scenario.WARD, period);
            assertFiguresAgree(report, read(report));
        }
        // Q1: w01 of 20/12/2025 is in the window (7 items) but not in the year (6), so not in the website target's 2
        Figures q1 = read(reports.build(Scenario.WARD, "2026-Q1"));
        assertThat(q1.text).contains("Trong kỳ báo cáo đã thực hiện 7 tin", "Lũy kế từ ngày 01/01/2026 đến ngày 14/03/2026: 6 tin");
        assertThat(q1.targetRows).containsExactly(
                "1 | Ít nhất 02 tin, bài mỗi tháng trên Đài truyền thanh phường | Tháng 3/2026 | 1/2 | Đúng tiến độ",
                "2 | Ít nhất 12 tin, bài về CCHC trên Trang thông tin điện tử phường | Năm 2026 | 2/10 | Đúng tiến độ");
    }

    /** The figures the documents state, and the annex's rows, read back from the bytes a caller downloads. */
    record Figures(String text, List<String> paragraphs, List<String> targetRows, List<List<String>> window,
                   List<List<String>> toDate, List<List<String>> targetSheet, String windowTotal, String toDateTotal) {
    }

    Figures read(PeriodicReport report) throws Exception {
        byte[] docx = new PeriodicReportDocx().render(report);
        byte[] xlsx = new PeriodicReportXlsx().render(report);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc);
             XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            List<String> targetRows = new ArrayList<>();
            if (!report.targets().isEmpty()) {
                XWPFTable table = doc.getTables().get(1);
                for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
                    targetRows.add(String.join(" | ", row.getTableCells().stream().map(c -> c.getText()).toList()));
                }
            }
            List<List<String>> window = rows(book.getSheet("Tin bài"), 4);
            List<List<String>> toDate = rows(book.getSheet("Lũy kế năm"), 4);
            return new Figures(extractor.getText(), paragraphs, targetRows, window, toDate, rows(book.getSheet("Chỉ tiêu"), 1),
                    cell(book.getSheet("Tin bài").getRow(4 + window.size() + 1), 0),
                    cell(book.getSheet("Lũy kế năm").getRow(4 + toDate.size() + 1), 0));
        }
    }

    void assertFiguresAgree(PeriodicReport report, Figures f) {
        String id = report.period().id();
        // section 2: the window's total and its channels = sheet "Tin bài"
        Matcher inWindow = IN_WINDOW.matcher(f.text);
        assertThat(inWindow.find()).as(id).isTrue();
        int windowCount = Integer.parseInt(inWindow.group(1));
        assertThat(f.window).as(id).hasSize(windowCount);
        assertThat(f.windowTotal).as(id).isEqualTo("Tổng cộng: " + windowCount + " tin, bài, sản phẩm");
        Map<String, Integer> byChannel = new TreeMap<>();
        f.paragraphs.stream().map(CHANNEL_LINE::matcher).filter(Matcher::matches)
                .forEach(m -> byChannel.put(m.group(1), Integer.parseInt(m.group(2))));
        Map<String, Integer> listed = new TreeMap<>();
        f.window.forEach(r -> listed.merge(r.get(3), 1, Integer::sum));
        assertThat(byChannel).as(id).isEqualTo(listed);

        // the year to date = sheet "Lũy kế năm"; its in-window rows are the window's items of the plan year
        Matcher toDate = TO_DATE.matcher(f.text);
        assertThat(toDate.find()).as(id).isTrue();
        int toDateCount = Integer.parseInt(toDate.group(3));
        assertThat(f.toDate).as(id).hasSize(toDateCount);
        assertThat(f.toDateTotal).as(id).isEqualTo("Tổng cộng: " + toDateCount + " tin, bài, sản phẩm");
        assertThat(f.toDate.stream().filter(r -> r.get(7).equals("Có")).count()).as(id)
                .isEqualTo(f.window.stream().filter(r -> r.get(1).endsWith("/" + report.period().year())).count());

        // each target row of the document: its count = the year-to-date rows marked with its number; sheet "Chỉ tiêu" agrees
        assertThat(f.targetRows).as(id).hasSize(report.targets().size()).hasSameSizeAs(f.targetSheet);
        for (int n = 1; n <= f.targetRows.size(); n++) {
            String[] cells = f.targetRows.get(n - 1).split(" \\| ");
            String count = cells[3].substring(0, cells[3].indexOf('/'));
            String number = String.valueOf(n);
            long marked = f.toDate.stream().filter(r -> List.of(r.get(8).split("; ")).contains(number)).count();
            assertThat(Long.parseLong(count)).as(id + " target " + n).isEqualTo(marked);
            List<String> sheetRow = f.targetSheet.get(n - 1);
            assertThat(List.of(sheetRow.get(0), sheetRow.get(2), sheetRow.get(5) + "/" + sheetRow.get(6), sheetRow.get(7)))
                    .as(id + " target " + n).containsExactly(cells[0], cells[2], cells[3], cells[4]);
        }

        // each channel line of the score: its count (or "Không có") = the year-to-date rows of that group
        for (ScoringRules.ChannelGroup group : ScoringRules.communeDefault().channelGroups()) {
            String line = f.paragraphs.stream().filter(p -> p.startsWith("- " + group.label() + ":")).findFirst().orElseThrow();
            long marked = f.toDate.stream().filter(r -> List.of(r.get(9).split("; ")).contains(group.label())).count();
            assertThat(line).as(id + " " + group.id())
                    .contains(marked == 0 ? "Không có sản phẩm nào từ ngày" : "điểm. " + marked + " tin, bài, sản phẩm từ ngày");
            assertThat(line).as(id).contains("đến ngày " + toDate.group(2));
        }
    }

    static List<List<String>> rows(Sheet sheet, int first) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = first; sheet.getRow(r) != null; r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(cell(row, c));
            }
            rows.add(cells);
        }
        return rows;
    }

    static String cell(Row row, int c) {
        return row == null || row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue();
    }
}
