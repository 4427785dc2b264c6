package vn.cchc.reporting.periodic;

import java.time.LocalDate;

/**
 * @param kind  Q1, H1, Q3, Y…
 * @param start first day of the data window (inclusive, Vietnam time)
 * @param end   last day of the data window (inclusive); targets are stated as of this day
 * @param due   the day the report is due
 */
public record ReportPeriod(String id, int year, String kind, LocalDate start, LocalDate end, LocalDate due) {
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** "quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026" — as the title of the report says it. */
    public String vietnameseName() {
        return switch (kind) {
            case "Q1" -> "quý I năm " + year;
            case "Q2" -> "quý II năm " + year;
            case "H1" -> "6 tháng đầu năm " + year;
            case "Q3" -> "quý III năm " + year;
            case "Q4" -> "quý IV năm " + year;
            case "Y" -> "năm " + year;
            default -> "kỳ " + kind + " năm " + year;
        };
    }
}
