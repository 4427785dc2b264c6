package vn.cchc.plan.plans;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.platform.units.UnitPath;

/**
 * Turns one lettered duty of "Tổ chức thực hiện" into a task-catalogue entry: the next free number, the duty's text
 * as title (shortened to fit) and as details, the responsibility's unit as lead, and a time frame read from the text
 * when it states one simply ("trước ngày 20/01/2026", "tháng 4/2026", "quý II", "hàng tháng", "6 tháng đầu năm"),
 * else "Thường xuyên".
 */
final class DutyTasks {
    static final int TITLE_MAX = 2000;
    private static final Pattern BEFORE_DATE = Pattern.compile("(?:trước|chậm nhất|hạn)\\s+(?:ngày\\s+)?(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(?<!\\d )tháng\\s+(\\d{1,2})\\s*(?:/|năm\\s+)(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("quý\\s+(iv|iii|ii|i|[1-4])(?![\\p{L}\\d])");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    private DutyTasks() {
    }

    static PlanContent track(PlanContent plan, Responsibility owner, Duty duty, Supplier<String> newIds,
                             Function<String, Optional<String>> unitName) {
        Set<String> taken = new HashSet<>();
        plan.targets().forEach(t -> taken.add(t.id()));
        plan.scheduledItems().forEach(s -> taken.add(s.id()));
        plan.tasks().forEach(t -> taken.add(t.id()));
        plan.milestones().forEach(m -> taken.add(m.id()));
        plan.responsibilities().forEach(r -> {
            taken.add(r.id());
            r.duties().forEach(d -> taken.add(d.id()));
        });
        String taskId;
        do {
            taskId = "tk-" + newIds.get();
        } while (taken.contains(taskId));

        String text = duty.text().strip();
        PlanTask task = new PlanTask(taskId, nextNumber(plan.tasks()), title(text), null, List.of(),
                timeFrame(text, plan.year()), List.of(), lead(owner.unit(), plan.issuingUnitId(), unitName), List.of(), null, text);
        List<PlanTask> tasks = new ArrayList<>(plan.tasks());
        tasks.add(task);
        String linked = taskId;
        List<Responsibility> responsibilities = plan.responsibilities().stream().map(r -> new Responsibility(r.id(), r.unit(),
                r.requested(), r.duties().stream().map(d -> d == duty || d.id().equals(duty.id())
                        ? new Duty(d.id(), d.label(), d.text(), linked) : d).toList())).toList();
        return plan.withTasks(tasks, responsibilities);
    }

    /** "Theo dõi nhiệm vụ: c) Tăng cường viết tin, bài về CCHC…" */
    static String note(Duty duty) {
        String text = duty.text().strip().replaceAll("\\s+", " ");
        if (text.length() > 200) {
            text = text.substring(0, 199).strip() + "…";
        }
        return "Theo dõi nhiệm vụ: " + (duty.label() == null ? "" : duty.label() + ") ") + text;
    }

    /**
     * The responsibility's unit leads; a unit of the directory outside the issuing unit's subtree (a body the plan
     * only requests something of) is named as written, since lead units lie within the issuing unit.
     */
    static UnitRef lead(UnitRef unit, String issuingUnitId, Function<String, Optional<String>> unitName) {
        if (unit.unitId() == null || UnitPath.within(unit.unitId(), issuingUnitId)) {
            return unit;
        }
        return new UnitRef(null, unit.name() != null ? unit.name() : unitName.apply(unit.unitId()).orElse(unit.unitId()));
    }

    /** One more than the highest leading number of the catalogue ("1", "2.a" → "3"), never one in use. */
    static String nextNumber(List<PlanTask> tasks) {
        int max = 0;
        Set<String> used = new HashSet<>();
        for (PlanTask t : tasks) {
            used.add(t.number());
            Matcher m = LEADING_NUMBER.matcher(t.number());
            if (m.find() && m.group(1).length() < 9) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        int next = max + 1;
        while (used.contains(String.valueOf(next))) {
            next++;
        }
        return String.valueOf(next);
    }

    static String title(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= TITLE_MAX ? oneLine : oneLine.substring(0, TITLE_MAX - 1).strip() + "…";
    }

    /** A time frame the text states simply; "Thường xuyên" (ONGOING) otherwise. The wording is written by PlanEntries. */
    static TimeFrame timeFrame(String text, int planYear) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher date = BEFORE_DATE.matcher(t);
        if (date.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(1)));
                return frame(TimeFrameType.DATE, d, null, null, null, null);
            } catch (DateTimeException e) {
                // not a real date: fall through to the other wordings
            }
        }
        Matcher month = MONTH.matcher(t);
        if (month.find()) {
            int m = Integer.parseInt(month.group(1));
            int y = Integer.parseInt(month.group(2));
            if (m >= 1 && m <= 12 && y >= 2000 && y <= 2100) {
                return new TimeFrame(TimeFrameType.MONTH, null, m, null, y, null);
            }
        }
        Matcher quarter = QUARTER.matcher(t);
        if (quarter.find()) {
            int q = switch (quarter.group(1)) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                default -> 4;
            };
            return new TimeFrame(TimeFrameType.QUARTER, null, null, q, planYear, null);
        }
        if (t.contains("6 tháng đầu năm")) {
            return frame(TimeFrameType.HALF_YEAR, null, 1, null, planYear, null);
        }
        if (t.contains("6 tháng cuối năm")) {
            return frame(TimeFrameType.HALF_YEAR, null, 2, null, planYear, null);
        }
        for (Recurrence r : Recurrence.values()) {
            String[] words = switch (r) {
                case WEEKLY -> new String[]{"hàng tuần", "hằng tuần"};
                case MONTHLY -> new String[]{"hàng tháng", "hằng tháng"};
                case QUARTERLY -> new String[]{"hàng quý", "hằng quý"};
                case YEARLY -> new String[0]; // "hằng năm" mostly qualifies budgets and reports, not the duty
            };
            for (String w : words) {
                if (t.contains(w)) {
                    return frame(TimeFrameType.RECURRING, null, null, r, null, null);
                }
            }
        }
        return new TimeFrame(TimeFrameType.ONGOING, null, null, null, null, null);
    }

    private static TimeFrame frame(TimeFrameType type, LocalDate date, Integer half, Recurrence recurrence, Integer year, String text) {
        return new TimeFrame(type, date, null, null, year, text, null, null, half, recurrence);
    }
}
