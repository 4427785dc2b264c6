package vn.cchc.reporting.compliance;

import java.time.LocalDate;

/**
 * Counted publications as the calculator sees them: who, where, what, which Vietnam-time day, and how many ({@code n}):
 * one publication, or a pre-aggregated day count (every item of a unit or subtree on that day, channel and kind).
 */
public record Item(String unitId, String channel, String kind, LocalDate date, long n) {
    /** One publication. */
    public Item(String unitId, String channel, String kind, LocalDate date) {
        this(unitId, channel, kind, date, 1);
    }
}
