package vn.cchc.plan.plans;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Completes a plan's entries before they are checked and stored: an entry without an id gets a new one
 * (an entry sent back with its id keeps it, so ids are stable across amendments); a target without a unit
 * belongs to the issuing unit; a time frame without a year is in the plan year and gets its wording.
 */
final class PlanEntries {
    static final String ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String TIME_PATTERN = "^([01]\\d|2[0-3]):[0-5]\\d$";
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PlanEntries() {
    }

    static PlanContent complete(PlanContent plan, Supplier<String> newId) {
        Set<String> taken = new HashSet<>();
        plan.targets().forEach(t -> addIfPresent(taken, t.id()));
        plan.scheduledItems().forEach(s -> addIfPresent(taken, s.id()));
        plan.tasks().forEach(t -> addIfPresent(taken, t.id()));
        Supplier<String> fresh = () -> {
            String id;
            do {
                id = newId.get();
            } while (!taken.add(id));
            return id;
        };
        List<Target> targets = new ArrayList<>();
        for (Target t : plan.targets()) {
            targets.add(new Target(t.id() == null ? "tg-" + fresh.get() : t.id(), t.description().strip(), t.kinds(), t.channels(),
                    t.minimum(), t.period(), t.scope(), t.unitId() == null || t.unitId().isBlank() ? plan.issuingUnitId() : t.unitId(),
                    t.responsible(), t.subject(), t.text()));
        }
        List<ScheduledItem> items = new ArrayList<>();
        for (ScheduledItem s : plan.scheduledItems()) {
            items.add(new ScheduledItem(s.id() == null ? "si-" + fresh.get() : s.id(), s.title().strip(), s.date(),
                    s.startTime(), s.endTime(), s.unitId(), s.channel(), s.kind(), s.presenter(), s.topic(), s.text()));
        }
        List<PlanTask> tasks = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            tasks.add(new PlanTask(t.id() == null ? "tk-" + fresh.get() : t.id(), t.number().strip(), t.title().strip(),
                    t.leadUnitId(), t.coordinatingUnitIds(), complete(t.timeFrame(), plan.year()), t.products(), t.lead(),
                    t.coordinators(), t.alternativeTimeFrame() == null ? null : complete(t.alternativeTimeFrame(), plan.year()),
                    t.details()));
        }
        return plan.withEntries(targets, items, tasks);
    }

    private static void addIfPresent(Set<String> taken, String id) {
        if (id != null) {
            taken.add(id);
        }
    }

    /** Fills the year from the plan (or the date) and writes the Vietnamese wording when none was given. */
    static TimeFrame complete(TimeFrame tf, Integer planYear) {
        Integer year = tf.year();
        if (year == null && tf.type() == TimeFrameType.DATE && tf.date() != null) {
            year = tf.date().getYear();
        }
        if (year == null && tf.type() != TimeFrameType.ONGOING && tf.type() != TimeFrameType.ON_RESULTS
                && tf.type() != TimeFrameType.RECURRING && tf.type() != TimeFrameType.PER_HIGHER_PLAN) {
            year = planYear;
        }
        String text = tf.text();
        if (text == null || text.isBlank()) {
            text = switch (tf.type()) {
                case DATE -> tf.date() == null ? "" : "Ngày " + tf.date().format(VN_DATE);
                case MONTH -> "Tháng " + tf.month() + "/" + year;
                case QUARTER -> "Quý " + tf.quarter() + "/" + year;
                case HALF_YEAR -> (tf.half() == null || tf.half() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
                case YEAR -> "Năm " + year;
                case RANGE -> "Từ tháng " + tf.fromMonth() + " đến tháng " + tf.toMonth() + "/" + year;
                case RECURRING -> switch (tf.recurrence() == null ? Recurrence.MONTHLY : tf.recurrence()) {
                    case WEEKLY -> "Hàng tuần";
                    case MONTHLY -> "Hàng tháng";
                    case QUARTERLY -> "Hàng quý";
                    case YEARLY -> "Hàng năm";
                };
                case ONGOING -> "Thường xuyên";
                case ON_RESULTS -> "Khi có kết quả công bố";
                case PER_HIGHER_PLAN -> "Theo kế hoạch của tỉnh";
            };
        }
        return new TimeFrame(tf.type(), tf.date(), tf.month(), tf.quarter(), year, text.strip(), tf.fromMonth(), tf.toMonth(),
                tf.half(), tf.recurrence());
    }
}
