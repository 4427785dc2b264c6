package vn.cchc.task.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReviewPeriodsTest {
    @Test
    void ongoingTasksAreReviewedAtTheReportingCutOffsOf581BnvNotCalendarQuarters() {
        assertThat(ReviewPeriods.nextReview(LocalDate.of(2026, 1, 10))).isEqualTo("2026-03-14");
        assertThat(ReviewPeriods.nextReview(LocalDate.of(2026, 3, 14))).isEqualTo("2026-03-14");
        assertThat(ReviewPeriods.nextReview(LocalDate.of(2026, 3, 15))).isEqualTo("2026-06-14");
        assertThat(ReviewPeriods.nextReview(LocalDate.of(2026, 9, 30))).isEqualTo("2026-12-14");
        assertThat(ReviewPeriods.nextReview(LocalDate.of(2026, 12, 15))).isEqualTo("2027-03-14");
    }
}
