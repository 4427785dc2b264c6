package vn.cchc.plan.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.imports.extract.DocumentText;
import vn.cchc.plan.imports.extract.ExtractedField;
import vn.cchc.plan.imports.extract.Extraction;
import vn.cchc.plan.imports.extract.ExtractionHints;
import vn.cchc.plan.imports.extract.ImportWarning;
import vn.cchc.plan.imports.extract.KnownUnit;
import vn.cchc.plan.imports.extract.PlanExtractor;
import vn.cchc.plan.plans.PlanContent;
import vn.cchc.plan.plans.PlanTask;
import vn.cchc.plan.plans.TimeFrame;
import vn.cchc.plan.plans.TimeFrameType;
import vn.cchc.plan.plans.UnitRef;

/**
 * A predictable extractor for the import API's tests, so they test the API contract and not extraction quality:
 * reads only the title ("KẾ HOẠCH" and the line under it, or a line starting "Kế hoạch … năm yyyy"), the
 * year, and the rows of a task table (number, task, lead unit by exact name, time as written). Everything else of
 * the document is left for the reviewer.
 */
public class BasicPlanExtractor implements PlanExtractor {
    private static final Pattern YEAR = Pattern.compile("năm\\s+(20\\d\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH = Pattern.compile("^tháng\\s+(\\d{1,2})(?:\\s*/\\s*(20\\d\\d))?$");
    private static final Pattern QUARTER = Pattern.compile("^quý\\s+(i{1,3}|iv|[1-4])(?:\\s*/\\s*(20\\d\\d))?$");
    private static final Pattern YEAR_ONLY = Pattern.compile("^năm\\s+(20\\d\\d)$");

    @Override
    public Extraction extract(DocumentText text, List<KnownUnit> directory, ExtractionHints hints) {
        List<String> lines = text.lines();
        List<ExtractedField> fields = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        String title = null;
        int titleLine = 0;
        for (int i = 0; i < lines.size() && title == null; i++) {
            String line = plain(lines.get(i));
            if (line.equalsIgnoreCase("KẾ HOẠCH") || line.equals("KẾ HOẠCH")) {
                for (int j = i + 1; j < lines.size(); j++) {
                    String next = plain(lines.get(j));
                    if (!next.isEmpty()) {
                        title = "Kế hoạch " + Character.toLowerCase(next.charAt(0)) + next.substring(1);
                        titleLine = j + 1;
                        fields.add(new ExtractedField("title", title, i + 1, j + 1, 0.6, lines.get(i) + "\n" + lines.get(j)));
                        break;
                    }
                }
            } else if (line.toLowerCase(Locale.ROOT).startsWith("kế hoạch") && line.length() < 300 && YEAR.matcher(line).find()
                    && !line.contains("\t")) {
                title = line;
                titleLine = i + 1;
                fields.add(new ExtractedField("title", title, i + 1, i + 1, 0.5, lines.get(i)));
            }
        }
        Integer year = null;
        if (title != null) {
            Matcher m = YEAR.matcher(title);
            if (m.find()) {
                year = Integer.valueOf(m.group(1));
                fields.add(new ExtractedField("year", year, titleLine, titleLine, 0.6, lines.get(titleLine - 1)));
            }
        }
        List<PlanTask> tasks = new ArrayList<>();
        Map<String, Integer> columns = Map.of("lead", 2, "coordinators", 3, "products", 4, "time", 5);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String first = plain(cells[0]);
            if (line.toLowerCase(Locale.ROOT).contains("chủ trì")) {
                columns = header(cells);
                continue;
            }
            if (!first.matches("\\d{1,3}\\.?") || cells.length < 2) {
                continue;
            }
            String number = first.replace(".", "");
            String taskTitle = firstParagraph(cells[1]);
            if (taskTitle.isEmpty()) {
                continue;
            }
            String leadName = cell(cells, columns.get("lead"));
            String leadId = match(leadName, directory);
            if (leadId == null && !leadName.isEmpty()) {
                warnings.add(new ImportWarning("tasks[" + tasks.size() + "].leadUnitId", i + 1, i + 1,
                        "Không tìm thấy đơn vị chủ trì «" + leadName + "» trong danh mục đơn vị; vui lòng chọn đơn vị.", leadName));
                leadId = hints.unitId();
            }
            String time = cell(cells, columns.get("time"));
            TimeFrame frame = timeFrame(time, year);
            if (frame.type() == TimeFrameType.ONGOING && !time.isEmpty() && !time.toLowerCase(Locale.ROOT).contains("thường xuyên")) {
                warnings.add(new ImportWarning("tasks[" + tasks.size() + "].timeFrame", i + 1, i + 1,
                        "Chưa đọc được thời gian thực hiện «" + time + "»; tạm ghi là thường xuyên, vui lòng kiểm tra.", time));
            }
            String products = cell(cells, columns.get("products"));
            tasks.add(new PlanTask(null, number, taskTitle, leadId, List.of(), frame,
                    products.isEmpty() ? List.of() : List.of(products), leadName.isEmpty() ? null : new UnitRef(leadId, leadName),
                    null, null, null));
            fields.add(new ExtractedField("tasks[" + (tasks.size() - 1) + "]", taskTitle, i + 1, i + 1, 0.5, line));
        }
        if (title == null || year == null) {
            return new Extraction(null, fields, warnings, List.of());
        }
        PlanContent draft = new PlanContent(hints.unitId(), null, title, year, null, null, null, null, null, null, null, null,
                null, null, null, null, null, tasks, null);
        return new Extraction(draft, fields, warnings, List.of());
    }

