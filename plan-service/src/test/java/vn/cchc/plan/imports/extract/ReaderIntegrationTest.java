package vn.cchc.plan.imports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import vn.cchc.plan.imports.DocumentReader;

/**
 * The extractor behind the real readers: a sample plan written out as a Word document the way such plans are typed
 * (the header block as a two-column borderless table, the task catalogue as a Word table whose cells hold a bold title
 * run and several paragraphs, "Nơi nhận" and the signature side by side in a borderless table), and the committed PDF
 * fixture (a short excerpt of a ward plan, its own expected JSON), each read by {@link DocumentReader} and scored.
 */
class ReaderIntegrationTest {
    private static final List<KnownUnit> DIRECTORY = ExtractionScoring.directory();
    /**
     * The PDF fixture (made by SampleDocuments) places a table row's cells at their own x with wide gaps, and the
     * reader writes a gap wider than about two character widths as a tab, so the task table's columns are kept. It
     * scores 100 % (it was 44.2 % while the reader joined every gap with one space).
     */
    static final double PDF_FLOOR = 1.0;
    private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>");
    private static final Pattern BOLD = Pattern.compile("<b>(.*?)</b>");

    @Test
    void wordDocumentBuiltFromTheSamplePlan() throws IOException {
        byte[] docx = docx(ExtractionScoring.resource("/imports/samples/tien-minh-2026.txt"));
        DocumentReader.Read read = new DocumentReader().read("ke-hoach.docx", docx);
        assertScore("tien-minh-2026 .docx", read.lines(), "tien-minh-2026", 0.90);
    }

    @Test
    void pdfFixtureThroughTheReader() throws IOException {
        byte[] pdf;
        try (InputStream in = getClass().getResourceAsStream("/imports/api/ke-hoach-phu-khuong-2026.pdf")) {
            pdf = in.readAllBytes();
        }
        DocumentReader.Read read = new DocumentReader().read("ke-hoach-phu-khuong-2026.pdf", pdf);
        read.lines().forEach(l -> System.out.println("    pdf| " + l));
        assertScore("ke-hoach-phu-khuong-2026 .pdf", read.lines(), "ke-hoach-phu-khuong-2026-pdf", PDF_FLOOR);
    }

    private static void assertScore(String name, List<String> lines, String expected, double floor) {
        Extraction e = new RulePlanExtractor().extract(new DocumentText(lines), DIRECTORY, new ExtractionHints(null));
        Map<String, Object> actual = ExtractionScoring.project(e);
        ExtractionScoring.Score s = ExtractionScoring.score(ExtractionScoring.expected(expected), actual);
        System.out.printf("%-26s %3d / %3d = %5.1f %%%n", name, s.right(), s.expected(), 100 * s.ratio());
        s.misses().forEach(m -> System.out.println("    miss " + m));
        assertThat(s.ratio()).as(name + " misses: " + s.misses()).isGreaterThanOrEqualTo(floor);
    }

