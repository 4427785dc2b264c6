package vn.cchc.reporting.periodic;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.cchc.platform.web.InvalidRequestException;

/**
 * The reporting calendar: for each report kind (Q1, H1, Q3, Y…) its data window as {@code MM-dd/MM-dd}; a start after
 * the end lies in the previous year. Defaults are the MoHA cut-offs (guidance 581/BNV-CCHC); a province may override.
 *
 * @param windows   report kind → window, the default for every province
 * @param provinces province id → report kind → window
 */
@ConfigurationProperties("cchc.reporting.calendar")
public record ReportingCalendar(Map<String, String> windows, Map<String, Map<String, String>> provinces) {
    private static final Pattern PERIOD = Pattern.compile("^(\\d{4})-([A-Z][A-Z0-9]*)$");
    private static final Pattern WINDOW = Pattern.compile("^(\\d{2}-\\d{2})/(\\d{2}-\\d{2})$");

    public ReportingCalendar {
        if (windows == null || windows.isEmpty()) {
            windows = new LinkedHashMap<>();
            windows.put("Q1", "12-15/03-14");
            windows.put("H1", "12-15/06-14");
            windows.put("Q3", "06-15/09-14");
            windows.put("Y", "12-15/12-14");
        }
        provinces = provinces == null ? Map.of() : provinces;
    }

    public static ReportingCalendar moha() {
        return new ReportingCalendar(null, null);
    }

    /** The report period {@code 2026-Q1} of a unit in a province, with its data window and due date. */
    public ReportPeriod resolve(String period, String provinceId) {
        Matcher m = PERIOD.matcher(period);
        if (!m.matches()) {
            throw new InvalidRequestException("period", "pattern", "Kỳ báo cáo phải có dạng 2026-Q1, 2026-H1, 2026-Q3 hoặc 2026-Y");
        }
        int year = Integer.parseInt(m.group(1));
        String kind = m.group(2);
        String window = provinces.getOrDefault(provinceId, Map.of()).getOrDefault(kind, windows.get(kind));
        if (window == null) {
            throw new InvalidRequestException("period", "unknown", "Không có kỳ báo cáo " + kind + "; các kỳ: " + windows.keySet());
        }
        Matcher w = WINDOW.matcher(window);
        if (!w.matches()) {
            throw new IllegalStateException("bad reporting window for " + kind + ": " + window);
        }
        MonthDay start = MonthDay.parse("--" + w.group(1));
        MonthDay end = MonthDay.parse("--" + w.group(2));
        LocalDate endDate = end.atYear(year);
        LocalDate startDate = start.isAfter(end) ? start.atYear(year - 1) : start.atYear(year);
        // a report is due no later than the 20th of the period's last month
        return new ReportPeriod(period, year, kind, startDate, endDate, endDate.withDayOfMonth(20));
    }
}
