package vn.cchc.reporting.compliance;

import java.time.LocalDate;

/**
 * One calendar occurrence of a target's period: {@code 2026} (YEAR or PLAN), {@code 2026-Q2}, {@code 2026-03}.
 * Both ends are inclusive Vietnam-time days.
 */
public record PeriodInstance(String key, LocalDate start, LocalDate end) {
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
