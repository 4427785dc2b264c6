package vn.cchc.benchmark.stats;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits for a count to reach what was recorded and judges it: exactly that is a match, more is an item counted twice
 * (never tolerated), fewer when the time is up is a shortfall.
 */
public final class CountCheck {
    public enum Outcome { MATCH, COUNTED_TWICE, SHORT }

    public record Result(long counted, long expected, Outcome outcome, Duration waited) {
    }

    private CountCheck() {
    }

    public static Outcome judge(long counted, long expected) {
        return counted == expected ? Outcome.MATCH : counted > expected ? Outcome.COUNTED_TWICE : Outcome.SHORT;
    }

    /** Polls {@code counts} every {@code poll} until it reaches {@code expected} or {@code timeout} passes. */
    public static Result await(LongSupplier counts, long expected, Duration timeout, Duration poll) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long counted;
        while ((counted = counts.getAsLong()) < expected && System.nanoTime() < deadline) {
            Thread.sleep(poll.toMillis()); // polling a remote system
        }
        return new Result(counted, expected, judge(counted, expected), Duration.ofNanos(System.nanoTime() - start));
    }
}
