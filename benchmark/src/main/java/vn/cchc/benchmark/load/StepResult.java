package vn.cchc.benchmark.load;

import java.util.List;
import java.util.Map;
import vn.cchc.benchmark.stats.LatencySummary;

/**
 * One constant-rate step of an open-loop run (warm-up excluded).
 *
 * @param offeredPerSecond the arrival rate asked for
 * @param achievedPerSecond successful answers of the measured requests per second, from the first scheduled send to
 *                          the last answer (a backlog stretches the denominator, so a saturated step shows it)
 * @param latency           from each request's scheduled send time to its answer (coordinated omission not hidden)
 * @param errors            failed requests by error text (status code or exception)
 * @param payloads          the successful answers' payloads, in no particular order
 */
public record StepResult(double offeredPerSecond, int sent, int ok, double achievedPerSecond, LatencySummary latency,
                         Map<String, Integer> errors, List<Object> payloads) {
    public int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Sustained: every request answered well, p99 under the bound and at least 90 % of the offered rate achieved. */
    public boolean sustained(double p99BoundMs) {
        return errorCount() == 0 && ok > 0 && latency.p99Ms() <= p99BoundMs && achievedPerSecond >= 0.9 * offeredPerSecond;
    }
}
