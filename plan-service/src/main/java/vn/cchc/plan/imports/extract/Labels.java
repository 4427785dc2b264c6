package vn.cchc.plan.imports.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbering of a line: roman section (OCR-tolerant: "|.", "Il."), arabic item, letter item, bullet. */
final class Labels {
    enum Type { ROMAN, ARABIC, LETTER, BULLET, NONE }

    record Label(Type type, String label, int number, String rest) {
    }

    private static final Pattern ROMAN = Pattern.compile("^([IVXLivxl|!1]{1,4})\\s*[.,:]\\s*(\\S.*)$");
    private static final Pattern ARABIC = Pattern.compile("^(" + Fold.D + "?\\d|\\d" + Fold.D + "?)\\s*[.)/]\\s*(\\S.*)$");
    private static final Pattern LETTER = Pattern.compile("^([a-zđ])\\s*\\)\\s*(\\S.*)$|^([a-zđ])\\.\\s+(\\S.*)$");
    private static final Pattern BULLET = Pattern.compile("^[-+•*–]\\s*(\\S.*)$");

    private Labels() {
    }

    static Label of(String text) {
        Matcher m = ROMAN.matcher(text);
        if (m.matches()) {
            String tok = m.group(1);
            String r = tok.toUpperCase().replace('|', 'I').replace('!', 'I').replace('1', 'I').replace('L', 'I');
            int n = roman(r);
            boolean proper = tok.matches("[IVX]+");
            boolean ocr = !tok.matches("\\d+") && upperish(m.group(2));
            // "ii. nội dung tuyên truyền": a lower-case numeral counts when a short line names a section
            boolean careless = tok.matches("[ivx]+") && sectionHeading(m.group(2));
            if (n == 1 && tok.matches("[Il|]") && !upperish(m.group(2)) && !sectionHeading(m.group(2))) {
                // "I. Phòng Văn hóa … là cơ quan thường trực, …": a "1." read by OCR as "I", not a section heading
                return new Label(Type.ARABIC, "1", 1, m.group(2).strip());
            }
            if (n > 0 && (proper || ocr || careless)) {
                return new Label(Type.ROMAN, r, n, m.group(2).strip());
            }
        }
        m = ARABIC.matcher(text);
        if (m.matches()) {
            Integer n = Fold.toInt(m.group(1));
            if (n != null && n > 0 && n < 100) {
                return new Label(Type.ARABIC, String.valueOf(n), n, m.group(2).strip());
            }
        }
        m = LETTER.matcher(text);
        if (m.matches()) {
            String l = m.group(1) != null ? m.group(1) : m.group(3);
            String rest = m.group(1) != null ? m.group(2) : m.group(4);
            return new Label(Type.LETTER, l, 0, rest.strip());
        }
        m = BULLET.matcher(text);
        if (m.matches()) {
            return new Label(Type.BULLET, "-", 0, m.group(1).strip());
        }
        return new Label(Type.NONE, null, 0, text);
    }

    private static boolean sectionHeading(String rest) {
        String r = rest.strip();
        return r.split("\\s+").length <= 8 && !r.endsWith(".") && !r.endsWith(";")
                && DocumentLayout.top(r) != DocumentLayout.Top.OTHER;
    }

    static int roman(String r) {
        return switch (r) {
            case "I" -> 1;
            case "II" -> 2;
            case "III" -> 3;
            case "IV" -> 4;
            case "V" -> 5;
            case "VI" -> 6;
            case "VII" -> 7;
            case "VIII" -> 8;
            case "IX" -> 9;
            case "X" -> 10;
            default -> 0;
        };
    }

    /** Mostly upper-case letters (a heading). */
    static boolean upperish(String s) {
        int up = 0;
        int letters = 0;
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    up++;
                }
            }
        }
        return letters > 0 && up >= 0.7 * letters;
    }
}
