package vn.cchc.reporting.periodic;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import vn.cchc.reporting.compliance.PeriodLabel;

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

    /** The period in words: "Quý I/2026", "6 tháng đầu năm 2026", "Quý III/2026", "Năm 2026". */
    @JsonProperty("label")
    public String label() {
        return PeriodLabel.of(year + "-" + kind);
    }

    /** The customary name of the report: "Báo cáo quý I năm 2026", "Báo cáo 6 tháng đầu năm 2026", "Báo cáo năm 2026". */
    @JsonProperty("reportName")
    public String reportName() {
        return "Báo cáo " + vietnameseName();
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
