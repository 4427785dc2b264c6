package vn.cchc.task.tasks;

import java.time.LocalDate;

/**
 * The time frame as the plan states it; {@code text} keeps the words as written (e.g. "Tháng 4/2026").
 * RANGE uses {@code fromMonth}..{@code toMonth}, HALF_YEAR {@code half} (1 or 2), RECURRING {@code recurrence}
 * (WEEKLY, MONTHLY, QUARTERLY, YEARLY). Fields that do not apply to the type are null.
 */
public record TimeFrame(TimeFrameType type, LocalDate date, Integer month, Integer quarter, Integer year, String text,
                        Integer fromMonth, Integer toMonth, Integer half, String recurrence) {

    public TimeFrame(TimeFrameType type, LocalDate date, Integer month, Integer quarter, Integer year, String text) {
        this(type, date, month, quarter, year, text, null, null, null, null);
    }
}
