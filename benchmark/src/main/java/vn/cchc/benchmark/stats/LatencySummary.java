package vn.cchc.benchmark.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of a set of durations in microseconds, reported in milliseconds. Exact (every sample is
 * kept): a run holds at most a few hundred thousand samples, so no histogram approximation is needed.
 */
public record LatencySummary(int count, double p50Ms, double p99Ms, double maxMs) {
    public static final LatencySummary EMPTY = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN);

    public static LatencySummary ofMicros(Collection<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return ofSortedMicros(sorted);
    }

    public static LatencySummary ofMicros(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return ofSortedMicros(sorted);
    }

    private static LatencySummary ofSortedMicros(long[] sorted) {
        if (sorted.length == 0) {
            return EMPTY;
        }
        return new LatencySummary(sorted.length, percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }

    /** Nearest rank: the smallest sample such that at least p % of the samples are ≤ it. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
