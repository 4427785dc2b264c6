package vn.cchc.plan.imports.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.Recurrence;
import vn.cchc.plan.plans.TimeFrame;
import vn.cchc.plan.plans.TimeFrameType;

/**
 * A task's time as written → TimeFrame, keeping the wording in {@code text}: "Năm 2026", "Tháng 4/2026", "Quý II",
 * "6 tháng đầu năm", "từ tháng 3 đến tháng 6", "hàng tháng", "Thường xuyên", "Khi có kết quả công bố",
 * "theo kế hoạch của tỉnh", "trước ngày 20/01/2026". Null when nothing is recognised.
 */
final class TimeFrames {
    private static final String D = Fold.D;
    private static final String TH = VnDates.THANG;
    private static final Pattern RANGE = Pattern.compile("tu\\s+" + TH + "\\s+(" + D + "{1,2})(?:\\s*/\\s*(" + D + "{4}))?\\s*(?:den|-|–)\\s*(?:" + TH + "\\s+)?(" + D + "{1,2})(?:\\s*(?:/|" + VnDates.NAM + ")\\s*(" + D + "{4}))?");
    private static final Pattern HALF = Pattern.compile("(6|sau)\\s+" + TH + "\\s+(dau|cuoi)\\s+" + VnDates.NAM);
    private static final Pattern RECUR = Pattern.compile("(hang|hang|moi|dinh ky hang)\\s+(tuan|thang|quy|nam)");
    private static final Pattern QUARTER = Pattern.compile("qu[iy]\\s+(iv|iii|ii|i|[1-4]|l{1,3}|\\|{1,3})(?![a-z])(?:\\s*(?:/|" + VnDates.NAM + ")\\s*(" + D + "{4}))?");
    private static final Pattern MONTH = Pattern.compile(TH + "\\s+(" + D + "{1,2})(?:\\s*(?:/|-|" + VnDates.NAM + ")\\s*(" + D + "{4}))?(?![0-9])");
    private static final Pattern YEAR = Pattern.compile("(?:" + VnDates.NAM + "|trong nam)\\s+(" + D + "{4})");

    private TimeFrames() {
    }

    static TimeFrame parse(String text, Integer planYear) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String wording = Fold.collapse(text).replaceAll("[.;]+$", "");
        String f = Fold.fold(wording);
        if (f.matches(".*khi co (ket qua|thong bao|quyet dinh).*|.*sau khi (co )?ket qua.*")) {
            return tf(TimeFrameType.ON_RESULTS, wording);
        }
        if (f.matches(".*theo (ke hoach|lich|huong dan|chi dao)( cua| cap)? (tinh|thanh pho|huyen|cap tren|trung uong|so|bo).*")) {
            return tf(TimeFrameType.PER_HIGHER_PLAN, wording);
        }
        Matcher m = RANGE.matcher(f);
        if (m.find()) {
            Integer a = Fold.toInt(m.group(1));
            Integer b = Fold.toInt(m.group(3));
            Integer y = year(m.group(4) != null ? m.group(4) : m.group(2), planYear);
            if (a != null && b != null && a >= 1 && a <= 12 && b >= 1 && b <= 12) {
                return new TimeFrame(TimeFrameType.RANGE, null, null, null, y, wording, a, b, null, null);
            }
        }
        m = HALF.matcher(f);
        if (m.find()) {
            return new TimeFrame(TimeFrameType.HALF_YEAR, null, null, null, yearIn(f, planYear), wording, null, null,
                    m.group(2).equals("dau") ? 1 : 2, null);
        }
        m = RECUR.matcher(f);
        if (m.find()) {
            Recurrence r = switch (m.group(2)) {
                case "tuan" -> Recurrence.WEEKLY;
                case "thang" -> Recurrence.MONTHLY;
                case "quy" -> Recurrence.QUARTERLY;
                default -> Recurrence.YEARLY;
            };
            return new TimeFrame(TimeFrameType.RECURRING, null, null, null, null, wording, null, null, null, r);
        }
        if (f.matches(".*(thuong xuyen|lien tuc|ca nam|suot nam).*") && !f.matches(".*(" + VnDates.NGAY + "\\s+\\d|\\d+/\\d+/\\d{4}).*")) {
            return tf(TimeFrameType.ONGOING, wording);
        }
        VnDates.Found date = VnDates.first(wording);
        if (date != null) {
            return new TimeFrame(TimeFrameType.DATE, date.date(), null, null, date.date().getYear(), wording);
        }
        m = QUARTER.matcher(f);
        if (m.find()) {
            int q = quarter(m.group(1));
            if (q > 0) {
                return new TimeFrame(TimeFrameType.QUARTER, null, null, q, year(m.group(2), planYear), wording);
            }
        }
        m = MONTH.matcher(f);
        if (m.find()) {
            Integer mo = Fold.toInt(m.group(1));
            if (mo != null && mo >= 1 && mo <= 12) {
                return new TimeFrame(TimeFrameType.MONTH, null, mo, null, year(m.group(2), planYear), wording);
            }
        }
        m = YEAR.matcher(f);
        if (m.find()) {
            Integer y = Fold.toInt(m.group(1));
            if (y != null && y >= 2000 && y <= 2100) {
                return new TimeFrame(TimeFrameType.YEAR, null, null, null, y, wording);
            }
        }
        if (f.matches("^\\s*(20\\d\\d)\\s*$")) {
            return new TimeFrame(TimeFrameType.YEAR, null, null, null, Integer.valueOf(f.strip()), wording);
        }
        if (f.matches(".*(ca nam|trong nam|hang nam).*")) {
            return new TimeFrame(TimeFrameType.YEAR, null, null, null, planYear, wording);
        }
        return null;
    }

    private static TimeFrame tf(TimeFrameType type, String wording) {
        return new TimeFrame(type, null, null, null, null, wording);
    }

    private static Integer year(String token, Integer planYear) {
        Integer y = token == null ? null : Fold.toInt(token);
        return y != null && y >= 2000 && y <= 2100 ? y : planYear;
    }

    private static Integer yearIn(String f, Integer planYear) {
        Matcher m = Pattern.compile("(?<![0-9])(20\\d\\d)(?![0-9])").matcher(f);
        return m.find() ? Integer.valueOf(m.group(1)) : planYear;
    }

    static int quarter(String token) {
        String t = token.toLowerCase().replace('l', 'i').replace('|', 'i');
        return switch (t) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            case "iv", "4" -> 4;
            default -> 0;
        };
    }

    static boolean sameMeaning(TimeFrame a, TimeFrame b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.type() == b.type() && java.util.Objects.equals(a.month(), b.month()) && java.util.Objects.equals(a.quarter(), b.quarter())
                && java.util.Objects.equals(a.date(), b.date()) && java.util.Objects.equals(a.fromMonth(), b.fromMonth())
                && java.util.Objects.equals(a.toMonth(), b.toMonth()) && java.util.Objects.equals(a.half(), b.half());
    }
}
