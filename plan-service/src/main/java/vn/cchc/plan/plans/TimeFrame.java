package vn.cchc.plan.plans;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * When a task is due, as the plan writes it; {@code text} keeps the wording ("Tháng 4/2026", "Thường xuyên").
 * RANGE uses fromMonth..toMonth, HALF_YEAR uses half (1 or 2), RECURRING uses recurrence.
 */
public record TimeFrame(
        @NotNull TimeFrameType type,
        LocalDate date,
        @Min(1) @Max(12) Integer month,
        @Min(1) @Max(4) Integer quarter,
        @Min(2000) @Max(2100) Integer year,
        @Size(max = 200) String text,
        @Min(1) @Max(12) Integer fromMonth,
        @Min(1) @Max(12) Integer toMonth,
        @Min(1) @Max(2) Integer half,
        Recurrence recurrence) {

    public TimeFrame(TimeFrameType type, LocalDate date, Integer month, Integer quarter, Integer year, String text) {
        this(type, date, month, quarter, year, text, null, null, null, null);
    }
}
