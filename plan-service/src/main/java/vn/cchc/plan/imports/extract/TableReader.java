package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables (rows of tab-separated cells, Markdown tables already converted): finds header rows and the role of each
 * column from its wording (STT, nhiệm vụ / nội dung, chủ trì, phối hợp, thời gian, sản phẩm; ngày, giờ, chủ đề, khách
 * mời…), in any order. A header repeated after a page break is skipped; a row whose number cell is empty continues the
 * previous row. Rows are returned with their cells merged per role; {@link TaskRows} and {@link ScheduleRows} read them.
 */
final class TableReader {
    enum Role { NUMBER, TASK, LEAD, COORD, TIME, PRODUCT, DATE, HOUR, TOPIC, PRESENTER, UNIT, NOTE, OTHER }

    enum Kind { TASKS, SCHEDULE, UNKNOWN }

    static final class Row {
        final Map<Role, StringBuilder> cells = new EnumMap<>(Role.class);
        int from;
        int to;
        final StringBuilder raw = new StringBuilder();

        String get(Role r) {
            StringBuilder b = cells.get(r);
            return b == null ? null : b.toString();
        }
    }

    static final class Table {
        /** The folded header of the first column with that role, or "". */
        String header(Role r) {
            int i = roles.indexOf(r);
            return i < 0 || i >= headers.size() ? "" : headers.get(i);
        }

        Kind kind = Kind.UNKNOWN;
        List<Role> roles = List.of();
        List<String> headers = List.of();
        String caption = "";
        int headerLine;
        int headerIndex;
        final List<Row> rows = new ArrayList<>();
    }

    private TableReader() {
    }