    private static Map<String, Integer> header(String[] cells) {
        Map<String, Integer> columns = new java.util.HashMap<>(Map.of("lead", 2, "coordinators", 3, "products", 4, "time", 5));
        for (int c = 0; c < cells.length; c++) {
            String h = plain(cells[c]).toLowerCase(Locale.ROOT);
            if (h.contains("chủ trì")) {
                columns.put("lead", c);
            } else if (h.contains("phối hợp")) {
                columns.put("coordinators", c);
            } else if (h.contains("sản phẩm")) {
                columns.put("products", c);
            } else if (h.contains("thời gian")) {
                columns.put("time", c);
            }
        }
        return columns;
    }

    private static String cell(String[] cells, Integer column) {
        return column == null || column >= cells.length ? "" : plain(cells[column]);
    }

    private static TimeFrame timeFrame(String time, Integer year) {
        String t = time.toLowerCase(Locale.ROOT).strip();
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            return new TimeFrame(TimeFrameType.MONTH, null, Integer.valueOf(m.group(1)), null,
                    m.group(2) == null ? year : Integer.valueOf(m.group(2)), time);
        }
        m = QUARTER.matcher(t);
        if (m.matches()) {
            String q = m.group(1);
            int quarter = switch (q) {
                case "i" -> 1;
                case "ii" -> 2;
                case "iii" -> 3;
                case "iv" -> 4;
                default -> Integer.parseInt(q);
            };
            return new TimeFrame(TimeFrameType.QUARTER, null, null, quarter, m.group(2) == null ? year : Integer.valueOf(m.group(2)), time);
        }
        m = YEAR_ONLY.matcher(t);
        if (m.matches()) {
            return new TimeFrame(TimeFrameType.YEAR, null, null, null, Integer.valueOf(m.group(1)), time);
        }
        if (t.startsWith("khi có kết quả")) {
            return new TimeFrame(TimeFrameType.ON_RESULTS, null, null, null, null, time);
        }
        return new TimeFrame(TimeFrameType.ONGOING, null, null, null, null, time.isEmpty() ? null : time);
    }

    private static String match(String name, List<KnownUnit> directory) {
        if (name.isEmpty()) {
            return null;
        }
        String key = key(name);
        List<KnownUnit> found = directory.stream().filter(u -> key(u.name()).equals(key)).toList();
        return found.size() == 1 ? found.getFirst().unitId() : null;
    }

    private static String key(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** The first paragraph of a cell (the task's title), without markup. */
    private static String firstParagraph(String cell) {
        int end = cell.indexOf("</p>");
        return plain(end >= 0 ? cell.substring(0, end) : cell);
    }

    /** A line without Markdown emphasis, heading marks and the {@code <p>}/{@code <b>} markup of table cells. */
    static String plain(String s) {
        return s.replaceAll("</?[pb]>", " ").replaceAll("^#+\\s*", "").replace("**", "").replace("*", "")
                .replaceAll("\\s+", " ").strip();
    }
}
