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

    /** The full date, or null while a part is blank. */
    public LocalDate toLocalDate() {
        return year != null && month != null && day != null ? LocalDate.of(year, month, day) : null;
    }

    /** The first day the date can be: its day, or the 1st of its month, or 1 January; null without a year. */
    public LocalDate earliest() {
        if (year == null) {
            return null;
        }
        return LocalDate.of(year, month == null ? 1 : month, month == null || day == null ? 1 : day);
    }
}
