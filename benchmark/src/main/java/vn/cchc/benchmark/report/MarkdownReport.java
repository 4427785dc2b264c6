package vn.cchc.benchmark.report;

import java.util.ArrayList;
import java.util.List;

/** The markdown page: a title, sections (a heading, a table, an optional note) and the "Done when" verdicts. */
public final class MarkdownReport {
    private final String title;
    private final List<String> sections = new ArrayList<>();

    public MarkdownReport(String title) {
        this.title = title;
    }

    public MarkdownReport section(String heading, MarkdownTable table, String note) {
        StringBuilder s = new StringBuilder("## ").append(heading).append("\n\n");
        if (table != null && !table.isEmpty()) {
            s.append(table.render()).append('\n');
        }
        if (note != null && !note.isBlank()) {
            s.append(note.strip()).append("\n\n");
        }
        sections.add(s.toString());
        return this;
    }

    /** The verdicts, one row each; a FAIL or NOT MEASURED is performance, never the run's exit code. */
    public static MarkdownTable verdictTable(List<Verdict> verdicts) {
        MarkdownTable table = new MarkdownTable("condition (issue 13, Done when)", "result", "figures");
        verdicts.forEach(v -> table.row(v.condition(), "**" + v.mark() + "**", v.figures()));
        return table;
    }

    public String render() {
        return "# " + title + "\n\n" + String.join("", sections);
    }
}