    static List<Table> read(DocumentLayout layout, Findings out) {
        List<Table> tables = new ArrayList<>();
        Table current = null;
        StringBuilder caption = new StringBuilder();
        List<Line> lines = layout.lines;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!l.isRow()) {
                if ((i > 0 && lines.get(i - 1).isRow()) || Labels.of(l.text()).type() == Labels.Type.ROMAN) {
                    caption.setLength(0);
                }
                if (!caption.isEmpty() && !DocumentLayout.appendixCaption(l) && !Labels.upperish(l.text())) {
                    caption.setLength(0); // keep only the caption lines just above the table
                }
                caption.append(' ').append(l.text());
                continue;
            }
            if (layout.parts[i] == DocumentLayout.Part.HEADER || layout.parts[i] == DocumentLayout.Part.TITLE) {
                continue; // the header block laid out as a table (body | motto)
            }
            List<Role> roles = header(l.cells());
            if (roles != null) {
                if (current != null && current.roles.equals(roles)) {
                    continue; // header repeated after a page break
                }
                current = new Table();
                current.roles = roles;
                current.headers = l.cells().stream().map(c -> Fold.key(TextCleaner.stripMarkers(c))).toList();
                current.caption = Fold.collapse(caption.toString());
                current.headerLine = l.from();
                current.headerIndex = i;
                current.kind = roles.contains(Role.LEAD) || (roles.contains(Role.TASK) && roles.contains(Role.PRODUCT)) ? Kind.TASKS
                        : roles.contains(Role.DATE) || roles.contains(Role.HOUR)
                        || (roles.contains(Role.TIME) && (roles.contains(Role.TOPIC) || roles.contains(Role.PRESENTER))) ? Kind.SCHEDULE : Kind.UNKNOWN;
                tables.add(current);
                continue;
            }
            if (current == null) {
                out.warn(null, l, "Dòng bảng không có hàng tiêu đề nhận biết được; chưa đưa vào bản nháp.");
                continue;
            }
            List<String> cells = l.cells();
            String first = cells.isEmpty() ? "" : TextCleaner.stripMarkers(cells.getFirst());
            boolean numbered = current.roles.getFirst() == Role.NUMBER;
            boolean continuation = numbered && first.isBlank() && !current.rows.isEmpty();
            Row row;
            if (continuation) {
                row = current.rows.getLast();
            } else {
                row = new Row();
                row.from = l.from();
                current.rows.add(row);
            }
            row.to = l.to();
            row.raw.append(row.raw.isEmpty() ? "" : "\n").append(l.text());
            for (int c = 0; c < cells.size() && c < current.roles.size(); c++) {
                String cell = cells.get(c);
                if (cell.isBlank()) {
                    continue;
                }
                Role role = current.roles.get(c);
                StringBuilder b = row.cells.computeIfAbsent(role, k -> new StringBuilder());
                if (!b.isEmpty()) {
                    b.append(role == Role.NUMBER ? "" : "<p></p>");
                }
                b.append(cell);
            }
            if (cells.size() > current.roles.size()) {
                out.warn(null, l, "Dòng bảng có nhiều ô hơn hàng tiêu đề; phần thừa chưa được đọc.");
            }
        }
        return tables;
    }

    /** The roles of a header row, or null when the row is not a header. */
    static List<Role> header(List<String> cells) {
        List<Role> roles = new ArrayList<>();
        int known = 0;
        for (String c : cells) {
            Role r = role(Fold.key(TextCleaner.stripMarkers(c)));
            roles.add(r);
            if (r != Role.OTHER) {
                known++;
            }
        }
        if (known >= 3 || (known >= 2 && roles.getFirst() == Role.NUMBER)) {
            // a data row never has "STT" in its first cell; a header never has a number there
            String first = Fold.key(TextCleaner.stripMarkers(cells.getFirst()));
            if (first.matches("\\d+.*")) {
                return null;
            }
            return roles;
        }
        return null;
    }

    static Role role(String k) {
        if (k.isEmpty()) {
            return Role.OTHER;
        }
        if (k.matches("(stt|tt|so tt|so thu tu|s tt|5tt|sit)")) {
            return Role.NUMBER;
        }
        if (k.contains("chu tri")) {
            return Role.LEAD;
        }
        if (k.contains("phoi hop")) {
            return Role.COORD;
        }
        if (k.contains("san pham") || k.contains("ket qua") || k.startsWith("hinh thuc")) {
            return Role.PRODUCT;
        }
        if (k.contains("chu de")) {
            return Role.TOPIC;
        }
        if (k.matches(".*(khach moi|bao cao vien|nguoi trinh bay|dien gia|nguoi tham gia|tham gia doi thoai|nguoi tra loi|lanh dao tham gia).*")) {
            return Role.PRESENTER;
        }
        if (k.matches("(gio|khung gio|thoi luong|gio phat song|thoi gian phat)( .*)?") && !k.contains("ngay")) {
            return Role.HOUR;
        }
        if (k.matches("(ngay|ngay phat song|ngay thuc hien|lich phat song|thoi gian phat song|ngay thang)( .*)?")) {
            return Role.DATE;
        }
        if (k.matches(".*(thoi gian|thoi han|tien do|hoan thanh).*|thang( thuc hien)?")) {
            return Role.TIME;
        }
        if (k.matches(".*(nhiem vu|noi dung|cong viec|hoat dong|ten chuong trinh|chuong trinh).*")) {
            return Role.TASK;
        }
        if (k.matches("(don vi|co quan)( thuc hien| phu trach)?")) {
            return Role.UNIT;
        }
        if (k.startsWith("ghi chu")) {
            return Role.NOTE;
        }
        return Role.OTHER;
    }

    private static final Pattern PARA = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A cell's paragraphs (HTML &lt;p&gt;, &lt;br&gt;, Markdown line breaks), each with whether it is bold throughout. */
    static List<String[]> paragraphs(String cell) {
        List<String[]> out = new ArrayList<>();
        if (cell == null) {
            return out;
        }
        String c = cell;
        if (!c.toLowerCase().contains("<p")) {
            c = "<p>" + c.replaceAll("(?i)<br\\s*/?>", "</p><p>") + "</p>";
        } else {
            c = c.replaceAll("(?i)<br\\s*/?>", "</p><p>");
        }
        Matcher m = PARA.matcher(c);
        List<String> raw = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            if (m.start() > last && !c.substring(last, m.start()).isBlank()) {
                raw.add(c.substring(last, m.start()));
            }
            raw.add(m.group(1));
            last = m.end();
        }
        if (last < c.length() && !c.substring(last).isBlank()) {
            raw.add(c.substring(last));
        }
        for (String p : raw) {
            String t = p.strip();
            if (t.isEmpty()) {
                continue;
            }
            String plain = TextCleaner.stripMarkers(t);
            if (plain.isEmpty()) {
                continue;
            }
            boolean bold = t.matches("(?is)^\\s*(<b>|<strong>|\\*\\*).*(</b>|</strong>|\\*\\*)\\s*$")
                    && !t.matches("(?is)^\\s*(<b>|<strong>|\\*\\*).*?(</b>|</strong>|\\*\\*).+$");
            out.add(new String[] {plain, bold ? "b" : ""});
        }
        return out;
    }
}
