package vn.cchc.reporting.periodic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cchc.platform.web.InvalidRequestException;

class ReportingCalendarTest {
    final ReportingCalendar moha = ReportingCalendar.moha();

    @Test
    void mohaCutOffsAreTheDefault() {
        ReportPeriod q1 = moha.resolve("2026-Q1", "vinh-long");
        assertThat(q1.start()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(q1.end()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(q1.due()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(q1.contains(LocalDate.of(2026, 3, 14))).isTrue();
        assertThat(q1.contains(LocalDate.of(2026, 3, 15))).isFalse();
        assertThat(q1.vietnameseName()).isEqualTo("quý I năm 2026");

        ReportPeriod h1 = moha.resolve("2026-H1", "vinh-long");
        assertThat(h1.start()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(h1.end()).isEqualTo(LocalDate.of(2026, 6, 14));
        assertThat(h1.vietnameseName()).isEqualTo("6 tháng đầu năm 2026");

        ReportPeriod q3 = moha.resolve("2026-Q3", "vinh-long");
        assertThat(q3.start()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2026, 9, 14));

        ReportPeriod y = moha.resolve("2026-Y", "vinh-long");
        assertThat(y.start()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(y.end()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(y.due()).isEqualTo(LocalDate.of(2026, 12, 20));
    }

    @Test
    void aProvinceMaySetItsOwnDates() {
        ReportingCalendar calendar = new ReportingCalendar(null, Map.of("lai-chau", Map.of("Q1", "12-10/03-09")));
        assertThat(calendar.resolve("2026-Q1", "lai-chau").end()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(calendar.resolve("2026-Q1", "vinh-long").end()).isEqualTo(LocalDate.of(2026, 3, 14));
    }

    @Test
    void badPeriodsAreRejected() {
        assertThatThrownBy(() -> moha.resolve("2026-Q9", "vinh-long")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> moha.resolve("Q1-2026", "vinh-long")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void reportsHaveTheirCustomaryNames() {
        assertThat(moha.resolve("2026-Q1", "vinh-long")).extracting(ReportPeriod::label, ReportPeriod::reportName)
                .containsExactly("Quý I/2026", "Báo cáo quý I năm 2026");
        assertThat(moha.resolve("2026-H1", "vinh-long")).extracting(ReportPeriod::label, ReportPeriod::reportName)
                .containsExactly("6 tháng đầu năm 2026", "Báo cáo 6 tháng đầu năm 2026");
        assertThat(moha.resolve("2026-Q3", "vinh-long")).extracting(ReportPeriod::label, ReportPeriod::reportName)
                .containsExactly("Quý III/2026", "Báo cáo quý III năm 2026");
        assertThat(moha.resolve("2026-Y", "vinh-long")).extracting(ReportPeriod::label, ReportPeriod::reportName)
                .containsExactly("Năm 2026", "Báo cáo năm 2026");
    }
}
