package vn.cchc.plan.imports.extract;

import java.util.List;

/**
 * A document reduced to lines of text, numbered from 1 in reports. A table row is one line with its cells separated
 * by a tab; a cell of several paragraphs keeps them as {@code <p>…</p>} and bold runs as {@code <b>…</b>} (the form
 * the sample plans use), so the extractor can tell a task's title from its body.
 */
public record DocumentText(List<String> lines) {
    public DocumentText {
        lines = List.copyOf(lines);
    }

    public static DocumentText of(String text) {
        return new DocumentText(text.replace("\r\n", "\n").replace('\r', '\n').lines().toList());
    }
}
