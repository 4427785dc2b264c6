package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.imports.extract.DocumentLayout.Part;
import vn.cchc.plan.plans.Milestone;
import vn.cchc.plan.plans.MilestoneKind;
import vn.cchc.plan.plans.PartialDate;
import vn.cchc.plan.plans.TimeFrame;
import vn.cchc.plan.plans.TimeFrameType;

/**
 * Dated events written in prose (contents, forms, tasks, organisation): a named day with its date ("hưởng ứng Ngày
 * Pháp luật Việt Nam 09/11"), or a contest / training / dialogue / conference with a date, a month or a quarter
 * ("Cuộc thi tìm hiểu … trong Quý III năm 2026": the month is left blank). An event without any time is not a
 * milestone. Events already read from a task row are not repeated.
 */
final class ProseEvents {
    private static final Set<Part> PARTS = Set.of(Part.CONTENTS, Part.FORMS, Part.TASKS, Part.OTHER, Part.TARGETS, Part.ORGANISATION);
    /** On the accent-stripped text, case kept: "Ngay" + a capitalised name + dd/mm. */
    private static final Pattern NAMED_DAY = Pattern.compile(
            "(?<![A-Za-z])[Nn]gay\\s+([A-Z][A-Za-z]*(?:\\s+[A-Za-z]+){0,7}?)\\s*\\(?\\s*(" + Fold.D + "{1,2})\\s*/\\s*(" + Fold.D + "{1,2})(?:\\s*/\\s*(" + Fold.D + "{4}))?\\s*\\)?(?![0-9/])");

    private ProseEvents() {
    }

    static List<Milestone> read(DocumentLayout layout, Integer year, List<Milestone> known, Findings out) {
        List<Milestone> found = new ArrayList<>();
        for (int i = 0; i < layout.lines.size(); i++) {
            Line l = layout.lines.get(i);
            if (l.isRow() || !PARTS.contains(layout.parts[i])) {
                continue;
            }
            for (String clause : TargetReader.clauses(l.text())) {
                String plain = Fold.stripAccents(clause);
                if (plain.length() != clause.length()) {
                    plain = clause;
                }
                Matcher m = NAMED_DAY.matcher(plain);
                boolean named = false;
                while (m.find()) {
                    Integer d = Fold.toInt(m.group(2));
                    Integer mo = Fold.toInt(m.group(3));
                    Integer y = m.group(4) != null ? Fold.toInt(m.group(4)) : year;
                    if (d == null || mo == null || d < 1 || d > 31 || mo < 1 || mo > 12 || y == null) {
                        continue;
                    }
                    named = true;
                    String title = Fold.collapse(clause.substring(m.start(), m.start(1) + m.group(1).length()));
                    add(found, known, new Milestone(null, title, MilestoneKind.NATIONAL_DAY,
                            new PartialDate(y, mo, d, Fold.collapse(clause.substring(m.start(2), m.end()))), null, null, Fold.collapse(clause)), l, out);
                }
                if (named) {
                    continue;
                }
                MilestoneKind kind = TaskRows.milestoneKind(Fold.fold(clause));
                if (kind == null || kind == MilestoneKind.NATIONAL_DAY) {
                    continue;
                }
                TimeFrame tf = TimeFrames.parse(clause, year);
                if (tf == null) {
                    continue;
                }
                PartialDate date = switch (tf.type()) {
                    case DATE -> new PartialDate(tf.date().getYear(), tf.date().getMonthValue(), tf.date().getDayOfMonth(), tf.text());
                    case MONTH -> new PartialDate(tf.year() == null ? year : tf.year(), tf.month(), null, tf.text());
                    case QUARTER -> new PartialDate(tf.year() == null ? year : tf.year(), null, null, tf.text());
                    default -> null;
                };
                if (date == null || date.year() == null) {
                    continue;
                }
                String title = Fold.upperFirst(Fold.collapse(Labels.of(clause).rest()).replaceAll("[.;,]+$", ""));
                add(found, known, new Milestone(null, title, kind, date, null, null, Fold.collapse(clause)), l, out);
                if (tf.type() == TimeFrameType.QUARTER) {
                    out.warn("milestones", l, "Sự kiện \"" + title + "\" chỉ ghi quý, chưa rõ tháng; để trống tháng, cần kiểm tra.");
                }
            }
        }
        return found;
    }

    private static void add(List<Milestone> found, List<Milestone> known, Milestone m, Line l, Findings out) {
        for (Milestone k : known.isEmpty() ? found : concat(known, found)) {
            if (k.kind() == m.kind() && Objects.equals(k.date().year(), m.date().year()) && Objects.equals(k.date().month(), m.date().month())
                    && Objects.equals(k.date().day(), m.date().day())) {
                return;
            }
        }
        found.add(m);
        out.field("milestones[" + (known.size() + found.size() - 1) + "].date", m.date().text(), l, 0.6);
    }

    private static List<Milestone> concat(List<Milestone> a, List<Milestone> b) {
        List<Milestone> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
