package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tasks written as a numbered prose list under a tasks section ("Nhiệm vụ cụ thể", "Nhiệm vụ và giải pháp"):
 * "1. &lt;task&gt;" followed (on the same or the next lines) by "Đơn vị thực hiện: …; Thời gian: …" or
 * "- Chủ trì: …; Phối hợp: …; Thời gian hoàn thành: …". An item becomes a task only when at least one such field is
 * written; it is then read as a task-table row (first unit of "Đơn vị thực hiện" leads, the others coordinate).
 */
final class ProseTasks {
    /** A field label, OCR-tolerant ("Thoigian", "Don vj"). */
    private static final Pattern FIELD = Pattern.compile(
            "(?:^|[;.]\\s*|[-*+•]\\s*)(don ?v[ij] ?(?:" + Fold.loose("thuc hien") + "|chu tri|phu trach)|co quan (?:thuc hien|chu tri)|chu tri|phoi hop|"
                    + "thoi ?gian(?: thuc hien| hoan thanh| to chuc)?|thoi ?han(?: hoan thanh)?|tien do)\\s*:\\s*");

    private ProseTasks() {
    }

    /** Reads the prose tasks of the tasks section into {@code result}; the lines used are added to {@code placed}. */
    static void read(DocumentLayout layout, Integer year, Findings out, TaskRows.Result result, int targetOffset, Set<Integer> placed) {
        List<TableReader.Row> rows = new ArrayList<>();
        List<List<Integer>> used = new ArrayList<>();
        TableReader.Row current = null;
        boolean hasField = false;
        List<Line> lines = layout.lines;
        for (int i : layout.indexes(DocumentLayout.Part.TASKS)) {
            Line l = lines.get(i);
            if (l.isRow()) {
                continue;
            }
            Labels.Label label = Labels.of(l.text());
            String text = l.text();
            String f = Fold.fold(text);
            Matcher m = FIELD.matcher(f);
            boolean fieldFirst = m.find() && m.start(1) <= 3;
            if (label.type() == Labels.Type.ARABIC && !fieldFirst) {
                if (current != null && hasField) {
                    rows.add(current);
                } else if (current != null) {
                    used.removeLast();
                }
                current = new TableReader.Row();
                current.from = l.from();
                current.to = l.to();
                current.raw.append(text);
                current.cells.put(TableReader.Role.NUMBER, new StringBuilder(label.label()));
                String rest = label.rest();
                int off = text.length() - rest.length();
                Matcher fm = FIELD.matcher(Fold.fold(rest));
                String title = fm.find() ? rest.substring(0, fm.start()) : rest;
                current.cells.put(TableReader.Role.TASK, new StringBuilder(escape(title.strip().replaceAll("[.;:,]+$", ""))));
                hasField = fields(text, off + (title.length()), current);
                used.add(new ArrayList<>(List.of(i)));
                continue;
            }
            if (current != null && fieldFirst) {
                hasField |= fields(text, 0, current);
                current.to = l.to();
                current.raw.append('\n').append(text);
                used.getLast().add(i);
            }
        }
        if (current != null && hasField) {
            rows.add(current);
        } else if (current != null) {
            used.removeLast();
        }
        if (rows.isEmpty()) {
            return;
        }
        TableReader.Table t = new TableReader.Table();
        t.kind = TableReader.Kind.TASKS;
        t.rows.addAll(rows);
        TaskRows.read(t, year, out, result, targetOffset);
        used.forEach(placed::addAll);
    }

    /** The fields written in {@code text} from {@code from}: unit(s), coordinators, time. */
    private static boolean fields(String text, int from, TableReader.Row row) {
        String f = Fold.fold(text);
        Matcher m = FIELD.matcher(f);
        List<int[]> found = new ArrayList<>();
        int at = from;
        while (at < f.length() && m.find(at)) {
            found.add(new int[] {m.start(1), m.end(1), m.end()});
            at = m.end();
        }
        boolean any = false;
        for (int k = 0; k < found.size(); k++) {
            int[] x = found.get(k);
            int end = k + 1 < found.size() ? found.get(k + 1)[0] : text.length();
            String value = text.substring(x[2], end).strip().replaceAll("^[-*+•]\\s*", "").replaceAll("[\\s;.,\\-*+•]+$", "").strip();
            if (value.isEmpty()) {
                continue;
            }
            String key = f.substring(x[0], x[1]);
            if (key.startsWith("thoi") || key.startsWith("tien do")) {
                put(row, TableReader.Role.TIME, value);
            } else if (key.startsWith("phoi hop")) {
                put(row, TableReader.Role.COORD, value);
            } else {
                put(row, TableReader.Role.UNIT, value);
            }
            any = true;
        }
        return any;
    }

    private static void put(TableReader.Row row, TableReader.Role role, String value) {
        StringBuilder b = row.cells.get(role);
        if (b == null) {
            row.cells.put(role, new StringBuilder(escape(value)));
        } else {
            b.append(", ").append(escape(value));
        }
    }

    private static String escape(String s) {
        return s;
    }
}
