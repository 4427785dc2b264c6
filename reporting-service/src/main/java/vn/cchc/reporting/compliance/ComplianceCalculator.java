package vn.cchc.reporting.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.cchc.platform.units.UnitPath;

/**
 * Compliance of a target in its period instances, as of a day. Pure: no clock, no database.
 *
 * <p>Rules: an item counts when its kind and channel are among the target's (an empty list allows any), its unit is
 * the target's unit (scope UNIT) or lies beneath it (scope SUBTREE), and its Vietnam-time day is inside the period and
 * not after the evaluation day. Status: UPCOMING before the period starts; MET once count ≥ minimum; MISSED after the
 * period ended below it; while it runs AT_RISK when count &lt; minimum × elapsed fraction, else ON_TRACK. The elapsed
 * fraction counts whole days before the evaluation day, so on a period's first day nothing is due yet.
 *
 * <p>The plan's effective start ({@code effectiveFrom}; 1 January of the plan year for plans that state none): a period
 * that ends before it is NOT_STARTED, not judged at all (neither met nor missed, count 0). The period containing it is
 * judged normally. Items published before it never count towards a YEAR or PLAN target, whose count (and pace) starts
 * on the effective start: {@code countedFrom}; before that day such a target is UPCOMING.
 */
public final class ComplianceCalculator {
    private ComplianceCalculator() {
    }

