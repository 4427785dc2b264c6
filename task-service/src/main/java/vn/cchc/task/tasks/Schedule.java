package vn.cchc.task.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a task is due, computed from the plan's time frame in Vietnam time: a date (with its air-time
 * window when given), the end of a month, quarter, half-year, range of months or year, or nothing for ongoing,
 * recurring and "per the province's plan" tasks and for tasks that wait for published results.
 */
public record Schedule(LocalDate dueDate, TaskWindow window) {
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})\\s*/\\s*(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(?i)qu[ýy]\\s*(IV|III|II|I|[1-4])");
    private static final Pattern TO_MONTH = Pattern.compile("(?i)đến\\s*(?:hết\\s*)?tháng\\s*(\\d{1,2})");

    public static final Schedule NONE = new Schedule(null, null);

    /**
     * @param planYear fallback when the time frame names no year (plans say "Tháng 11" meaning the plan's year)
     */
    public static Schedule of(TimeFrame frame, LocalTime start, LocalTime end, int planYear) {
        String text = frame.text() == null ? "" : frame.text();
        int year = frame.year() != null ? frame.year() : yearIn(text, planYear);
        return switch (frame.type()) {
            case DATE -> {
                if (frame.date() == null) {
                    yield NONE;
                }
                TaskWindow window = start != null && end != null
                        ? new TaskWindow(frame.date().atTime(start).atZone(VietnamTime.ZONE).toInstant(),
                        frame.date().atTime(end).atZone(VietnamTime.ZONE).toInstant())
                        : null;
                yield new Schedule(frame.date(), window);
            }
            case MONTH -> {
                Integer month = frame.month();
                Matcher m = MONTH_YEAR.matcher(text);
                if (month == null && m.find()) {
                    month = Integer.parseInt(m.group(1));
                    year = frame.year() != null ? frame.year() : Integer.parseInt(m.group(2));
                }
                yield month == null || month < 1 || month > 12 ? NONE
                        : new Schedule(YearMonth.of(year, month).atEndOfMonth(), null);
            }
            case QUARTER -> {
                Integer quarter = frame.quarter() != null ? frame.quarter() : quarterIn(text);
                yield quarter == null || quarter < 1 || quarter > 4 ? NONE
                        : new Schedule(YearMonth.of(year, quarter * 3).atEndOfMonth(), null);
            }
            case HALF_YEAR -> {
                Integer half = frame.half() != null ? frame.half() : halfIn(text);
                yield half == null || half < 1 || half > 2 ? NONE
                        : new Schedule(half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31), null);
            }
            case RANGE -> {
                Integer to = frame.toMonth();
                Matcher m = TO_MONTH.matcher(text);
                if (to == null && m.find()) {
                    to = Integer.parseInt(m.group(1));
                }
                yield to == null || to < 1 || to > 12 ? NONE : new Schedule(YearMonth.of(year, to).atEndOfMonth(), null);
            }
            case YEAR -> new Schedule(LocalDate.of(year, 12, 31), null);
            case ONGOING, ON_RESULTS, RECURRING, PER_HIGHER_PLAN -> NONE;
        };
    }

    private static int yearIn(String text, int fallback) {
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }

    /** "6 tháng đầu năm" → 1, "6 tháng cuối năm" → 2; null when the text says neither. */
    private static Integer halfIn(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("cuối") ? Integer.valueOf(2) : lower.contains("đầu") ? Integer.valueOf(1) : null;
    }

    private static Integer quarterIn(String text) {
        Matcher m = QUARTER.matcher(text);
        if (!m.find()) {
            return null;
        }
        return switch (m.group(1).toUpperCase()) {
            case "I", "1" -> 1;
            case "II", "2" -> 2;
            case "III", "3" -> 3;
            default -> 4;
        };
    }
}
