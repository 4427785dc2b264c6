package vn.cchc.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    @Test
    void tableEscapesCellsAndShowsMissingValues() {
        String table = new MarkdownTable("what", "figure").row("a|b", "line 1\nline 2").row("none", null).render();
        assertThat(table).isEqualTo("""
                | what | figure |
                |---|---|
                | a\\|b | line 1<br>line 2 |
                | none | — |
                """);
        assertThatThrownBy(() -> new MarkdownTable("one").row("a", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verdictsArePassFailOrNotMeasured() {
        String page = new MarkdownReport("Benchmark x")
                .section("Done when", MarkdownReport.verdictTable(List.of(
                        new Verdict("replay ≥ 10k events/s", true, "12,000 events/s"),
                        new Verdict("lag p99 ≤ 250 ms", false, "p99 900 ms"),
                        new Verdict("memory", null, "no pid files"))), "note")
                .render();
        assertThat(page).startsWith("# Benchmark x\n\n## Done when\n\n")
                .contains("| replay ≥ 10k events/s | **PASS** | 12,000 events/s |")
                .contains("| lag p99 ≤ 250 ms | **FAIL** | p99 900 ms |")
                .contains("| memory | **NOT MEASURED** | no pid files |")
                .endsWith("note\n\n");
    }

    @Test
    void figuresFormatAndDivideSafely() {
        assertThat(Figures.num(12345.678, 1)).isEqualTo("12,345.7");
        assertThat(Figures.ms(3.21)).isEqualTo("3.2 ms");
        assertThat(Figures.ms(250.4)).isEqualTo("250 ms");
        assertThat(Figures.ms(Double.NaN)).isEqualTo("—");
        assertThat(Figures.divide(1, 0)).isNaN();
        assertThat(Figures.ratio(Figures.divide(70, 100))).isEqualTo("0.70");
        assertThat(Figures.gib(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.50 GiB");
    }
}
