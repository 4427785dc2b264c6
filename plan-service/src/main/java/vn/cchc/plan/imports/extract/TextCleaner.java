package vn.cchc.plan.imports.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the document's raw lines into logical lines, repairing what layout and OCR do to text: Markdown / HTML
 * markers removed (bold remembered), Markdown tables turned into tab-separated rows, stray page numbers and rule lines
 * dropped, words hyphenated across a line break rejoined, and a paragraph broken over lines (or over a page) joined
 * back when the next part starts in lower case.
 */
final class TextCleaner {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^\\s*(?:[-–—]\\s*)?(?:(?:trang|page)\\s*)?\\d{1,3}(?:\\s*/\\s*\\d{1,3})?(?:\\s*[-–—])?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^[\\s\\-–—_=*|:\\t]*$");
    private static final Pattern LABEL_START = Pattern.compile("^(?:[a-zđ]\\s*[).]|[-+•*]\\s)");
    private static final Pattern TAG = Pattern.compile("</?(?:p|b|strong|i|em|u|span|br|div)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private TextCleaner() {
    }

    static List<Line> clean(DocumentText doc) {
        List<Line> raw = new ArrayList<>();
        List<String> lines = doc.lines();
        for (int i = 0; i < lines.size(); i++) {
            String s = Normalizer.normalize(lines.get(i), Normalizer.Form.NFC).replace('\u00a0', ' ').replace('\u200b', ' ');
            int no = i + 1;
            String t = s.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("|") && t.endsWith("|") && t.chars().filter(c -> c == '|').count() >= 3) {
                String inner = t.substring(1, t.length() - 1);
                List<String> cells = Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
                if (cells.stream().allMatch(c -> c.matches("[:\\-\\s]*"))) {
                    continue; // |---|---|
                }
                raw.add(row(no, cells));
                continue;
            }
            if (s.indexOf('\t') >= 0) {
                List<String> cells = Arrays.stream(s.split("\t", -1)).map(String::strip).toList();
                if (RULE.matcher(s).matches()) {
                    continue;
                }
                if (cells.stream().filter(c -> !c.isEmpty()).count() >= 1 && cells.size() >= 2) {
                    // a row whose cells are all empty but one is still a row (a continuation)
                    raw.add(row(no, trimTrailing(cells)));
                    continue;
                }
            }
            if (PAGE_NUMBER.matcher(t).matches() || RULE.matcher(t).matches()) {
                continue;
            }
            boolean bold = t.contains("**") || t.contains("__") || t.toLowerCase().contains("<b>") || t.toLowerCase().contains("<strong>");
            String text = stripMarkers(t);
            if (text.isEmpty()) {
                continue;
            }
            raw.add(new Line(no, no, text, bold, List.of()));
        }
        return join(raw);
    }

    private static List<String> trimTrailing(List<String> cells) {
        int n = cells.size();
        while (n > 1 && cells.get(n - 1).isEmpty()) {
            n--;
        }
        return cells.subList(0, n);
    }

    private static Line row(int no, List<String> cells) {
        List<String> plain = cells.stream().map(TextCleaner::stripMarkers).toList();
        return new Line(no, no, String.join("\t", plain), false, cells);
    }

    static String stripMarkers(String s) {
        String t = TAG.matcher(s).replaceAll(" ");
        t = t.replaceAll("^#{1,6}\\s*", "");
        t = t.replace("**", "").replace("__", "");
        t = t.replaceAll("(?<![\\w])\\*(?=\\S)|(?<=\\S)\\*(?![\\w])", "");
        t = t.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        return Fold.collapse(t);
    }

    private static List<Line> join(List<Line> raw) {
        List<Line> out = new ArrayList<>();
        for (Line l : raw) {
            if (!out.isEmpty() && !l.isRow()) {
                Line prev = out.getLast();
                if (!prev.isRow() && continues(prev.text(), l.text())) {
                    String joined;
                    if (prev.text().matches(".*\\p{L}-$")) {
                        joined = prev.text().substring(0, prev.text().length() - 1) + l.text();
                    } else {
                        joined = prev.text() + " " + l.text();
                    }
                    out.set(out.size() - 1, new Line(prev.from(), l.to(), joined, prev.bold() || l.bold(), List.of()));
                    continue;
                }
            }
            out.add(l);
        }
        return out;
    }

    /** Whether {@code next} goes on with the paragraph {@code prev} (a line or page break inside a sentence). */
    static boolean continues(String prev, String next) {
        if (prev.isEmpty() || next.isEmpty()) {
            return false;
        }
        char last = prev.charAt(prev.length() - 1);
        if (".!?".indexOf(last) >= 0 || prev.endsWith("./.")) {
            return false;
        }
        char first = next.charAt(0);
        if (!Character.isLetter(first) || !Character.isLowerCase(first)) {
            return false;
        }
        if (LABEL_START.matcher(next).find()) {
            return false;
        }
        return true;
    }
}
