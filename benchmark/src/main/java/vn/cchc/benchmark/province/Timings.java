package vn.cchc.benchmark.province;

import java.util.Arrays;
import java.util.Collection;
import vn.cchc.benchmark.stats.LatencySummary;

/** Response times of repeated calls of one request: nearest-rank p50 / p95 and the maximum, in milliseconds. */
public record Timings(int count, double p50Ms, double p95Ms, double maxMs) {
    public static final Timings NONE = new Timings(0, Double.NaN, Double.NaN, Double.NaN);

    public static Timings ofMillis(Collection<Double> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        // in microseconds for the shared nearest-rank rule
        long[] sorted = millis.stream().mapToLong(ms -> Math.round(ms * 1000)).toArray();
        Arrays.sort(sorted);
        return new Timings(sorted.length, LatencySummary.percentile(sorted, 50) / 1000.0,
                LatencySummary.percentile(sorted, 95) / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }
}
