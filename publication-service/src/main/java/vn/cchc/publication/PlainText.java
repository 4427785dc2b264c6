package vn.cchc.publication;

import org.jsoup.Jsoup;

/**
 * Neutralises HTML in user text: tags are removed (script and style content with them), entities decoded,
 * whitespace collapsed. What is stored is plain text; whoever renders it escapes it.
 */
public final class PlainText {
    private PlainText() {
    }

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.indexOf('<') < 0 && text.indexOf('&') < 0 ? text : Jsoup.parseBodyFragment(text).text();
        plain = plain.replaceAll("\\s+", " ").strip();
        return plain.isEmpty() ? null : plain;
    }

    /** Plain text cut to {@code max} characters (feeds carry whole articles as their description). */
    public static String shortened(String text, int max) {
        String plain = of(text);
        return plain == null || plain.length() <= max ? plain : plain.substring(0, max - 1).strip() + "…";
    }
}
