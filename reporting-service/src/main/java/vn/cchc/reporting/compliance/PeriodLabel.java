package vn.cchc.reporting.compliance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Period codes in words, as people read them: {@code 2026-06} "Tháng 6/2026", {@code 2026-Q3} "Quý III/2026",
 * {@code 2026-H1} "6 tháng đầu năm 2026", {@code 2026} or {@code 2026-Y} "Năm 2026". The codes stay in every answer for
 * programs; the label goes next to them.
 */
public final class PeriodLabel {
    private static final Pattern CODE = Pattern.compile("^(\\d{4})(?:-(\\d{2}|Q[1-4]|H[12]|Y))?$");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private PeriodLabel() {
    }

    /** The words for a period code; an unknown code is returned as it is. */
    public static String of(String code) {
        if (code == null) {
            return null;
        }
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            return code;
        }
        String year = m.group(1);
        String part = m.group(2);
        if (part == null || part.equals("Y")) {
            return "Năm " + year;
        }
        return switch (part.charAt(0)) {
            case 'Q' -> "Quý " + roman(part) + "/" + year;
            case 'H' -> part.equals("H1") ? "6 tháng đầu năm " + year : "6 tháng cuối năm " + year;
            default -> "Tháng " + Integer.parseInt(part) + "/" + year;
        };
    }

    /** "Q3" → "III". */
    public static String roman(String quarter) {
        return ROMAN[quarter.charAt(1) - '1'];
    }

    /** How often a target is judged, in words: MONTH "Hằng tháng", QUARTER "Hằng quý", YEAR "Hằng năm", PLAN "Cả kế hoạch". */
    public static String ofKind(String periodKind) {
        if (periodKind == null) {
            return null;
        }
        return switch (periodKind) {
            case "MONTH" -> "Hằng tháng";
            case "QUARTER" -> "Hằng quý";
            case "YEAR" -> "Hằng năm";
            case "PLAN" -> "Cả kế hoạch";
            default -> periodKind;
        };
    }
}
