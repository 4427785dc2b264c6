package vn.cchc.task.tasks;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * Ongoing tasks ("Thường xuyên") have no due date; they are reviewed at each periodic report instead.
 * The review date is the cut-off of the current reporting period. Defaults follow the Ministry of Home
 * Affairs' guidance 581/BNV-CCHC (periods end 14/03, 14/06, 14/09, 14/12), not calendar quarters.
 */
public final class ReviewPeriods {
    static final List<MonthDay> CUT_OFFS = List.of(MonthDay.of(3, 14), MonthDay.of(6, 14), MonthDay.of(9, 14), MonthDay.of(12, 14));

    private ReviewPeriods() {
    }

    /** The last day of the reporting period that contains {@code today}. */
    public static LocalDate nextReview(LocalDate today) {
        for (MonthDay cutOff : CUT_OFFS) {
            LocalDate date = cutOff.atYear(today.getYear());
            if (!today.isAfter(date)) {
                return date;
            }
        }
        return CUT_OFFS.getFirst().atYear(today.getYear() + 1);
    }
}
