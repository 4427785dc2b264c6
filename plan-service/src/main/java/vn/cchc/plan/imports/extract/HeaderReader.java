package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.PartialDate;

/**
 * The header: issuing body (the upper-case lines above the number, not the national motto), number
 * ("Số: 80/KH-UBND"; "Số: /KH-UBND" is unsigned → null), place and date line (blank parts kept blank), title, year.
 */
final class HeaderReader {
    private static final Pattern NUMBER = Pattern.compile(
            "^\\s*s[a-z0-9]{0,2}\\s*[:;.,]?\\s*([0-9a-z|!]{0,6})\\s*/\\s*([a-z]{1,5}(?:\\s*-\\s*[a-z0-9]{1,10}){1,3})");

    static final class Header {
        String issuingBody;
        Line issuingBodyLine;
        String number;
        boolean numberBlank;
        Line numberLine;
        String place;
        PartialDate issuedDate;
        Line dateLine;
        String title;
        Line titleLine;
        Integer year;
    }

    private HeaderReader() {
    }

    static Header read(DocumentLayout layout, Findings out) {
        Header h = new Header();
        List<Line> lines = layout.lines;
        List<String[]> cells = new ArrayList<>(); // text, line index
        int limit = layout.titleLines.isEmpty() ? Math.min(lines.size(), 15) : layout.titleLines.getFirst();
        if (layout.titleLine >= 0) {
            limit = Math.min(limit, layout.titleLine);
        }
        for (int i = 0; i < Math.max(limit, 0); i++) {
            Line l = lines.get(i);
            if (l.isRow()) {
                for (String c : l.cells()) {
                    cells.add(new String[] {TextCleaner.stripMarkers(c), String.valueOf(i)});
                }
            } else {
                cells.add(new String[] {l.text(), String.valueOf(i)});
            }
        }
        List<String> body = new ArrayList<>();
        Line bodyLine = null;
        for (String[] c : cells) {
            String text = c[0];
            Line l = lines.get(Integer.parseInt(c[1]));
            String f = Fold.fold(text);
            if (text.isBlank()) {
                continue;
            }
            Matcher m = NUMBER.matcher(f);
            if (h.numberLine == null && m.find()) {
                String digits = Fold.digits(m.group(1));
                String kind = text.substring(m.start(2), m.end(2)).replaceAll("\\s+", "").toUpperCase();
                kind = kind.replace('0', 'O');
                h.numberLine = l;
                if (digits.isEmpty() || !digits.matches("\\d+[a-z]?")) {
                    h.numberBlank = true;
                } else {
                    h.number = digits + "/" + kind;
                }
                continue;
            }
            VnDates.DateLine dl = VnDates.dateLine(text);
            if (h.dateLine == null && dl != null) {
                h.place = dl.place();
                h.issuedDate = dl.date();
                h.dateLine = l;
                continue;
            }
            if (f.matches(".*(cong hoa xa hoi|doc lap|tu do|hanh phuc|chu nghia viet nam).*")) {
                continue;
            }
            if (Labels.upperish(text) && h.numberLine == null && !text.matches("[-_=.\\s]+")) {
                body.add(text.strip());
                bodyLine = bodyLine == null ? l : bodyLine;
            }
        }
        if (!body.isEmpty()) {
            h.issuingBody = String.join(" ", body);
            h.issuingBodyLine = bodyLine;
        }
        if (h.dateLine == null) {
            // the date line may come after the title in some layouts
            for (int i = 0; i < Math.min(lines.size(), 30); i++) {
                VnDates.DateLine dl = lines.get(i).isRow() ? null : VnDates.dateLine(lines.get(i).text());
                if (dl != null && lines.get(i).text().length() < 90) {
                    h.place = dl.place();
                    h.issuedDate = dl.date();
                    h.dateLine = lines.get(i);
                    break;
                }
            }
        }
        // title
        List<String> title = new ArrayList<>();
        Line first = null;
        int lastTitle = -1;
        for (int i : layout.titleLines) {
            Line l = lines.get(i);
            String t = l.text();
            if (i == layout.titleLine) {
                t = t.replaceFirst("^\\S+\\s+\\S+\\s*", ""); // "KẾ HOẠCH Thông tin …" on one line
            }
            if (t.isBlank() || (h.dateLine != null && l == h.dateLine)) {
                continue;
            }
            title.add(t);
            first = first == null ? l : first;
            lastTitle = i;
        }
        if (!title.isEmpty()) {
            h.title = Fold.collapse(String.join(" ", title));
            h.titleLine = new Line(first.from(), lines.get(lastTitle).to(), h.title, false, List.of());
        }
        // year: the title's "năm 2026", else the date's
        if (h.title != null) {
            Matcher m = Pattern.compile(VnDates.NAM + "\\s+(" + Fold.D + "{4})").matcher(Fold.fold(h.title));
            Integer y = null;
            while (m.find()) {
                y = Fold.toInt(m.group(1));
            }
            if (y != null && y >= 2000 && y <= 2100) {
                h.year = y;
            }
        }
        if (h.year == null && h.issuedDate != null) {
            h.year = h.issuedDate.year();
        }
        return h;
    }
}
