package vn.cchc.reporting.periodic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.springframework.stereotype.Component;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.score.ParScore;
import vn.cchc.reporting.tasks.TaskView;

/**
 * The report as a Word document in the state format of Decree 30/2020/NĐ-CP: A4, Times New Roman 13–14 pt, the
 * issuing body and the national motto side by side, "Số: …/BC-UBND", the italic place and date line, the title, a
 * results section generated from the data, "Nơi nhận:" and the signature block. The number is left blank (…) for the
 * clerk to fill in when the report is signed, as the plans themselves do.
 */
@Component
public class PeriodicReportDocx {
    static final String FONT = "Times New Roman";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public byte[] render(PeriodicReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(report, out);
        return out.toByteArray();
    }

    /** Writes the report to {@code out} (the response: no second copy of the document in memory). */
    public void write(PeriodicReport report, java.io.OutputStream out) {
        try (XWPFDocument doc = new XWPFDocument()) {
            pageSetup(doc);
            header(doc, report);
            title(doc, report);
            body(doc, report);
            closing(doc, report);
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm (Decree 30, appendix I). */
    private static void pageSetup(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(851));
    }

    private static void header(XWPFDocument doc, PeriodicReport report) {
        XWPFTable table = borderless(doc.createTable(1, 2));
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        columns(table, 3555, 5799);

        List<String> body = report.issuingBody();
        XWPFParagraph p = left.getParagraphs().getFirst();
        for (int i = 0; i < body.size(); i++) {
            if (i > 0) {
                p = left.addParagraph();
            }
            center(p);
            run(p, body.get(i), 13, i == body.size() - 1, false);
        }
        p = left.addParagraph();
        center(p);
        run(p, "Số: …/BC-" + (body.size() > 1 ? "UBND" : "CQ"), 13, false, false);

        p = right.getParagraphs().getFirst();
        center(p);
        run(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
        p = right.addParagraph();
        center(p);
        run(p, "Độc lập - Tự do - Hạnh phúc", 13, true, false);
        p = right.addParagraph();
        center(p);
        p.setSpacingBefore(120);
        run(p, placeAndDate(report), 13, false, true);
    }

    static String placeAndDate(PeriodicReport report) {
        return String.format(Locale.ROOT, "%s, ngày %02d tháng %02d năm %d", report.place(), report.issuedOn().getDayOfMonth(),
                report.issuedOn().getMonthValue(), report.issuedOn().getYear());
    }

    private static void title(XWPFDocument doc, PeriodicReport report) {
        XWPFParagraph p = doc.createParagraph();
        center(p);
        p.setSpacingBefore(360);
        run(p, "BÁO CÁO", 14, true, false);
        p = doc.createParagraph();
        center(p);
        run(p, report.title(), 14, true, false);
        p = doc.createParagraph();
        center(p);
        run(p, "(Số liệu từ ngày " + DMY.format(report.period().start()) + " đến ngày " + DMY.format(report.period().end()) + ")",
                13, false, true);
    }

    private static void body(XWPFDocument doc, PeriodicReport report) {
        paragraph(doc, report.unitName() + " báo cáo kết quả công tác thông tin, tuyên truyền cải cách hành chính "
                + report.period().vietnameseName() + " như sau:", false);
        heading(doc, "I. KẾT QUẢ THỰC HIỆN");

        heading(doc, "1. Thực hiện các chỉ tiêu của kế hoạch");
        for (PeriodicReport.PlanSummary plan : report.plans()) {
            if (plan.startsLate()) {
                paragraph(doc, effectiveStartNote(plan), true);
            }
        }
        if (report.targets().isEmpty()) {
            paragraph(doc, "Kế hoạch năm " + report.period().year() + " chưa đặt chỉ tiêu định lượng.", false);
        } else {
            paragraph(doc, String.format("Tính đến ngày %s, đạt %d/%d chỉ tiêu:", DMY.format(report.period().end()),
                    report.targetsMet(), report.targets().size()), false);
            targetsTable(doc, report.targets());
        }

        heading(doc, "2. Tin, bài, sản phẩm thông tin, tuyên truyền");
        paragraph(doc, "Trong kỳ báo cáo đã thực hiện " + report.items().size()
                + " tin, bài, sản phẩm (danh mục chi tiết tại Phụ lục kèm theo), gồm:", false);
        for (Map.Entry<String, Long> e : report.itemsByChannel().entrySet()) {
            paragraph(doc, "- " + Labels.channel(e.getKey()) + ": " + e.getValue() + " tin, bài, sản phẩm;", false);
        }
        paragraph(doc, cumulativeLine(report), false);

        heading(doc, "3. Thực hiện nhiệm vụ");
        paragraph(doc, "Nhiệm vụ hoàn thành trong kỳ: " + report.tasksDone().size() + ".", false);
        for (TaskView t : report.tasksDone()) {
            paragraph(doc, "- " + t.title() + ";", false);
        }
        paragraph(doc, "Nhiệm vụ chưa hoàn thành: " + report.tasksOutstanding().size() + ".", false);
        for (TaskView t : report.tasksOutstanding()) {
            paragraph(doc, "- " + t.title() + " (" + Labels.taskStatus(t.status())
                    + (t.dueDate() == null ? "" : ", hạn " + DMY.format(java.time.LocalDate.parse(t.dueDate()))) + ");", false);
        }

        heading(doc, "4. Kênh thông tin đã sử dụng");
        paragraph(doc, report.itemsByChannel().isEmpty() ? "Chưa có." : String.join(", ",
                report.itemsByChannel().keySet().stream().map(Labels::channel).toList()) + ".", false);

        heading(doc, "II. TỰ ĐÁNH GIÁ (ƯỚC TÍNH ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH)");
        ParScore score = report.score();
        paragraph(doc, String.format(Locale.ROOT, "Tiêu chí công tác thông tin, tuyên truyền: ước đạt %s/%s điểm.",
                fmt(score.points()), fmt(score.max())), false);
        for (ParScore.Line line : score.lines()) {
            paragraph(doc, "- " + line.label() + ": " + fmt(line.points()) + "/" + fmt(line.max()) + " điểm. " + line.explanation(), false);
        }
        paragraph(doc, report.unitName() + " báo cáo để cơ quan có thẩm quyền biết, tổng hợp./.", false);
    }

    /**
     * The year to date, which the targets and the score count: said next to the window's figure, so that a quarter
     * with no item inside its window but items earlier in the year reads as what it is.
     */
    static String cumulativeLine(PeriodicReport report) {
        return "Lũy kế từ ngày " + DMY.format(report.countedFrom()) + " đến ngày " + DMY.format(report.period().end()) + ": "
                + report.itemsToDate().size() + " tin, bài, sản phẩm (biểu \"Lũy kế năm\" của Phụ lục), là căn cứ tính các chỉ"
                + " tiêu và điểm tự đánh giá dưới đây.";
    }

    /** Said only of a plan in force after 1 January: the others are judged over their whole year, as always. */
    static String effectiveStartNote(PeriodicReport.PlanSummary plan) {
        String name = plan.number() != null && !plan.number().isBlank() ? "Kế hoạch số " + plan.number() : plan.title();
        return name + " áp dụng từ ngày " + DMY.format(plan.effectiveFrom()) + ": các kỳ kết thúc trước ngày này chưa áp dụng"
                + " (không đánh giá); tin, bài đăng trước ngày này không tính vào chỉ tiêu năm.";
    }

    private static void targetsTable(XWPFDocument doc, List<TargetCompliance> targets) {
        XWPFTable table = doc.createTable(targets.size() + 1, 5);
        table.setWidth("100%");
        String[] headers = {"STT", "Chỉ tiêu", "Kỳ", "Kết quả / tối thiểu", "Tình trạng"};
        columns(table, 748, 4303, 1310, 1310, 1683);
        for (int c = 0; c < headers.length; c++) {
            XWPFParagraph p = table.getRow(0).getCell(c).getParagraphs().getFirst();
            center(p);
            run(p, headers[c], 12, true, false);
        }
        for (int r = 0; r < targets.size(); r++) {
            TargetCompliance t = targets.get(r);
            String[] cells = {String.valueOf(r + 1), t.description(), t.current().label(),
                    t.current().count() + "/" + t.current().minimum(), t.current().statusLabel()};
            for (int c = 0; c < cells.length; c++) {
                XWPFParagraph p = table.getRow(r + 1).getCell(c).getParagraphs().getFirst();
                if (c != 1) {
                    center(p);
                }
                run(p, cells[c], 12, false, false);
            }
        }
    }

    private static void closing(XWPFDocument doc, PeriodicReport report) {
        doc.createParagraph();
        XWPFTable table = borderless(doc.createTable(1, 2));
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        columns(table, 4677, 4677);
        XWPFParagraph p = left.getParagraphs().getFirst();
        run(p, "Nơi nhận:", 12, true, true);
        for (String recipient : report.recipients()) {
            run(left.addParagraph(), "- " + recipient + ";", 11, false, false);
        }
        run(left.addParagraph(), "- Lưu: VT.", 11, false, false);

        boolean administrative = report.issuingBody().size() > 1;
        p = right.getParagraphs().getFirst();
        center(p);
        run(p, administrative ? "TM. ỦY BAN NHÂN DÂN" : "THỦ TRƯỞNG CƠ QUAN", 13, true, false);
        if (administrative) {
            p = right.addParagraph();
            center(p);
            run(p, "CHỦ TỊCH", 13, true, false);
        }
        p = right.addParagraph();
        center(p);
        run(p, "(Ký, ghi rõ họ tên, đóng dấu)", 13, false, true);
    }

    /** Column widths in twips (the text width of A4 with these margins is 9,354), in the grid and in every cell, which Word and LibreOffice both honour. */
    private static void columns(XWPFTable table, int... twips) {
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() < twips.length) {
            grid.addNewGridCol();
        }
        for (int c = 0; c < twips.length; c++) {
            grid.getGridColArray(c).setW(BigInteger.valueOf(twips[c]));
            for (var row : table.getRows()) {
                row.getCell(c).setWidth(String.valueOf(twips[c]));
            }
        }
    }

    private static XWPFTable borderless(XWPFTable table) {
        table.setWidth("100%");
        table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        return table;
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(120);
        p.setIndentationFirstLine(567);
        run(p, text, 14, true, false);
    }

    private static void paragraph(XWPFDocument doc, String text, boolean italic) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(567);
        p.setSpacingAfter(60);
        run(p, text, 14, false, italic);
    }

    private static void center(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
        return run;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v).replace('.', ',');
    }
}
