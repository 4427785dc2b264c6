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
 * belongs to the issuing unit; a time frame without a year is in the plan year and gets its wording. Responsibilities,
 * their duties and dated events get ids too ({@code rs-}, {@code du-}, {@code ms-}); a task's lead is given both as
 * {@code leadUnitId} and {@code lead}; the legal bases and {@code parentPlan} (the first PLAN basis) agree; strings are
 * stripped.
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
        plan.responsibilities().forEach(r -> {
            addIfPresent(taken, r.id());
            r.duties().forEach(d -> addIfPresent(taken, d.id()));
        });
        plan.milestones().forEach(m -> addIfPresent(taken, m.id()));
        // a new id is new both bare and with its prefix ("x1" and "du-x1"), so it never repeats a kept id
        java.util.function.Function<String, String> fresh = prefix -> {
            String id;
            do {
                id = newId.get();
            } while (taken.contains(id) || taken.contains(prefix + id));
            taken.add(id);
            taken.add(prefix + id);
            return prefix + id;
        };
        List<Target> targets = new ArrayList<>();
        for (Target t : plan.targets()) {
            targets.add(new Target(t.id() == null ? fresh.apply("tg-") : t.id(), t.description().strip(), t.kinds(), t.channels(),
                    t.minimum(), t.period(), t.scope(), t.unitId() == null || t.unitId().isBlank() ? plan.issuingUnitId() : t.unitId(),
                    ref(t.responsible()), blankToNull(t.subject()), blankToNull(t.text())));
        }
        List<ScheduledItem> items = new ArrayList<>();
        for (ScheduledItem s : plan.scheduledItems()) {
            items.add(new ScheduledItem(s.id() == null ? fresh.apply("si-") : s.id(), s.title().strip(), s.date(),
                    s.startTime(), s.endTime(), s.unitId(), s.channel(), s.kind(), blankToNull(s.presenter()),
                    blankToNull(s.topic()), blankToNull(s.text())));
        }
        List<PlanTask> tasks = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            tasks.add(task(t, t.id() == null ? fresh.apply("tk-") : t.id(), plan.year()));
        }
        List<Responsibility> responsibilities = new ArrayList<>();
        for (Responsibility r : plan.responsibilities()) {
            String responsibilityId = r.id() == null ? fresh.apply("rs-") : r.id();
            List<Duty> duties = new ArrayList<>();
            for (Duty d : r.duties()) {
                duties.add(new Duty(d.id() == null ? fresh.apply("du-") : d.id(), blankToNull(d.label()), d.text().strip(),
                        blankToNull(d.taskId())));
            }
            responsibilities.add(new Responsibility(responsibilityId, ref(r.unit()), r.requested(), duties));
        }
        List<Milestone> milestones = new ArrayList<>();
        for (Milestone m : plan.milestones()) {
            milestones.add(new Milestone(m.id() == null ? fresh.apply("ms-") : m.id(), m.title().strip(), m.kind(), date(m.date()),
                    blankToNull(m.scale()), ref(m.unit()), blankToNull(m.text())));
        }
        List<LegalBasis> legalBases = plan.legalBases().stream().map(PlanEntries::basis).toList();
        ParentPlanRef parent = parent(plan.parentPlan());
        if (legalBases.isEmpty() && parent != null) {
            legalBases = List.of(new LegalBasis(LegalDocumentKind.PLAN, parent.number(), parent.date(), parent.issuer(), null,
                    parent.planId(), null));
        } else if (parent == null) {
            parent = legalBases.stream().filter(b -> b.kind() == LegalDocumentKind.PLAN).findFirst()
                    .map(b -> new ParentPlanRef(b.planId(), b.number(), b.date(), b.issuer())).orElse(null);
        }
        return plan.withParts(parent, signatory(plan.signatory()), targets, items, tasks,
                plan.reportingDuties().stream().map(PlanEntries::duty).toList(), date(plan.issuedDate()), legalBases,
                responsibilities, milestones);
    }

    /** A task with its lead given both ways: {@code leadUnitId} and {@code lead.unitId} agree (leadUnitId wins). */
    static PlanTask task(PlanTask t, String id, Integer planYear) {
        String leadUnitId = blankToNull(t.leadUnitId());
        UnitRef lead = ref(t.lead());
        if (leadUnitId == null && lead != null) {
            leadUnitId = lead.unitId();
        } else if (leadUnitId != null && (lead == null || !leadUnitId.equals(lead.unitId()))) {
            lead = new UnitRef(leadUnitId, lead != null && lead.unitId() == null ? lead.name() : null);
        }
        List<String> coordinatingUnitIds = new ArrayList<>(t.coordinatingUnitIds().stream().map(String::strip).toList());
        List<UnitRef> coordinators = new ArrayList<>();
        for (UnitRef c : t.coordinators()) {
            UnitRef r = ref(c);
            coordinators.add(r == null ? c : r);
            if (r != null && r.unitId() != null && !coordinatingUnitIds.contains(r.unitId())) {
                coordinatingUnitIds.add(r.unitId());
            }
        }
        for (String unitId : coordinatingUnitIds) {
            if (coordinators.stream().noneMatch(c -> unitId.equals(c.unitId()))) {
                coordinators.add(new UnitRef(unitId, null));
            }
        }
        return new PlanTask(id, t.number().strip(), t.title().strip(), leadUnitId, coordinatingUnitIds,
                complete(t.timeFrame(), planYear), t.products(), lead, coordinators,
                t.alternativeTimeFrame() == null ? null : complete(t.alternativeTimeFrame(), planYear), blankToNull(t.details()));
    }

    static UnitRef ref(UnitRef ref) {
        return ref == null ? null : new UnitRef(blankToNull(ref.unitId()), blankToNull(ref.name()));
    }

    private static PartialDate date(PartialDate d) {
        return d == null ? null : new PartialDate(d.year(), d.month(), d.day(), blankToNull(d.text()));
    }

    private static LegalBasis basis(LegalBasis b) {
        return new LegalBasis(b.kind(), blankToNull(b.number()), b.date(), blankToNull(b.issuer()), blankToNull(b.title()),
                blankToNull(b.planId()), blankToNull(b.text()));
    }

    private static ParentPlanRef parent(ParentPlanRef p) {
        return p == null ? null : new ParentPlanRef(blankToNull(p.planId()), blankToNull(p.number()), p.date(), blankToNull(p.issuer()));
    }

    private static Signatory signatory(Signatory s) {
        return s == null ? null : new Signatory(blankToNull(s.authority()), blankToNull(s.position()), blankToNull(s.name()),
                s.mandates().stream().map(String::strip).filter(m -> !m.isEmpty()).toList());
    }

    private static ReportingDuty duty(ReportingDuty d) {
        return new ReportingDuty(d.period(), blankToNull(d.recipient()), d.periods(), d.periodic(), d.onRequest(), d.integrated(),
                d.deadline(), ref(d.reporter()), d.chain().stream().map(PlanEntries::ref).toList(), blankToNull(d.text()));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
