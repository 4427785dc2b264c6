package vn.cchc.benchmark.province;

import static vn.cchc.benchmark.report.Figures.ms;
import static vn.cchc.benchmark.report.Figures.num;

import java.util.Map;
import vn.cchc.benchmark.report.MarkdownTable;

/** The markdown table of one province run, with the bound beside each figure. */
final class ProvinceTable {
    private ProvinceTable() {
    }

    @SuppressWarnings("unchecked")
    static MarkdownTable figures(int communes, Map<String, Object> build, Map<String, Object> reads, Map<String, Object> burst) {
        MarkdownTable table = new MarkdownTable("figure", communes + " communes", "bound at 1,000 communes (issue 16)");
        table.row("building: units / plans issued", num((double) build.get("unitsSeconds"), 1) + " s / " + num((double) build.get("plansSeconds"), 1) + " s", "—");
        table.row("items of the year recorded", build.get("items") + " in " + num((double) build.get("itemsSeconds"), 1) + " s ("
                + num((double) build.get("itemsPerSecond"), 0) + "/s)", "—");
        table.row("all of them counted after the last one", num((double) build.get("countedSecondsAfterLastItem"), 1) + " s", "—");
        Timings rollUp = (Timings) reads.get("rollUp");
        table.row("province roll-up `/compliance` (" + reads.get("rollUpCommunes") + " communes), p50 / p95 / max of " + rollUp.count(),
                ms(rollUp.p50Ms()) + " / " + ms(rollUp.p95Ms()) + " / " + ms(rollUp.maxMs()), "p95 ≤ 300 ms");
        Timings commune = (Timings) reads.get("communeCompliance");
        table.row("one commune's `/compliance`, p50 / p95 of " + commune.count(), ms(commune.p50Ms()) + " / " + ms(commune.p95Ms()), "p95 ≤ 50 ms");
        ((Map<String, Timings>) reads.get("periodicReports")).forEach((name, t) ->
                table.row("province periodic report `" + name + "`, p50 / max of " + t.count(), ms(t.p50Ms()) + " / " + ms(t.maxMs()), "≤ 3 s"));
        table.row("burst of " + burst.get("items") + " items: sent in", num((double) burst.get("sentSeconds"), 1) + " s ("
                + num((double) burst.get("itemsPerSecond"), 0) + "/s)", "—");
        table.row("burst: all counted after its last item", num((double) burst.get("countedSecondsAfterLastItem"), 1) + " s", "≤ 60 s");
        return table;
    }
}
