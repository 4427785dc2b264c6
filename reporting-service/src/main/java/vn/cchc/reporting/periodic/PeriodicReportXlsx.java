package vn.cchc.reporting.periodic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.tasks.TaskView;

/**
 * The annex: the items of the window (sheet "Tin bài", section 2 of the report), the items of the year to the window's
 * end with the targets and score groups that count each (sheet "Lũy kế năm"), the targets as the report's table states
 * them (sheet "Chỉ tiêu") and the tasks (sheet "Nhiệm vụ"): every figure of the report can be recounted from it.
 */
@Component
public class PeriodicReportXlsx {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public byte[] render(PeriodicReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(report, out);
        return out.toByteArray();
    }

    /**
     * Writes the annex to {@code out} with POI's streaming workbook: at most 100 rows per sheet are held in memory (the
     * rest go to a temporary file, removed on close), so a province's year of items does not build the whole sheet in
     * the heap; the controller writes it straight to the response.
     */
    public void write(PeriodicReport report, java.io.OutputStream out) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Font bold = book.createFont();
            bold.setBold(true);
            bold.setFontName("Times New Roman");
            CellStyle header = book.createCellStyle();
            header.setFont(bold);

            Sheet items = book.createSheet("Tin bài");
            row(items, 0, header, "PHỤ LỤC: DANH MỤC TIN, BÀI, SẢN PHẨM THÔNG TIN, TUYÊN TRUYỀN CCHC " + Labels.upper(report.period().vietnameseName()));
            row(items, 1, null, "(Kèm theo Báo cáo của " + report.unitName() + ", số liệu từ " + DMY.format(report.period().start())
                    + " đến " + DMY.format(report.period().end()) + ")");
            row(items, 3, header, "STT", "Ngày đăng/phát", "Đơn vị", "Kênh", "Loại sản phẩm", "Tiêu đề", "Đường dẫn");
            int r = 4;
            for (PeriodicReport.ReportItem item : report.items()) {
                row(items, r, null, String.valueOf(r - 3), DMY.format(item.date()), item.unitName(), Labels.channel(item.channel()),
                        Labels.kind(item.kind()), item.title(), item.url());
                r++;
            }
            row(items, r + 1, header, "Tổng cộng: " + report.items().size() + " tin, bài, sản phẩm");

            Sheet toDate = book.createSheet("Lũy kế năm");
            row(toDate, 0, header, "TIN, BÀI, SẢN PHẨM LŨY KẾ TỪ NGÀY " + DMY.format(report.countedFrom()) + " ĐẾN NGÀY "
                    + DMY.format(report.period().end()) + " (CĂN CỨ TÍNH CHỈ TIÊU VÀ ĐIỂM TỰ ĐÁNH GIÁ)");
            row(toDate, 1, null, "Cột \"Tính cho chỉ tiêu\" ghi số thứ tự chỉ tiêu (biểu \"Chỉ tiêu\", bảng chỉ tiêu của Báo cáo)"
                    + " có kỳ hiện tại tính tin, bài đó; cột \"Nhóm hình thức tính điểm\" ghi nhóm được tính điểm.");
            row(toDate, 3, header, "STT", "Ngày đăng/phát", "Đơn vị", "Kênh", "Loại sản phẩm", "Tiêu đề", "Đường dẫn",
                    "Trong kỳ báo cáo", "Tính cho chỉ tiêu", "Nhóm hình thức tính điểm");
            r = 4;
            for (PeriodicReport.CountedItem item : report.itemsToDate()) {
                row(toDate, r, null, String.valueOf(r - 3), DMY.format(item.date()), item.unitName(), Labels.channel(item.channel()),
                        Labels.kind(item.kind()), item.title(), item.url(), item.inWindow() ? "Có" : "Không",
                        String.join("; ", item.targetNumbers().stream().map(String::valueOf).toList()),
                        String.join("; ", item.scoreGroups()));
                r++;
            }
            row(toDate, r + 1, header, "Tổng cộng: " + report.itemsToDate().size() + " tin, bài, sản phẩm");

            Sheet targets = book.createSheet("Chỉ tiêu");
            row(targets, 0, header, "STT", "Chỉ tiêu", "Kỳ", "Tính từ ngày", "Đến ngày", "Kết quả", "Tối thiểu", "Tình trạng");
            r = 1;
            for (TargetCompliance t : report.targets()) {
                row(targets, r, null, String.valueOf(r), t.description(), t.current().label(),
                        t.current().countedFrom() == null ? "" : DMY.format(t.current().countedFrom()),
                        DMY.format(t.current().end().isAfter(report.period().end()) ? report.period().end() : t.current().end()),
                        String.valueOf(t.current().count()), String.valueOf(t.current().minimum()), t.current().statusLabel());
                r++;
            }

            Sheet tasks = book.createSheet("Nhiệm vụ");
            row(tasks, 0, header, "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Tình trạng");
            r = 1;
            for (TaskView t : report.tasksDone()) {
                row(tasks, r, null, String.valueOf(r), t.title(), t.unitId(), t.dueDate(), Labels.taskStatus(t.status()));
                r++;
            }
            for (TaskView t : report.tasksOutstanding()) {
                row(tasks, r, null, String.valueOf(r), t.title(), t.unitId(), t.dueDate(), Labels.taskStatus(t.status()));
                r++;
            }
            for (int c = 0; c < 10; c++) {
                items.setColumnWidth(c, c == 5 ? 60 * 256 : 20 * 256);
                toDate.setColumnWidth(c, c == 5 ? 60 * 256 : 20 * 256);
                targets.setColumnWidth(c, c == 1 ? 60 * 256 : 16 * 256);
                tasks.setColumnWidth(c, c == 1 ? 60 * 256 : 20 * 256);
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, CellStyle style, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            var cell = row.createCell(c);
            cell.setCellValue(values[c] == null ? "" : values[c]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
