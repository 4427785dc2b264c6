package vn.cchc.task.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    static Schedule of(TimeFrameType type, LocalDate date, Integer month, Integer quarter, Integer year, String text) {
        return Schedule.of(new TimeFrame(type, date, month, quarter, year, text), null, null, 2026);
    }

    @Test
    void anExactDateWithAirTimeGivesItsWindowInVietnamTime() {
        Schedule s = Schedule.of(new TimeFrame(TimeFrameType.DATE, LocalDate.of(2026, 1, 23), null, null, 2026, "23/01/2026"),
                LocalTime.of(20, 15), LocalTime.of(20, 45), 2026);
        assertThat(s.dueDate()).isEqualTo("2026-01-23");
        // 20:15 in Asia/Ho_Chi_Minh (UTC+7) is 13:15 UTC
        assertThat(s.window().start()).isEqualTo(Instant.parse("2026-01-23T13:15:00Z"));
        assertThat(s.window().end()).isEqualTo(Instant.parse("2026-01-23T13:45:00Z"));
    }

    @Test
    void aDateWithoutTimeHasNoWindow() {
        Schedule s = of(TimeFrameType.DATE, LocalDate.of(2026, 1, 20), null, null, null, "trước ngày 20/01/2026");
        assertThat(s.dueDate()).isEqualTo("2026-01-20");
        assertThat(s.window()).isNull();
    }

    @Test
    void aMonthIsDueOnItsLastDayEvenWhenOnlyWrittenAsText() {
        assertThat(of(TimeFrameType.MONTH, null, 11, null, 2026, "Tháng 11/2026").dueDate()).isEqualTo("2026-11-30");
        assertThat(of(TimeFrameType.MONTH, null, null, null, null, "Tháng 4/2026").dueDate()).isEqualTo("2026-04-30");
        assertThat(of(TimeFrameType.MONTH, null, 2, null, 2028, "Tháng 2/2028").dueDate()).isEqualTo("2028-02-29");
    }

    @Test
    void aQuarterIsDueOnTheLastDayOfTheCalendarQuarter() {
        assertThat(of(TimeFrameType.QUARTER, null, null, 1, 2026, "Quý I/2026").dueDate()).isEqualTo("2026-03-31");
        assertThat(of(TimeFrameType.QUARTER, null, null, null, null, "Quý III/2026").dueDate()).isEqualTo("2026-09-30");
        assertThat(of(TimeFrameType.QUARTER, null, null, 4, null, "Quý 4").dueDate()).isEqualTo("2026-12-31");
    }

    @Test
    void aYearIsDueOnTheThirtyFirstOfDecember() {
        assertThat(of(TimeFrameType.YEAR, null, null, null, 2026, "Năm 2026").dueDate()).isEqualTo("2026-12-31");
        assertThat(of(TimeFrameType.YEAR, null, null, null, null, "Năm 2027").dueDate()).isEqualTo("2027-12-31");
    }

    @Test
    void ongoingAndOnResultsTasksHaveNoDueDate() {
        assertThat(of(TimeFrameType.ONGOING, null, null, null, null, "Thường xuyên")).isEqualTo(Schedule.NONE);
        assertThat(of(TimeFrameType.ON_RESULTS, null, null, null, null, "Khi có kết quả công bố")).isEqualTo(Schedule.NONE);
    }

    static Schedule of(TimeFrame frame) {
        return Schedule.of(frame, null, null, 2026);
    }

    @Test
    void aRangeOfMonthsIsDueAtTheEndOfItsLastMonth() {
        assertThat(of(new TimeFrame(TimeFrameType.RANGE, null, null, null, 2026, "Từ tháng 3 đến tháng 6/2026", 3, 6, null, null))
                .dueDate()).isEqualTo("2026-06-30");
        assertThat(of(new TimeFrame(TimeFrameType.RANGE, null, null, null, null, "Từ tháng 9 đến tháng 2", 9, 2, null, null))
                .dueDate()).as("the plan's year").isEqualTo("2026-02-28");
        assertThat(of(new TimeFrame(TimeFrameType.RANGE, null, null, null, null, "Từ tháng 10 đến hết tháng 11/2027", null, null, null, null))
                .dueDate()).as("read from the text").isEqualTo("2027-11-30");
        assertThat(of(new TimeFrame(TimeFrameType.RANGE, null, null, null, null, "Từ tháng 10", 10, null, null, null)))
                .isEqualTo(Schedule.NONE);
    }

    @Test
    void aHalfYearIsDueOnTheThirtiethOfJuneOrTheThirtyFirstOfDecember() {
        assertThat(of(new TimeFrame(TimeFrameType.HALF_YEAR, null, null, null, 2026, "6 tháng đầu năm 2026", null, null, 1, null))
                .dueDate()).isEqualTo("2026-06-30");
        assertThat(of(new TimeFrame(TimeFrameType.HALF_YEAR, null, null, null, null, "6 tháng cuối năm", null, null, 2, null))
                .dueDate()).isEqualTo("2026-12-31");
        assertThat(of(new TimeFrame(TimeFrameType.HALF_YEAR, null, null, null, null, "6 tháng cuối năm 2027", null, null, null, null))
                .dueDate()).as("read from the text").isEqualTo("2027-12-31");
    }

    @Test
    void recurringAndPerHigherPlanTasksHaveNoSingleDueDate() {
        assertThat(of(new TimeFrame(TimeFrameType.RECURRING, null, null, null, null, "Hàng tháng", null, null, null, "MONTHLY")))
                .isEqualTo(Schedule.NONE);
        assertThat(of(new TimeFrame(TimeFrameType.PER_HIGHER_PLAN, null, null, null, null, "Theo kế hoạch của tỉnh")))
                .isEqualTo(Schedule.NONE);
        assertThat(TimeFrameType.RECURRING.isReviewedPeriodically()).isTrue();
        assertThat(TimeFrameType.PER_HIGHER_PLAN.isReviewedPeriodically()).isTrue();
        assertThat(TimeFrameType.ON_RESULTS.isReviewedPeriodically()).isFalse();
        assertThat(TimeFrameType.parse("SOMETHING_NEW")).as("an unknown type is read as ONGOING").isEqualTo(TimeFrameType.ONGOING);
    }
}
