package vn.cchc.benchmark.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Publish → projection lag of a set of items: per item, from its event time to its first {@code change} on the live
 * stream. Items whose change never arrived are counted as missing, not given a lag. {@code firstThird}/{@code lastThird}
 * split the items by event time, to tell a bounded lag from a growing one.
 */
public record LagFigures(LatencySummary all, int missing, LatencySummary firstThird, LatencySummary lastThird) {

    /** One item: its event time and when its change arrived (null: never). */
    public record Item(Instant eventTime, Instant changeArrived) {
    }

    public static <T> LagFigures of(List<T> items, Function<T, Item> view) {
        List<Item> all = new ArrayList<>(items.stream().map(view).toList());
        all.sort(Comparator.comparing(Item::eventTime));
        int third = all.size() / 3;
        return new LagFigures(summary(all), (int) all.stream().filter(i -> i.changeArrived() == null).count(),
                summary(all.subList(0, third)), summary(all.subList(all.size() - third, all.size())));
    }

    private static LatencySummary summary(List<Item> items) {
        return LatencySummary.ofMicros(items.stream().filter(i -> i.changeArrived() != null)
                .map(i -> Math.max(0, Duration.between(i.eventTime(), i.changeArrived()).toNanos() / 1000)).toList());
    }

    /**
     * Bounded (not growing): the last third's p99 is at most twice the first third's, with 100 ms of slack for a
     * first third that is almost nothing (2 × 5 ms would make any jitter "growth").
     */
    public boolean bounded() {
        return firstThird.count() > 0 && lastThird.count() > 0
                && lastThird.p99Ms() <= Math.max(2 * firstThird.p99Ms(), firstThird.p99Ms() + 100);
    }
}
