package vn.cchc.publication;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Neutralises HTML in user text: entities are decoded FIRST and tags removed afterwards (script and style content
 * with them), again and again until nothing changes, so {@code &lt;script&gt;} or {@code &amp;lt;script&amp;gt;}
 * never comes out as a live {@code <script>}; whitespace is collapsed. What is stored, and sent out in events, is
 * plain text; whoever renders it still escapes it.
 */
public final class PlainText {
    /** Each pass removes one level of encoding; deeper nesting than this is not text anyone wrote. */
    private static final int MAX_PASSES = 8;

    private PlainText() {
    }

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String plain = text;
        for (int pass = 0; pass < MAX_PASSES && (plain.indexOf('<') >= 0 || plain.indexOf('&') >= 0); pass++) {
            // decode first: an encoded tag becomes a real one, which the parse below then removes
            String next = Jsoup.parseBodyFragment(Parser.unescapeEntities(plain, false)).text();
            if (next.equals(plain)) {
                break;
            }
            plain = next;
        }
        if (plain.indexOf('<') >= 0 && !Jsoup.parseBodyFragment(plain).text().equals(plain)) {
            // still markup after every pass: keep the words, never the angle brackets
            plain = plain.replace('<', ' ').replace('>', ' ');
        }
        plain = plain.replaceAll("\\s+", " ").strip();
        return plain.isEmpty() ? null : plain;
    }

    /** Plain text cut to {@code max} characters (feeds carry whole articles as their description). */
    public static String shortened(String text, int max) {
        String plain = of(text);
        return plain == null || plain.length() <= max ? plain : plain.substring(0, max - 1).strip() + "…";
    }
}
