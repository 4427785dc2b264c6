package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.security.test.TestTokens;

/**
 * Spreadsheet uploads are read as streams with their caps enforced while reading (rows, columns, unpacked size), dates
 * are checked against the calendar, and a client key is scoped to its unit: a row can never learn another unit's item.
 */
class ImportLimitsTest extends ServiceTestBase {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    Http.Response upload(String token, String query, String name, String type, byte[] content) {
        return Api.as(token).upload(url() + "/import?unitId=vinh-long.phu-khuong" + query, name, type, content);
    }

    static JsonNode onlyError(JsonNode problem) {
        assertThat(problem.get("errors")).hasSize(1);
        return problem.get("errors").get(0);
    }

    @Test
    void aRowReusingAnotherUnitsKeyNeverGetsThatUnitsItem() {
        Http.Response other = Api.postJson(url(), """
                {"unitId":"lam-dong.bac-binh","channel":"RADIO","kind":"BROADCAST","title":"Bản tin Bắc Bình",
                 "publishedAt":"2026-03-02T19:00:00+07:00","durationSeconds":600}""", "Idempotency-Key", "so-phat-thanh-1");
        String otherId = json.readTree(other.body()).get("id").asString();
        String csv = "Đơn vị,Kênh,Loại,Tiêu đề,Thời gian đăng,Thời lượng (phút),Mã yêu cầu\n"
                + "vinh-long.phu-khuong,RADIO,BROADCAST,Bản tin Phú Khương,02/03/2026 19:00,10,so-phat-thanh-1\n";
        String editor = TestTokens.editor("vinh-long.phu-khuong");

        Http.Response dryRun = upload(editor, "&dryRun=true", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        Http.Response imported = upload(editor, "", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(dryRun.body()).doesNotContain(otherId).doesNotContain("Bắc Bình");
        assertThat(json.readTree(dryRun.body()).get("results").get(0).get("status").asString()).isEqualTo("VALID");
        assertThat(imported.body()).doesNotContain(otherId).doesNotContain("Bắc Bình");
        JsonNode row = json.readTree(imported.body()).get("results").get(0);
        assertThat(row.get("status").asString()).isEqualTo("IMPORTED");
        Publication mine = repository.findById(row.get("publicationId").asString()).orElseThrow();
        assertThat(mine.getUnitId()).isEqualTo("vinh-long.phu-khuong");
        assertThat(repository.findById(otherId).orElseThrow().getTitle()).isEqualTo("Bản tin Bắc Bình");
        // the same key again in its own unit is the same item
        JsonNode again = json.readTree(upload(editor, "", "ds.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).body());
        assertThat(again.get("results").get(0).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.get("results").get(0).get("publicationId").asString()).isEqualTo(mine.getId());
    }

    @Test
    void datesNotOnTheCalendarAreRefusedWithTheRowFieldAndRule() {
        String csv = "Kênh,Loại,Tiêu đề,Đường dẫn,Thời gian đăng\n"
                + "WEBSITE,ARTICLE,Tin ngày 30 tháng 2,https://pk.vn/d/1,30/02/2026 08:00\n"
                + "WEBSITE,ARTICLE,Tin ngày 28 tháng 2,https://pk.vn/d/2,28/02/2026 08:00\n";

        JsonNode report = json.readTree(upload(Api.ADMIN, "&dryRun=true", "ds.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)).body());

        JsonNode refused = report.get("results").get(0);
        assertThat(refused.get("row").asInt()).isEqualTo(2);
        assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
        assertThat(onlyError(refused).get("field").asString()).isEqualTo("publishedAt");
        assertThat(onlyError(refused).get("rule").asString()).isEqualTo("no-such-date");
        assertThat(report.get("results").get(1).get("status").asString()).isEqualTo("VALID");
    }

    @Test
    void aSheetWithTooManyRowsIsRefusedWhileReading() throws IOException {
        byte[] big;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Tin bài");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Tiêu đề");
            for (int r = 1; r <= 50_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("Tin " + r);
            }
            workbook.write(out);
            big = out.toByteArray();
        }

        Http.Response refused = upload(Api.ADMIN, "&dryRun=true", "lon.xlsx", XLSX, big);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = onlyError(json.readTree(refused.body()));
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("rule").asString()).isEqualTo("max-rows");
        assertThat(error.get("message").asString()).contains("5000");
    }

    @Test
    void aValueBeyondTheColumnCapIsRefused() throws IOException {
        byte[] wide;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Tin bài");
            sheet.createRow(0).createCell(0).setCellValue("Tiêu đề");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Tin");
            row.createCell(16_000).setCellValue("xa tít");
            workbook.write(out);
            wide = out.toByteArray();
        }

        JsonNode error = onlyError(json.readTree(upload(Api.ADMIN, "&dryRun=true", "rong.xlsx", XLSX, wide).body()));

        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("rule").asString()).isEqualTo("max-columns");
    }

    @Test
    void aZipBombIsRefusedWithoutBeingUnpacked() throws IOException {
        byte[] bomb = withHugeSheet(template());

        Http.Response refused = upload(Api.ADMIN, "&dryRun=true", "bom.xlsx", XLSX, bomb);

        assertThat(bomb.length).isLessThan(1024 * 1024); // ~50 MB of sheet in well under 1 MB
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = onlyError(json.readTree(refused.body()));
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("rule").asString()).isEqualTo("unpacked-size");
        assertThat(repository.count()).isZero();
    }

    static byte[] template() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Tin bài");
            sheet.createRow(0).createCell(0).setCellValue("Tiêu đề");
            sheet.createRow(1).createCell(0).setCellValue("Tin");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The same workbook whose sheet XML ends in 50 MB of blanks: tiny packed, huge unpacked. */
    static byte[] withHugeSheet(byte[] xlsx) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(9);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 50; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
