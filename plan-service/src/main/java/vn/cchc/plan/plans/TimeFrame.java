package vn.cchc.plan.plans;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** When a task is due, as the plan writes it; {@code text} keeps the wording ("Tháng 4/2026", "Thường xuyên"). */
public record TimeFrame(
        @NotNull TimeFrameType type,
        LocalDate date,
        @Min(1) @Max(12) Integer month,
        @Min(1) @Max(4) Integer quarter,
        @Min(2000) @Max(2100) Integer year,
        @Size(max = 200) String text) {
}
