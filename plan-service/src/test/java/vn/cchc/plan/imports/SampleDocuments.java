package vn.cchc.plan.imports;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/** Sample-like plan documents for the import tests, made with POI and PDFBox. */
final class SampleDocuments {
    static final String PK = "vinh-long.phu-khuong";
    static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    /** A PDF made by {@link #main} with {@link #FONT} (a subset embedded), for machines without the font. */
    static final String PDF_FIXTURE = "/imports/api/ke-hoach-phu-khuong-2026.pdf";

    private SampleDocuments() {
    }

    static final List<String> HEAD = List.of(
            "ỦY BAN NHÂN DÂN PHƯỜNG PHÚ KHƯƠNG",
            "Số: /KH-UBND",
            "Phú Khương, ngày 15 tháng 01 năm 2026",
            "KẾ HOẠCH",
            "Thông tin, tuyên truyền cải cách hành chính năm 2026",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Nâng cao nhận thức của cán bộ, công chức và người dân về cải cách hành chính.");

    static final String[] HEADER_ROW = {"STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian thực hiện"};
    static final String[][] ROWS = {
            {"1", "Viết tin, bài về cải cách hành chính", "Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị", "Tin, bài", "Thường xuyên"},
            {"2", "Tổ chức đối thoại với người dân", "Trung tâm Dịch vụ tổng hợp", "Các cơ quan, đơn vị", "Cuộc đối thoại", "Tháng 4/2026"}};

    /** The plan as a .txt / .md: head lines, then the task table as tab-separated rows. */
    static String text() {
        StringBuilder out = new StringBuilder();
        HEAD.forEach(line -> out.append(line).append('\n'));
        out.append(String.join("\t", HEADER_ROW)).append('\n');
        for (String[] row : ROWS) {
            out.append(String.join("\t", row)).append('\n');
        }
        return out.toString();
    }

    /** The plan as Word: paragraphs, a page header and footer, a task table whose task cell is bold title + body. */
    static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFHeaderFooterPolicy policy = doc.createHeaderFooterPolicy();
            policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT).createParagraph().createRun().setText("ĐẦU TRANG KHÔNG ĐỌC");
            policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT).createParagraph().createRun().setText("Trang 1/1");
            for (String line : HEAD) {
                XWPFRun run = doc.createParagraph().createRun();
                run.setBold(line.equals("KẾ HOẠCH"));
                run.setText(line);
            }
            doc.createParagraph(); // an empty paragraph: not a line
            XWPFTable table = doc.createTable(ROWS.length + 1, HEADER_ROW.length);
            for (int c = 0; c < HEADER_ROW.length; c++) {
                set(table.getRow(0).getCell(c), HEADER_ROW[c], true);
            }
            for (int r = 0; r < ROWS.length; r++) {
                for (int c = 0; c < ROWS[r].length; c++) {
                    XWPFTableCell cell = table.getRow(r + 1).getCell(c);
                    if (c == 1) {
                        set(cell, ROWS[r][c], true);
                        XWPFParagraph body = cell.addParagraph();
                        body.createRun().setText("- Nội dung: ");
                        XWPFRun bold = body.createRun();
                        bold.setBold(true);
                        bold.setText("trọng tâm");
                        body.createRun().setText(" năm 2026");
                    } else {
                        set(cell, ROWS[r][c], false);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().getFirst();
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setText(text);
    }

    /** The plan as a PDF with a text layer, one line per text line (a table row's cells at their own x, wide gaps between), in the given TrueType font (Vietnamese needs one). */
    static byte[] pdf(File font) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont f = PDType0Font.load(doc, font);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                float y = 800;
                for (String line : text().split("\n")) {
                    // a table row: each cell at its own x, a wide gap between cells (as a laid-out table prints)
                    float x = 30;
                    float size = line.contains("\t") ? 6 : 9;
                    for (String cell : line.split("\t", -1)) {
                        String c = cell.replace("  ", " ").strip();
                        if (!c.isEmpty()) {
                            content.beginText();
                            content.setFont(f, size);
                            content.newLineAtOffset(x, y);
                            content.showText(c);
                            content.endText();
                            x += f.getStringWidth(c) / 1000 * size;
                        }
                        x += 24;
                    }
                    y -= 14;
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of one blank page: no text layer (as a scan without OCR). */
    static byte[] pdfWithoutText() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the PDF fixture: {@code java -cp … vn.cchc.plan.imports.SampleDocuments src/test/resources/imports/api/…pdf}. */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), pdf(FONT.toFile()));
    }
}
