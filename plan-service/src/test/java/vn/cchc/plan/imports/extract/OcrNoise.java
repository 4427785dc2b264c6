package vn.cchc.plan.imports.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic document variants for the extraction tests: diacritics stripped, and OCR-like noise (seeded): some
 * diacritics wrong or lost, prose lines broken between words or inside a word with a hyphen, "|." / "Il." for roman
 * headings, O/0 and 1/l confusions in upper-case headings and document numbers, "Sé" for "Số", "nim" for "năm" in the
 * date line, stray page numbers. Table rows get only diacritic noise (an OCR engine that loses the table's
 * structure is out of scope).
 *
 * <p>{@link #heavy} is a harsher, realistic level for phone photos and poor scans, on top of lost diacritics: most
 * words lose their marks, some keep them, some get wrong ones ("ư" → "u"/"ừ", "ơ" → "o", "đ" → "d"/"ð"); merged
 * words ("congtác") and split words ("th ông"); "rn" ↔ "m", "cl" ↔ "d", O/0 and 1/l/I confusions; stray "~", "'",
 * "." tokens; lines broken before capitalised words, inside parentheses and with a hyphen inside a word; page footers
 * ("Trang 2/5", "Scanned with CamScanner") inserted mid-paragraph; tab-separated table rows laid out with runs of 2–6
 * spaces.
 */
final class OcrNoise {
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final Pattern ROMAN = Pattern.compile("^(\\**#*\\s*\\**)(I{1,3}|IV|V|VI)\\.");
    private static final Pattern DOC_NUMBER = Pattern.compile("(?<=\\s)(\\d{1,4})(/[A-ZĐ]{1,4}-)");

    private OcrNoise() {
    }

    static String stripAccents(String text) {
        return Fold.stripAccents(text);
    }

    static String ocr(String text, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.contains("\t") || line.startsWith("|")) {
                out.add(diacritics(line, r, 0.04));
                continue;
            }
            String l = line;
            Matcher m = ROMAN.matcher(l);
            if (m.find() && r.nextDouble() < 0.7) {
                String numeral = m.group(2);
                String bad = numeral.equals("I") ? (r.nextBoolean() ? "|" : "l") : numeral.replaceFirst("I", r.nextBoolean() ? "l" : "1");
                l = m.group(1) + bad + l.substring(m.end(2));
            }
            if (l.startsWith("Số:") && r.nextDouble() < 0.7) {
                l = "Sé" + l.substring(2);
            }
            if (l.matches(".*ngày.*tháng.*năm \\d{4}.*") && l.length() < 60 && r.nextDouble() < 0.7) {
                l = l.replace("năm", "nim");
            }
            Matcher dn = DOC_NUMBER.matcher(l);
            StringBuilder sb = new StringBuilder();
            while (dn.find()) {
                String n = dn.group(1);
                if (r.nextDouble() < 0.5) {
                    n = n.replaceFirst("1", "l").replaceFirst("0", "O");
                }
                dn.appendReplacement(sb, Matcher.quoteReplacement(n + dn.group(2)));
            }
            dn.appendTail(sb);
            l = sb.toString();
            if (isUpperHeading(l)) {
                StringBuilder h = new StringBuilder();
                for (char c : l.toCharArray()) {
                    h.append(c == 'O' && r.nextDouble() < 0.3 ? '0' : c);
                }
                l = h.toString();
            }
            l = diacritics(l, r, 0.06);
            // breaks
            if (l.length() > 80 && r.nextDouble() < 0.5) {
                l = breakLine(l, r);
            }
            out.add(l);
            if (line.isBlank() && r.nextDouble() < 0.05) {
                out.add("- " + (2 + r.nextInt(8)) + " -");
                out.add("");
            }
        }
        return String.join("\n", out);
    }

    /** The heavy OCR level (see the class comment); deterministic for a seed. */
    static String heavy(String text, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        int pages = 2 + r.nextInt(4);
        int page = 1;
        int sinceFooter = 0;
        for (String line : text.split("\n", -1)) {
            if (line.contains("\t")) {
                StringBuilder row = new StringBuilder();
                String[] cells = line.split("\t", -1);
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        row.append(" ".repeat(2 + r.nextInt(5)));
                    }
                    row.append(heavyWords(cells[i], r, false));
                }
                out.add(row.toString());
                continue;
            }
            if (line.startsWith("|")) {
                out.add(heavyWords(line, r, false));
                continue;
            }
            String l = heavyWords(line, r, true);
            List<String> parts = l.length() > 60 ? breakHeavy(l, r) : List.of(l);
            sinceFooter++;
            for (int i = 0; i < parts.size(); i++) {
                out.add(parts.get(i));
                if (i < parts.size() - 1 && sinceFooter > 25 && r.nextDouble() < 0.3) {
                    out.add(r.nextBoolean() ? "Trang " + Math.min(page, pages) + "/" + pages : "Scanned with CamScanner");
                    page++;
                    sinceFooter = 0;
                }
            }
        }
        return String.join("\n", out);
    }

    private static final Pattern WORD = Pattern.compile("\\S+");

    /** Word-level noise; {@code prose} allows merged / split words and stray tokens. */
    private static String heavyWords(String line, Random r, boolean prose) {
        Matcher m = WORD.matcher(line);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String sep = line.substring(last, m.start());
            String w = heavyWord(m.group(), r);
            if (prose && b.length() > 0 && sep.equals(" ") && r.nextDouble() < 0.03 && w.chars().allMatch(Character::isLetter)) {
                sep = "";
            }
            b.append(sep);
            if (prose && w.length() >= 4 && w.chars().allMatch(Character::isLetter) && r.nextDouble() < 0.03) {
                int cut = 1 + r.nextInt(w.length() - 2);
                w = w.substring(0, cut) + " " + w.substring(cut);
            }
            b.append(w);
            if (prose && r.nextDouble() < 0.015) {
                b.append(' ').append(new String[] {"~", "'", "."}[r.nextInt(3)]);
            }
            last = m.end();
        }
        b.append(line.substring(last));
        return b.toString();
    }

    private static String heavyWord(String w, Random r) {
        double p = r.nextDouble();
        if (p < 0.7) {
            w = stripAccents(w);
        } else if (p < 0.85) {
            StringBuilder b = new StringBuilder();
            for (char c : w.toCharArray()) {
                switch (c) {
                    case 'ư' -> b.append(r.nextBoolean() ? "u" : "ừ");
                    case 'ơ' -> b.append('o');
                    case 'đ' -> b.append(r.nextBoolean() ? "d" : "ð");
                    default -> b.append(c);
                }
            }
            w = diacritics(b.toString(), r, 0.5);
        } else {
            w = w.replace('đ', r.nextDouble() < 0.3 ? 'ð' : 'đ');
        }
        if (r.nextDouble() < 0.04) {
            w = w.contains("rn") ? w.replaceFirst("rn", "m") : w.replaceFirst("m", "rn");
        }
        if (r.nextDouble() < 0.03) {
            w = w.contains("cl") ? w.replaceFirst("cl", "d") : w.replaceFirst("d", "cl");
        }
        if (r.nextDouble() < 0.04) {
            w = w.matches(".*\\d.*") ? w.replaceFirst("0", "O").replaceFirst("1", r.nextBoolean() ? "l" : "I")
                    : w.replaceFirst("O", "0").replaceFirst("(?<=\\p{Lu})I|^l(?=\\d)", "1");
        }
        return w;
    }

    /** Breaks a long prose line before capitalised words, inside parentheses and with hyphens inside words. */
    private static List<String> breakHeavy(String l, Random r) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 40 + r.nextInt(30);
        while (i < l.length() - 15) {
            if (l.charAt(i) == ' ') {
                char next = l.charAt(i + 1);
                boolean inParen = l.lastIndexOf('(', i) > l.lastIndexOf(')', i);
                if (Character.isUpperCase(next) || inParen || r.nextDouble() < 0.5) {
                    parts.add(l.substring(start, i));
                    start = i + 1;
                    i = start + 40 + r.nextInt(30);
                    continue;
                }
                int end = l.indexOf(' ', i + 1);
                int wordLen = (end < 0 ? l.length() : end) - i - 1;
                if (wordLen >= 5 && Character.isLetter(next)) {
                    int cut = i + 1 + 2 + r.nextInt(wordLen - 3);
                    parts.add(l.substring(start, cut) + "-");
                    start = cut;
                    i = start + 40 + r.nextInt(30);
                    continue;
                }
            }
            i++;
        }
        parts.add(l.substring(start));
        return parts;
    }

    private static boolean isUpperHeading(String l) {
        String letters = l.replaceAll("[^\\p{L}]", "");
        return letters.length() > 4 && letters.equals(letters.toUpperCase());
    }

    /** Breaks a long line once: between words (next word in lower case) or inside a word with a hyphen. */
    private static String breakLine(String l, Random r) {
        int from = 20 + r.nextInt(Math.max(1, l.length() - 40));
        for (int i = from; i < l.length() - 10; i++) {
            if (l.charAt(i) == ' ' && Character.isLowerCase(l.charAt(i + 1))) {
                int end = l.indexOf(' ', i + 1);
                int wordLen = (end < 0 ? l.length() : end) - i - 1;
                if (wordLen >= 5 && r.nextDouble() < 0.4) {
                    int cut = i + 1 + 2 + r.nextInt(wordLen - 3);
                    return l.substring(0, cut) + "-\n" + l.substring(cut);
                }
                return l.substring(0, i) + "\n" + (r.nextBoolean() ? "\n" : "") + l.substring(i + 1);
            }
        }
        return l;
    }

    /** Loses or changes some tone marks (and sometimes a vowel's hat or horn). */
    static String diacritics(String s, Random r, double p) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (d.length() > 1 && r.nextDouble() < p) {
                String base = d.substring(0, 1);
                String marks = d.substring(1);
                int choice = r.nextInt(3);
                if (choice == 0) {
                    marks = "";
                } else if (choice == 1) {
                    marks = marks.replaceAll("[" + TONES + "]", "") + TONES.charAt(r.nextInt(TONES.length()));
                } else {
                    marks = marks.replaceAll("[\u0302\u0306\u031b]", "");
                }
                b.append(Normalizer.normalize(base + marks, Normalizer.Form.NFC));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
