package vn.cchc.benchmark.report;

/**
 * One "Done when" condition of issue 13: its wording, whether this run met it ({@code null}: not measured in this run,
 * e.g. a phase skipped or timed out) and the figures it was judged on.
 */
public record Verdict(String condition, Boolean pass, String figures) {
    public String mark() {
        return pass == null ? "NOT MEASURED" : pass ? "PASS" : "FAIL";
    }
}
