package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;

/** A unit's list uploaded as CSV or XLSX: per-row report, duplicates recognised, dry run and all-or-nothing store nothing. */
class SpreadsheetImportTest extends ServiceTestBase {
    static final String HEADER = "Đơn vị,Kênh,Loại,Tiêu đề,Đường dẫn,Thời gian đăng,Thời lượng (phút),Chủ đề\n";
    static final String CSV = HEADER
            + "vinh-long.phu-khuong,Trang thông tin điện tử,\"Tin, bài\",Tin CCHC số 1,https://pk.vn/tin/1,02/03/2026 08:00,,Dịch vụ công trực tuyến\n"
            + ",Đài truyền thanh,Chương trình phát thanh,Đối thoại về CCHC tháng 3,,13/03/2026 20:15,30,PAR_INDEX; SIPAS\n"
            + "vinh-long.phu-khuong,WEBSITE,ARTICLE,Tin CCHC số 1 (dòng lặp),https://pk.vn/tin/1/,02/03/2026 08:00,,\n"
            + "vinh-long.phu-khuong,Điện báo,ARTICLE,Kênh không có,https://pk.vn/tin/3,02/03/2026 08:00,,\n"
            + "vinh-long.phu-khuong,WEBSITE,ARTICLE,Đăng ngày mai,https://pk.vn/tin/4,02/03/2099 08:00,,\n"
            + "vinh-long.phu-khuong.tt-cu,WEBSITE,ARTICLE,Đơn vị đã giải thể,https://pk.vn/tin/5,hôm qua,,\n";

    String importUrl(String query) {
        return url() + "/import?unitId=vinh-long.phu-khuong" + query;
    }

