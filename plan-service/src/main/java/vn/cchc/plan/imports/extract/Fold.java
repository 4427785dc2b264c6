package vn.cchc.plan.imports.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Text folding for matching: lower case, diacritics removed (đ → d), whitespace collapsed. OCR loses or garbles
 * diacritics, so every pattern of the extractor is written against folded text; values are cut from the original.
 * Folding keeps the string's length (one char per char), so a match on the folded text gives the original's span.
 */
final class Fold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Fold() {
    }

    /** Lower case, no diacritics, đ → d, same length as the input (so offsets carry over). */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(foldChar(c));
        }
        return out.toString();
    }

    static char foldChar(char c) {
        if (c < 128) {
            return Character.toLowerCase(c);
        }
        if (c == 'đ' || c == 'Đ' || c == 'ð' || c == 'Ð') {
            return 'd';
        }
        if (c == '–' || c == '—' || c == '‐' || c == '‑') {
            return '-';
        }
        if (c == '’' || c == '‘' || c == '′') {
            return '\'';
        }
        if (c == '“' || c == '”') {
            return '"';
        }
        String d = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
        if (d.length() == 1) {
            return Character.toLowerCase(d.charAt(0));
        }
        return Character.toLowerCase(c);
    }

    /** Diacritics removed, case kept (đ → d, Đ → D). */
    static String stripAccents(String s) {
        String d = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return d.replace('đ', 'd').replace('Đ', 'D');
    }

    /** Folded, punctuation turned into spaces, whitespace collapsed: for comparing names. */
    static String key(String s) {
        return fold(s).replaceAll("[^a-z0-9]+", " ").strip();
    }

    static String collapse(String s) {
        return s == null ? null : s.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    /** Levenshtein distance (Apache Commons Text). */
    static int levenshtein(String a, String b) {
        return LEVENSHTEIN.apply(a, b);
    }

    /** 1 − distance / longer length, on keys. */
    static double similarity(String a, String b) {
        String x = key(a);
        String y = key(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        int max = Math.max(x.length(), y.length());
        return 1.0 - (double) levenshtein(x, y) / max;
    }

    /**
     * Repairs a token OCR read as a number: l, I, |, ! → 1; O, o, D → 0; S → 5 (only where the token is mostly digits).
     */
    static String digits(String token) {
        if (token == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(token.length());
        for (char c : token.toCharArray()) {
            b.append(switch (c) {
                case 'l', 'I', '|', '!', 'i' -> '1';
                case 'O', 'o', 'D', 'Q' -> '0';
                case 'S', 's' -> '5';
                case 'B' -> '8';
                case 'Z', 'z' -> '2';
                default -> c;
            });
        }
        return b.toString();
    }

    /**
     * Undoes the letter confusions of OCR on folded text: "rn" read for "m" ("narn"), "cl" for "d" ("cloi thoai").
     * Vietnamese has neither cluster; the length changes, so use it only for tests, never for offsets.
     */
    static String ocr(String folded) {
        return folded.replaceAll("rn(?!et)", "m").replaceAll("(?<![a-z])cl(?=[aeouy])", "d");
    }

    /** A regex for a folded phrase that OCR may have split or merged anywhere: "thuc hien" ~ "t huc hien", "thuchien". */
    static String loose(String phrase) {
        StringBuilder b = new StringBuilder();
        for (char c : phrase.replace(" ", "").toCharArray()) {
            if (!b.isEmpty()) {
                b.append(" ?");
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A character class for a digit OCR may have read as a letter. */
    static final String D = "[0-9lIoO|!]";

    static Integer toInt(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String d = digits(token.strip());
        if (!d.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(d);
    }

    static String upperFirst(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(Locale.forLanguageTag("vi")) + s.substring(1);
    }

    /** Whether the phrase occurs in the text, word by word, allowing OCR damage (similarity ≥ threshold per window). */
    static boolean fuzzyContains(String text, String phrase, double threshold) {
        String t = key(text);
        String p = key(phrase);
        if (t.contains(p)) {
            return true;
        }
        String[] words = t.split(" ");
        int n = p.split(" ").length;
        for (int i = 0; i + n <= words.length; i++) {
            String w = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
            if (Math.abs(w.length() - p.length()) <= 2 && 1.0 - (double) levenshtein(w, p) / Math.max(w.length(), p.length()) >= threshold) {
                return true;
            }
        }
        if (t.length() > 80) {
            return false;
        }
        // a short text (a heading): OCR also merges and splits words ("to chuc thuc h ien", "tochuc") and reads letters
        // as digits ("T0 CHUC"): compare without spaces, digits inside words read as letters
        String c = t.replaceAll("(?<=\\p{L})0|0(?=\\p{L})", "o").replaceAll("(?<=\\p{L})1|1(?=\\p{L})", "i").replace(" ", "");
        String q = p.replace(" ", "");
        if (c.contains(q)) {
            return true;
        }
        for (int len = Math.max(1, q.length() - 2); len <= q.length() + 2; len++) {
            for (int i = 0; i + len <= c.length(); i++) {
                String w = c.substring(i, i + len);
                if (1.0 - (double) levenshtein(w, q) / Math.max(w.length(), q.length()) >= threshold) {
                    return true;
                }
            }
        }
        return false;
    }
}
