package vn.cchc.plan.imports.extract;

import java.util.List;

/**
 * A logical line: one paragraph (rejoined when OCR or page layout broke it) or one table row. {@code from}/{@code to}
 * are the 1-based source lines; {@code text} is cleaned of Markdown / HTML markers; {@code cells} holds a table row's
 * raw cells (HTML kept, so a cell's bold title can be told from its body), empty for prose.
 */
record Line(int from, int to, String text, boolean bold, List<String> cells) {
    Line {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    boolean isRow() {
        return !cells.isEmpty();
    }

    String fold() {
        return Fold.fold(text);
    }
}