    JsonNode upload(String query, String fileName, byte[] content) {
        Http.Response response = Api.upload(importUrl(query), fileName, "text/csv", content);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static List<String> statuses(JsonNode report) {
        return report.get("results").valueStream().map(r -> r.get("status").asString()).toList();
    }

    @Test
    void aDryRunReportsEveryRowAndStoresNothing() {
        JsonNode report = upload("&dryRun=true", "danh-sach.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.get("rows").asInt()).isEqualTo(6);
        assertThat(statuses(report)).containsExactly("VALID", "VALID", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED");
        JsonNode rows = report.get("results");
        assertThat(rows.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(rows.get(2).get("duplicateOfRow").asInt()).isEqualTo(2);
        assertThat(rows.get(3).get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(rows.get(4).get("errors").get(0).get("rule").asString()).isEqualTo("not-in-future");
        assertThat(rows.get(5).get("errors").get(0).get("field").asString()).isEqualTo("publishedAt");
        assertThat(repository.count()).isZero();
    }

    @Test
    void importsTheValidRowsWithTheirEventsAndAReuploadCountsNothingTwice() {
        try (TopicReader topic = new TopicReader(brokers, PublicationEvents.TOPIC)) {
            JsonNode report = upload("", "danh-sach.csv", CSV.getBytes(StandardCharsets.UTF_8));

            assertThat(report.get("stored").asBoolean()).isTrue();
            assertThat(statuses(report)).containsExactly("IMPORTED", "IMPORTED", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED");
            assertThat(report.get("imported").asInt()).isEqualTo(2);
            assertThat(repository.count()).isEqualTo(2);
            String broadcastId = report.get("results").get(1).get("publicationId").asString();
            Publication broadcast = repository.findById(broadcastId).orElseThrow();
            assertThat(broadcast.getDurationSeconds()).isEqualTo(1800);
            assertThat(broadcast.getUnitId()).isEqualTo("vinh-long.phu-khuong");
            assertThat(broadcast.getSource()).isEqualTo(Publication.Source.IMPORT);
            assertThat(broadcast.getRecordedBy()).isEqualTo("admin.test"); // the uploader
            assertThat(broadcast.getThemes()).containsExactly(Theme.PAR_INDEX, Theme.SIPAS);

            var event = await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream()
                    .filter(r -> broadcastId.equals(r.key())).findFirst(), java.util.Optional::isPresent).get();
            assertThat(ContractSchemas.validate("vn.cchc.publication.recorded.v1", TopicReader.value(event))).isEmpty();

            // the same list again: even the broadcast without a link is recognised
            JsonNode again = upload("", "danh-sach.csv", CSV.getBytes(StandardCharsets.UTF_8));
            assertThat(statuses(again)).containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED");
            assertThat(again.get("results").get(1).get("publicationId").asString()).isEqualTo(broadcastId);
            assertThat(repository.count()).isEqualTo(2);
        }
    }

    @Test
    void allOrNothingStoresNothingWhenARowIsRejected() {
        JsonNode report = upload("&allOrNothing=true", "danh-sach.csv", CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(statuses(report)).startsWith("NOT_IMPORTED", "NOT_IMPORTED");
        assertThat(repository.count()).isZero();

        String clean = HEADER + CSV.lines().skip(1).limit(2).map(l -> l + "\n").reduce("", String::concat);
        JsonNode stored = upload("&allOrNothing=true", "sach.csv", clean.getBytes(StandardCharsets.UTF_8));
        assertThat(statuses(stored)).containsExactly("IMPORTED", "IMPORTED");
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void readsAnXlsxWorkbookWithRealDateCellsAndSemicolonCsvWithBom() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Tin bài");
            Row header = sheet.createRow(0);
            String[] headers = {"Kênh", "Loại", "Tiêu đề", "Đường dẫn", "Thời gian đăng", "Lượt xem"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Facebook");
            row.createCell(1).setCellValue("Bài đăng mạng xã hội");
            row.createCell(2).setCellValue("Hướng dẫn cài đặt VNeID");
            row.createCell(3).setCellValue("https://facebook.com/phukhuong/posts/9");
            row.createCell(4).setCellValue(LocalDateTime.of(2026, 1, 31, 20, 0));
            row.getCell(4).setCellStyle(dateStyle);
            row.createCell(5).setCellValue(1500);
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        JsonNode report = upload("", "danh-sach.xlsx", xlsx);

        assertThat(statuses(report)).as(report.toString()).containsExactly("IMPORTED");
        Publication item = repository.findById(report.get("results").get(0).get("publicationId").asString()).orElseThrow();
        assertThat(item.getPublishedAt()).hasToString("2026-01-31T13:00:00Z"); // 20:00 Vietnam time
        assertThat(item.getEngagement().views()).isEqualTo(1500);

        String semicolon = "\uFEFFKênh;Loại;Tiêu đề;Thời gian đăng\nBảng điện tử;Băng rôn, pa nô, áp phích;Pa nô CCHC;2026-03-02T08:00:00+07:00\n";
        assertThat(statuses(upload("", "bang.csv", semicolon.getBytes(StandardCharsets.UTF_8)))).containsExactly("IMPORTED");
    }

    @Test
    void anUnreadableOrEmptyFileIsAProblemAndTheTemplateIsServed() {
        Http.Response empty = Api.upload(importUrl(""), "rong.csv", "text/csv", HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("errors").get(0).get("rule").asString()).isEqualTo("empty");

        Http.Response template = Api.get(url() + "/import/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).contains("Đơn vị,Kênh,Loại,Tiêu đề");
        // the template itself imports cleanly (dry run)
        byte[] templateBytes = template.body().getBytes(StandardCharsets.UTF_8);
        JsonNode dryRun = upload("&dryRun=true", "mau.csv", templateBytes);
        assertThat(statuses(dryRun)).as(dryRun.toString()).containsOnly("VALID");
    }

    @Test
    void aRejectedRowListsEveryErrorOfTheRowAtOnce() {
        String csv = HEADER + "vinh-long.phu-khuong.tt-cu,Điện báo,Loại lạ,<b></b>,ftp://pk.vn/x,02/03/2099 08:00,mười,Chủ đề lạ\n"
                + "vinh-long.phu-khuong,Trang thông tin điện tử,\"Tin, bài\",Tin hợp lệ,https://pk.vn/tin/77,02/03/2026 08:00,,\n";

        JsonNode report = upload("&dryRun=true", "loi.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(statuses(report)).containsExactly("REJECTED", "VALID");
        JsonNode errors = report.get("results").get(0).get("errors");
        List<String> fieldRules = errors.valueStream().map(e -> e.get("field").asString() + "/" + e.get("rule").asString()).toList();
        // the cells that could not be read, and every rule the rest breaks (a retired unit, a markup-only title, a
        // non-http link, a future date), sorted by field
        assertThat(fieldRules).containsExactly("channel/unknown-value", "durationSeconds/number", "kind/unknown-value",
                "publishedAt/not-in-future", "themes/unknown-value", "title/not-blank", "unitId/inactive-unit", "url/http-url");
        assertThat(report.get("rejected").asInt()).isEqualTo(1);
        assertThat(repository.count()).isZero();
    }
}
