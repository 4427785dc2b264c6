package vn.cchc.plan.imports.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.PartialDate;

/**
 * Vietnamese dates and times as plans write them, matched on folded text with OCR-tolerant digits and words:
 * "ngày 29 tháng 12 năm 2025", "29/12/2025", "15/7/2021", a date line with blanks ("ngày   tháng 3 năm 2026"),
 * "20h15", "19 giờ 00’", "20:15".
 */
final class VnDates {
    private static final String D = Fold.D;
    static final String NGAY = "ng[a-z]{1,2}y?";
    static final String THANG = "th[a-z]{1,2}ng";
    static final String NAM = "n(?:[a-z]{1,2}m|[a-z]rn)"; // OCR reads "m" as "rn": "narn"
    static final Pattern SLASH = Pattern.compile("(?<![0-9])(" + D + "{1,2})\\s*[/.-]\\s*(" + D + "{1,2})\\s*[/.-]\\s*(" + D + "{4})(?![0-9])");
    static final Pattern WORDS = Pattern.compile(NGAY + "\\s+(" + D + "{1,2})\\s*,?\\s*" + THANG + "\\s+(" + D + "{1,2})\\s*,?\\s*" + NAM + "\\s+(" + D + "{4})");
    static final Pattern DAY_MONTH_WORDS = Pattern.compile(NGAY + "\\s+(" + D + "{1,2})\\s*,?\\s*" + THANG + "\\s+(" + D + "{1,2})(?!\\s*,?\\s*" + NAM + "\\s+\\d)");
    static final Pattern DAY_MONTH = Pattern.compile("(?<![0-9/])(" + D + "{1,2})\\s*/\\s*(" + D + "{1,2})(?![0-9/])");
    static final Pattern DATE_LINE = Pattern.compile(
            "^\\s*(.{0,60}?)\\s*,\\s*" + NGAY + "\\s*(" + D + "{0,2})\\s*,?\\s*" + THANG + "\\s*(" + D + "{0,2})\\s*,?\\s*" + NAM + "\\s*(" + D + "{4})");

    /** "Quảng Phú, ngày 5/2/2026": the date written with numbers. */
    static final Pattern DATE_LINE_NUMERIC = Pattern.compile(
            "^\\s*(.{0,60}?)\\s*,\\s*" + NGAY + "\\s*(" + D + "{1,2})\\s*[/.-]\\s*(" + D + "{1,2})\\s*[/.-]\\s*(" + D + "{4})(?![0-9])");

    record Found(LocalDate date, int start, int end) {
    }

    private VnDates() {
    }

    /** The first full date in the text (either form), or null. */
    static Found first(String text) {
        String f = Fold.fold(text);
        Found best = null;
        for (Pattern p : new Pattern[] {SLASH, WORDS}) {
            Matcher m = p.matcher(f);
            while (m.find()) {
                LocalDate d = date(m.group(3), m.group(2), m.group(1));
                if (d != null) {
                    if (best == null || m.start() < best.start()) {
                        best = new Found(d, m.start(), m.end());
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** A day and month without a year ("ngày 15 tháng 2", "23/01"), in the given year. */
    static Found firstDayMonth(String text, Integer year) {
        Found full = first(text);
        if (full != null) {
            return full;
        }
        if (year == null) {
            return null;
        }
        String f = Fold.fold(text);
        for (Pattern p : new Pattern[] {DAY_MONTH_WORDS, DAY_MONTH}) {
            Matcher m = p.matcher(f);
            while (m.find()) {
                LocalDate d = date(String.valueOf(year), m.group(2), m.group(1));
                if (d != null) {
                    return new Found(d, m.start(), m.end());
                }
            }
        }
        return null;
    }

    static LocalDate date(String y, String m, String d) {
        Integer yy = Fold.toInt(y);
        Integer mm = Fold.toInt(m);
        Integer dd = Fold.toInt(d);
        if (yy == null || mm == null || dd == null || yy < 1945 || yy > 2100) {
            return null;
        }
        try {
            return LocalDate.of(yy, mm, dd);
        } catch (DateTimeException e) {
            return null;
        }
    }

    record DateLine(String place, PartialDate date) {
    }

    /** "Phú Khương, ngày 15 tháng 01 năm 2026"; blanks give null parts. */
    static DateLine dateLine(String text) {
        String f = Fold.fold(text);
        Matcher m = DATE_LINE.matcher(f);
        if (!m.find()) {
            m = DATE_LINE_NUMERIC.matcher(f);
            if (!m.find()) {
                return null;
            }
        }
        Integer year = Fold.toInt(m.group(4));
        Integer month = Fold.toInt(m.group(3));
        Integer day = Fold.toInt(m.group(2));
        if (year == null || year < 1990 || year > 2100) {
            return null;
        }
        if (month != null && (month < 1 || month > 12)) {
            month = null;
        }
        if (day != null && (day < 1 || day > 31)) {
            day = null;
        }
        if (month == null) {
            day = null;
        }
        String place = Fold.collapse(text.substring(m.start(1), m.end(1)));
        String wording = Fold.collapse(text.substring(m.end(1), m.end())).replaceFirst("^,\\s*", "");
        return new DateLine(place.isEmpty() ? null : place, new PartialDate(year, month, day, wording));
    }

    static final Pattern TIME = Pattern.compile("(?<![0-9a-z])(" + D + "{1,2})\\s*(?:gio|giơ|h|g|:)\\s*(" + D + "{2})?\\s*(?:'|phut|p)?(?![0-9])");

    /** Start and end "HH:mm" in the text ("20h15 - 20h45", "Từ 19 giờ 00’ - 19 giờ 30’"); nulls where absent. */
    static String[] times(String text) {
        String f = Fold.fold(text);
        Matcher m = TIME.matcher(f);
        String[] out = new String[2];
        int i = 0;
        while (m.find() && i < 2) {
            Integer h = Fold.toInt(m.group(1));
            Integer min = m.group(2) == null ? Integer.valueOf(0) : Fold.toInt(m.group(2));
            String after = f.substring(m.end(1), Math.min(f.length(), m.end(1) + 4)).strip();
            if (h == null || min == null || h > 23 || min > 59) {
                continue;
            }
            if (after.startsWith("/") || (m.group(2) == null && !after.matches("^(h|g|gio).*"))) {
                continue;
            }
            out[i++] = String.format("%02d:%02d", h, min);
        }
        return out;
    }
}