    /** The instances of a period type in a plan year: 1 for YEAR/PLAN, 4 calendar quarters, 12 months. */
    public static List<PeriodInstance> periods(String period, int year) {
        List<PeriodInstance> instances = new ArrayList<>();
        switch (period) {
            case "MONTH" -> {
                for (int m = 1; m <= 12; m++) {
                    YearMonth ym = YearMonth.of(year, m);
                    instances.add(new PeriodInstance(ym.toString(), ym.atDay(1), ym.atEndOfMonth()));
                }
            }
            case "QUARTER" -> {
                for (int q = 1; q <= 4; q++) {
                    LocalDate start = LocalDate.of(year, 3 * q - 2, 1);
                    instances.add(new PeriodInstance(year + "-Q" + q, start, start.plusMonths(3).minusDays(1)));
                }
            }
            case "YEAR", "PLAN" -> instances.add(new PeriodInstance(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            default -> throw new IllegalArgumentException("unknown target period: " + period);
        }
        return instances;
    }

    public static boolean matches(TargetDef target, Item item) {
        boolean unit = "UNIT".equals(target.scope()) ? item.unitId().equals(target.unitId())
                : UnitPath.within(item.unitId(), target.unitId());
        return unit && (target.kinds().isEmpty() || target.kinds().contains(item.kind()))
                && (target.channels().isEmpty() || target.channels().contains(item.channel()));
    }

    /** A period of a plan in force from the start of its year. */
    public static PeriodCompliance evaluate(TargetDef target, PeriodInstance period, Collection<Item> items, LocalDate asOf) {
        return evaluate(target, period, null, items, asOf);
    }

    /**
     * @param effectiveFrom the plan's effective start; null means the period is judged in full (a plan in force from
     *                      the start of its year)
     */
    public static PeriodCompliance evaluate(TargetDef target, PeriodInstance period, LocalDate effectiveFrom,
                                            Collection<Item> items, LocalDate asOf) {
        if (effectiveFrom != null && period.end().isBefore(effectiveFrom)) {
            return new PeriodCompliance(period.key(), period.start(), period.end(), null, 0, target.minimum(), 0,
                    TargetStatus.NOT_STARTED);
        }
        LocalDate from = effectiveFrom != null && isWholePlan(target.period()) && effectiveFrom.isAfter(period.start())
                ? effectiveFrom : period.start();
        PeriodInstance counted = new PeriodInstance(period.key(), from, period.end());
        long count = items.stream().filter(i -> counts(target, from, period.end(), i, asOf)).mapToLong(Item::n).sum();
        double expected = target.minimum() * elapsedFraction(counted, asOf);
        return new PeriodCompliance(period.key(), period.start(), period.end(), from, count, target.minimum(),
                Math.round(expected * 100) / 100.0, status(count, target.minimum(), expected, counted, asOf));
    }

    /** Every instance of the target's period in the plan year, for a plan in force from 1 January. */
    public static List<PeriodCompliance> evaluateAll(TargetDef target, int planYear, Collection<Item> items, LocalDate asOf) {
        return evaluateAll(target, planYear, null, items, asOf);
    }

    /** Every instance of the target's period in the plan year, for a plan in force from {@code effectiveFrom}. */
    public static List<PeriodCompliance> evaluateAll(TargetDef target, int planYear, LocalDate effectiveFrom,
                                                     Collection<Item> items, LocalDate asOf) {
        return periods(target.period(), planYear).stream().map(p -> evaluate(target, p, effectiveFrom, items, asOf)).toList();
    }

    /**
     * The items {@code periods} (the target's evaluated instances) count, per calendar month of {@code year}: index 0 is
     * January. An item counts when it matches the target, is not after {@code asOf} and lies between a judged
     * instance's {@code countedFrom} and its end, exactly as {@link #evaluate} counts it, so the months of an instance
     * add up to its count (a NOT_STARTED instance, or a YEAR target's days before the effective start, count nothing).
     */
    public static List<Long> monthly(TargetDef target, int year, List<PeriodCompliance> periods, Collection<Item> items,
                                     LocalDate asOf) {
        long[] months = new long[12];
        for (Item item : items) {
            if (item.date().getYear() != year || item.date().isAfter(asOf) || !matches(target, item)) {
                continue;
            }
            for (PeriodCompliance p : periods) {
                if (counts(target, p, item, asOf)) {
                    months[item.date().getMonthValue() - 1] += item.n();
                    break;
                }
            }
        }
        return java.util.Arrays.stream(months).boxed().toList();
    }

    /**
     * Whether {@code item} counts towards {@code period} of {@code target} as of {@code asOf}: the one rule behind every
     * count (a period's, a month's, a report's item list), so they always agree. A NOT_STARTED period counts nothing.
     */
    public static boolean counts(TargetDef target, PeriodCompliance period, Item item, LocalDate asOf) {
        return period.countedFrom() != null && counts(target, period.countedFrom(), period.end(), item, asOf);
    }

    private static boolean counts(TargetDef target, LocalDate from, LocalDate end, Item item, LocalDate asOf) {
        return !item.date().isBefore(from) && !item.date().isAfter(end) && !item.date().isAfter(asOf) && matches(target, item);
    }

    /**
     * The instance running on {@code asOf}; before the year the first, after it the last. A running instance that is
     * NOT_STARTED gives way to the first judged one (the plan starts later), so a summary never counts a period that is
     * not judged; only when every instance is NOT_STARTED (a plan in force after its year) is the current one NOT_STARTED.
     */
    public static PeriodCompliance current(List<PeriodCompliance> periods, LocalDate asOf) {
        PeriodCompliance running = null;
        for (PeriodCompliance p : periods) {
            if (!asOf.isBefore(p.start()) && !asOf.isAfter(p.end())) {
                running = p;
                break;
            }
        }
        if (running == null) {
            running = asOf.isBefore(periods.getFirst().start()) ? periods.getFirst() : periods.getLast();
        }
        if (running.status() == TargetStatus.NOT_STARTED) {
            return periods.stream().filter(p -> p.status() != TargetStatus.NOT_STARTED).findFirst().orElse(running);
        }
        return running;
    }

    /**
     * Every instance of the target as of {@code asOf}, from its twelve monthly counts ({@link #monthly} of an evaluation
     * on {@code asOf}) instead of the items: instances begin and end on month boundaries and the monthly counts hold
     * only items that count (from {@code countedFrom}, not after {@code asOf}), so an instance's count is the sum of its
     * months and the rest follows as in {@link #evaluate}. Equal to {@link #evaluateAll} on the same day (stored state).
     */
    public static List<PeriodCompliance> fromMonthly(TargetDef target, int planYear, LocalDate effectiveFrom, List<Long> monthly,
                                                     LocalDate asOf) {
        List<PeriodCompliance> result = new ArrayList<>();
        for (PeriodInstance period : periods(target.period(), planYear)) {
            if (effectiveFrom != null && period.end().isBefore(effectiveFrom)) {
                result.add(new PeriodCompliance(period.key(), period.start(), period.end(), null, 0, target.minimum(), 0,
                        TargetStatus.NOT_STARTED));
                continue;
            }
            LocalDate from = effectiveFrom != null && isWholePlan(target.period()) && effectiveFrom.isAfter(period.start())
                    ? effectiveFrom : period.start();
            long count = 0;
            for (int m = period.start().getMonthValue(); m <= period.end().getMonthValue(); m++) {
                count += monthly.get(m - 1);
            }
            PeriodInstance counted = new PeriodInstance(period.key(), from, period.end());
            double expected = target.minimum() * elapsedFraction(counted, asOf);
            result.add(new PeriodCompliance(period.key(), period.start(), period.end(), from, count, target.minimum(),
                    Math.round(expected * 100) / 100.0, status(count, target.minimum(), expected, counted, asOf)));
        }
        return result;
    }

    /**
     * The instances as they stood at the close of {@code monthEnd} (items up to that day, the whole day elapsed), from an
     * evaluation on a later day: its {@code monthly} counts hold every counted item of the months up to
     * {@code monthEnd}, and instances begin and end on month boundaries, so an instance's count at that close is the sum
     * of its months so far. Equal to {@link #evaluateAll} over the items up to {@code monthEnd} as of the next day,
     * without the items (the overview's trend from stored state).
     */
    public static List<PeriodCompliance> atCloseOf(List<PeriodCompliance> periods, List<Long> monthly, LocalDate monthEnd) {
        LocalDate asOf = monthEnd.plusDays(1);
        List<PeriodCompliance> result = new ArrayList<>();
        for (PeriodCompliance p : periods) {
            if (p.status() == TargetStatus.NOT_STARTED) {
                result.add(p);
                continue;
            }
            long count = 0;
            LocalDate last = p.end().isBefore(monthEnd) ? p.end() : monthEnd;
            if (!last.isBefore(p.start())) {
                for (int m = p.start().getMonthValue(); m <= last.getMonthValue(); m++) {
                    count += monthly.get(m - 1);
                }
            }
            PeriodInstance counted = new PeriodInstance(p.period(), p.countedFrom(), p.end());
            double expected = p.minimum() * elapsedFraction(counted, asOf);
            result.add(new PeriodCompliance(p.period(), p.start(), p.end(), p.countedFrom(), count, p.minimum(),
                    Math.round(expected * 100) / 100.0, status(count, p.minimum(), expected, counted, asOf)));
        }
        return result;
    }

    /** YEAR and PLAN targets span the whole plan: only items from the effective start count towards them. */
    static boolean isWholePlan(String period) {
        return "YEAR".equals(period) || "PLAN".equals(period);
    }

    static TargetStatus status(long count, int minimum, double expected, PeriodInstance period, LocalDate asOf) {
        if (asOf.isBefore(period.start())) {
            return TargetStatus.UPCOMING;
        }
        if (count >= minimum) {
            return TargetStatus.MET;
        }
        if (asOf.isAfter(period.end())) {
            return TargetStatus.MISSED;
        }
        return count < expected ? TargetStatus.AT_RISK : TargetStatus.ON_TRACK;
    }

    /** Whole days elapsed before {@code asOf} over the period's length in days, between 0 and 1. */
    static double elapsedFraction(PeriodInstance period, LocalDate asOf) {
        long total = ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
        long elapsed = ChronoUnit.DAYS.between(period.start(), asOf);
        return Math.max(0, Math.min(total, elapsed)) / (double) total;
    }
}
