package vn.cchc.plan.plans;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A date as a plan writes it, parts possibly left blank before signing ("ngày    tháng 01 năm 2026"):
 * year, month and day are each null when blank; {@code text} keeps the wording.
 */
public record PartialDate(@Min(2000) @Max(2100) Integer year, @Min(1) @Max(12) Integer month, @Min(1) @Max(31) Integer day,
                          @Size(max = 200) String text) {

    public static PartialDate of(LocalDate date) {
        return date == null ? null : new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), null);
    }

    /** The full date, or null while a part is blank (or the parts form no real date, such as 31/02). */
    public LocalDate toLocalDate() {
        return year != null && month != null && day != null && real(year, month, day) ? LocalDate.of(year, month, day) : null;
    }

    /** Whether year, month and day form a real date (checked by the plan rules as {@code date}). */
    static boolean real(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** The first day the date can be: its day, or the 1st of its month, or 1 January; null without a year. */
    public LocalDate earliest() {
        if (year == null) {
            return null;
        }
        int m = month == null || month < 1 || month > 12 ? 1 : month;
        int d = month == null || day == null || !real(year, m, day) ? 1 : day;
        return LocalDate.of(year, m, d);
    }
}