    /** The sample's text as a Word document: Markdown marks become runs, tab rows tables, header and signature blocks borderless tables. */
    static byte[] docx(String text) throws IOException {
        List<String> lines = text.lines().toList();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int i = 0;
            int title = indexOf(lines, 0, "KẾ HOẠCH");
            // header block: issuing body and number on the left, national motto and place/date on the right
            List<String> left1 = new ArrayList<>();
            List<String> right1 = new ArrayList<>();
            List<String> left2 = new ArrayList<>();
            List<String> right2 = new ArrayList<>();
            for (; i < title; i++) {
                String l = plain(lines.get(i));
                if (l.isBlank()) {
                    continue;
                }
                if (l.startsWith("Số")) {
                    left2.add(l);
                } else if (l.contains("ngày") && l.contains("năm")) {
                    right2.add(l);
                } else if (l.startsWith("CỘNG HÒA") || l.startsWith("Độc lập")) {
                    right1.add(l);
                } else {
                    left1.add(l);
                }
            }
            XWPFTable header = borderless(doc, 2, 2);
            fill(header.getRow(0).getCell(0), left1, true);
            fill(header.getRow(0).getCell(1), right1, true);
            fill(header.getRow(1).getCell(0), left2, false);
            fill(header.getRow(1).getCell(1), right2, false);
            while (i < lines.size()) {
                String line = lines.get(i);
                if (line.contains("\t")) {
                    List<String[]> rows = new ArrayList<>();
                    for (; i < lines.size() && (lines.get(i).contains("\t") || lines.get(i).isBlank()); i++) {
                        String row = lines.get(i);
                        if (!row.isBlank() && !row.matches("[-\\t ]+")) {
                            rows.add(row.split("\t", -1));
                        }
                    }
                    int cols = rows.stream().mapToInt(r -> r.length).max().orElse(1);
                    XWPFTable table = doc.createTable(rows.size(), cols);
                    for (int r = 0; r < rows.size(); r++) {
                        for (int c = 0; c < cols; c++) {
                            String cell = c < rows.get(r).length ? rows.get(r)[c] : "";
                            List<String> paragraphs = new ArrayList<>();
                            Matcher m = PARAGRAPH.matcher(cell);
                            while (m.find()) {
                                paragraphs.add(m.group(1));
                            }
                            if (paragraphs.isEmpty()) {
                                paragraphs.add(cell);
                            }
                            fillMarked(table.getRow(r).getCell(c), paragraphs, r == 0);
                        }
                    }
                    continue;
                }
                if (plain(line).startsWith("Nơi nhận")) {
                    List<String> recipients = new ArrayList<>();
                    for (; i < lines.size() && !plain(lines.get(i)).matches("(TM|KT|Q)\\..*|[A-ZĐ ]{6,}"); i++) {
                        if (!lines.get(i).isBlank()) {
                            recipients.add(plain(lines.get(i)));
                        }
                    }
                    List<String> signature = new ArrayList<>();
                    boolean gap = false;
                    for (; i < lines.size(); i++) {
                        String l = plain(lines.get(i));
                        if (l.isBlank()) {
                            gap = true;
                            continue;
                        }
                        signature.add(l);
                        if (gap) {
                            i++;
                            break;
                        }
                    }
                    XWPFTable closing = borderless(doc, 1, 2);
                    fill(closing.getRow(0).getCell(0), recipients, false);
                    fill(closing.getRow(0).getCell(1), signature, true);
                    continue;
                }
                for (String part : line.split(" {2,}$|\\s{2,}\\n")) {
                    if (!part.isBlank()) {
                        XWPFParagraph p = doc.createParagraph();
                        boolean bold = part.strip().replaceFirst("^#+\\s*", "").startsWith("**");
                        p.createRun().setText(plain(part));
                        p.getRuns().getFirst().setBold(bold);
                    }
                }
                i++;
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static int indexOf(List<String> lines, int from, String text) {
        for (int i = from; i < lines.size(); i++) {
            if (plain(lines.get(i)).equals(text)) {
                return i;
            }
        }
        return 0;
    }

    private static String plain(String markdown) {
        return markdown.replaceFirst("^#+\\s*", "").replace("**", "").strip();
    }

    private static XWPFTable borderless(XWPFDocument doc, int rows, int cols) {
        XWPFTable t = doc.createTable(rows, cols);
        t.removeBorders();
        return t;
    }

    private static void fill(XWPFTableCell cell, List<String> paragraphs, boolean bold) {
        XWPFParagraph first = cell.getParagraphs().getFirst();
        for (int k = 0; k < paragraphs.size(); k++) {
            XWPFParagraph p = k == 0 ? first : cell.addParagraph();
            var run = p.createRun();
            run.setText(paragraphs.get(k));
            run.setBold(bold);
        }
    }

    /** Paragraphs with {@code <b>…</b>} marks become bold runs beside plain ones. */
    private static void fillMarked(XWPFTableCell cell, List<String> paragraphs, boolean bold) {
        XWPFParagraph first = cell.getParagraphs().getFirst();
        for (int k = 0; k < paragraphs.size(); k++) {
            XWPFParagraph p = k == 0 ? first : cell.addParagraph();
            String text = paragraphs.get(k);
            Matcher m = BOLD.matcher(text);
            int at = 0;
            while (m.find()) {
                if (m.start() > at) {
                    p.createRun().setText(text.substring(at, m.start()));
                }
                var run = p.createRun();
                run.setText(m.group(1));
                run.setBold(true);
                at = m.end();
            }
            if (at < text.length()) {
                var run = p.createRun();
                run.setText(text.substring(at));
                run.setBold(bold);
            }
        }
    }
}
