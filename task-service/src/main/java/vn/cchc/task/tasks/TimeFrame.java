package vn.cchc.task.tasks;

import java.time.LocalDate;

/**
 * The time frame as the plan states it; {@code text} keeps the words as written (e.g. "Tháng 4/2026").
 * Fields that do not apply to the type are null.
 */
public record TimeFrame(TimeFrameType type, LocalDate date, Integer month, Integer quarter, Integer year, String text) {
}
