package vn.cchc.plan.plans;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.cchc.plan.units.Unit;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.FieldError;

/**
 * The business rules of a plan's content, beyond the shape checked by Bean Validation: units named must exist
 * and be active (whether the caller may plan for the issuing unit is checked before, as a 403); targets, scheduled items and lead units lie in
 * the issuing unit's subtree; dates fall in the plan year; time frames are complete; entry ids are unique.
 * Units named as written ({@link UnitRef}) are checked when they carry a unitId and need a name otherwise; a task needs
 * a lead; a reporting duty says something; dates written in parts are real dates; a duty names a task of the plan.
 */
final class PlanRules {
    private PlanRules() {
    }

    static List<FieldError> check(PlanContent plan, Function<String, Optional<Unit>> units) {
        List<FieldError> errors = new ArrayList<>();
        String issuer = plan.issuingUnitId();
        unit(errors, "issuingUnitId", issuer, units, null);

        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plan.targets().size(); i++) {
            Target t = plan.targets().get(i);
            String at = "targets[" + i + "]";
            uniqueId(errors, ids, at, t.id());
            unit(errors, at + ".unitId", t.unitId(), units, issuer);
        }
        for (int i = 0; i < plan.scheduledItems().size(); i++) {
            ScheduledItem s = plan.scheduledItems().get(i);
            String at = "scheduledItems[" + i + "]";
            uniqueId(errors, ids, at, s.id());
            unit(errors, at + ".unitId", s.unitId(), units, issuer);
            if (s.date().getYear() != plan.year()) {
                errors.add(new FieldError(at + ".date", "plan-year", "The date must fall in the plan year " + plan.year() + "."));
            }
            if (s.endTime() != null && s.startTime() == null) {
                errors.add(new FieldError(at + ".startTime", "required", "An end time needs a start time."));
            } else if (s.startTime() != null && s.endTime() != null
                    && !LocalTime.parse(s.endTime()).isAfter(LocalTime.parse(s.startTime()))) {
                errors.add(new FieldError(at + ".endTime", "after-start", "The end time must be after the start time."));
            }
        }
        Set<String> taskIds = new HashSet<>();
        for (int i = 0; i < plan.tasks().size(); i++) {
            PlanTask t = plan.tasks().get(i);
            String at = "tasks[" + i + "]";
            uniqueId(errors, ids, at, t.id());
            addIfPresent(taskIds, t.id());
            if (t.leadUnitId() != null) {
                unit(errors, at + ".leadUnitId", t.leadUnitId(), units, issuer);
            } else if (t.lead() == null || t.lead().name() == null || t.lead().name().isBlank()) {
                errors.add(new FieldError(at + ".lead", "required",
                        "A task needs a lead: a unit of the directory (leadUnitId) or, as written, a group (lead.name)."));
            }
            for (int j = 0; j < t.coordinatingUnitIds().size(); j++) {
                unit(errors, at + ".coordinatingUnitIds[" + j + "]", t.coordinatingUnitIds().get(j), units, null);
            }
            for (int j = 0; j < t.coordinators().size(); j++) {
                UnitRef c = t.coordinators().get(j);
                // a coordinator of the directory is checked once, under coordinatingUnitIds
                if (c.unitId() == null) {
                    unitRef(errors, at + ".coordinators[" + j + "]", c, units, null);
                }
            }
            timeFrame(errors, at + ".timeFrame", t.timeFrame());
            if (t.alternativeTimeFrame() != null) {
                timeFrame(errors, at + ".alternativeTimeFrame", t.alternativeTimeFrame());
            }
        }
        for (int i = 0; i < plan.targets().size(); i++) {
            unitRef(errors, "targets[" + i + "].responsible", plan.targets().get(i).responsible(), units, issuer);
        }
        for (int i = 0; i < plan.responsibilities().size(); i++) {
            Responsibility r = plan.responsibilities().get(i);
            String at = "responsibilities[" + i + "]";
            uniqueId(errors, ids, at, r.id());
            unitRef(errors, at + ".unit", r.unit(), units, null);
            for (int j = 0; j < r.duties().size(); j++) {
                Duty d = r.duties().get(j);
                String dat = at + ".duties[" + j + "]";
                uniqueId(errors, ids, dat, d.id());
                if (d.taskId() != null && !taskIds.contains(d.taskId())) {
                    errors.add(new FieldError(dat + ".taskId", "unknown-task", "The plan has no task " + d.taskId() + "."));
                }
            }
        }
        for (int i = 0; i < plan.milestones().size(); i++) {
            Milestone m = plan.milestones().get(i);
            String at = "milestones[" + i + "]";
            uniqueId(errors, ids, at, m.id());
            partialDate(errors, at + ".date", m.date());
            unitRef(errors, at + ".unit", m.unit(), units, null);
        }
        for (int i = 0; i < plan.reportingDuties().size(); i++) {
            ReportingDuty d = plan.reportingDuties().get(i);
            String at = "reportingDuties[" + i + "]";
            boolean says = (d.recipient() != null && !d.recipient().isBlank()) || !d.chain().isEmpty() || d.periodic()
                    || d.onRequest() || d.integrated() || d.deadline() != null || !d.periods().isEmpty();
            if (!says) {
                errors.add(new FieldError(at, "required", "A reporting duty needs a recipient, a chain, periods, a deadline "
                        + "or one of periodic / onRequest / integrated."));
            }
            unitRef(errors, at + ".reporter", d.reporter(), units, null);
            for (int j = 0; j < d.chain().size(); j++) {
                unitRef(errors, at + ".chain[" + j + "]", d.chain().get(j), units, null);
            }
        }
        partialDate(errors, "issuedDate", plan.issuedDate());
        if (plan.effectiveFrom() != null && plan.effectiveFrom().getYear() != plan.year()) {
            errors.add(new FieldError("effectiveFrom", "plan-year", "The plan takes effect in its year " + plan.year() + "."));
        }
        return errors;
    }

    private static void addIfPresent(Set<String> set, String id) {
        if (id != null) {
            set.add(id);
        }
    }

    /** A date as written: when year, month and day are all given they form a real date (not 31/02). */
    private static void partialDate(List<FieldError> errors, String at, PartialDate date) {
        if (date != null && date.year() != null && date.month() != null && date.day() != null
                && !PartialDate.real(date.year(), date.month(), date.day())) {
            errors.add(new FieldError(at, "date", "The day " + date.day() + "/" + date.month() + "/" + date.year() + " does not exist."));
        }
    }

    /** A unit as a plan names it: by id (then it must exist and be active, and lie {@code within} when given) or by name. */
    private static void unitRef(List<FieldError> errors, String at, UnitRef ref, Function<String, Optional<Unit>> units, String within) {
        if (ref == null) {
            return;
        }
        if (ref.unitId() != null && !ref.unitId().isBlank()) {
            unit(errors, at + ".unitId", ref.unitId(), units, within);
        } else if (ref.name() == null || ref.name().isBlank()) {
            errors.add(new FieldError(at, "required", "Name the unit: a unitId of the directory or, as written, a name."));
        }
    }

    private static void timeFrame(List<FieldError> errors, String at, TimeFrame tf) {
        switch (tf.type()) {
            case DATE -> require(errors, at + ".date", tf.date() != null, "A DATE time frame needs its date.");
            case MONTH -> require(errors, at + ".month", tf.month() != null, "A MONTH time frame needs its month (1-12).");
            case QUARTER -> require(errors, at + ".quarter", tf.quarter() != null, "A QUARTER time frame needs its quarter (1-4).");
            case HALF_YEAR -> require(errors, at + ".half", tf.half() != null, "A HALF_YEAR time frame needs its half (1 or 2).");
            case RECURRING -> require(errors, at + ".recurrence", tf.recurrence() != null,
                    "A RECURRING time frame needs its recurrence (WEEKLY, MONTHLY, QUARTERLY, YEARLY).");
            case RANGE -> {
                require(errors, at + ".fromMonth", tf.fromMonth() != null, "A RANGE time frame needs its first month.");
                require(errors, at + ".toMonth", tf.toMonth() != null, "A RANGE time frame needs its last month.");
                if (tf.fromMonth() != null && tf.toMonth() != null && tf.fromMonth() > tf.toMonth()) {
                    errors.add(new FieldError(at + ".toMonth", "range", "The last month comes before the first."));
                }
            }
            default -> { }
        }
    }

    private static void require(List<FieldError> errors, String field, boolean ok, String message) {
        if (!ok) {
            errors.add(new FieldError(field, "required", message));
        }
    }

    private static void uniqueId(List<FieldError> errors, Set<String> ids, String at, String id) {
        if (id != null && !ids.add(id)) {
            errors.add(new FieldError(at + ".id", "unique", "The entry id " + id + " is used twice in this plan."));
        }
    }

    /** The unit must exist and be active; with {@code within}, it must also be that unit or lie beneath it. */
    private static void unit(List<FieldError> errors, String field, String unitId, Function<String, Optional<Unit>> units, String within) {
        if (!UnitPath.isValid(unitId)) {
            errors.add(new FieldError(field, "pattern", "must be a dot-separated unit id such as vinh-long.phu-khuong"));
            return;
        }
        Optional<Unit> unit = units.apply(unitId);
        if (unit.isEmpty()) {
            errors.add(new FieldError(field, "unknown-unit", "No unit " + unitId + " in the directory."));
        } else if (!unit.get().isActive()) {
            errors.add(new FieldError(field, "retired-unit", "The unit " + unitId + " is retired."));
        } else if (within != null && !UnitPath.within(unitId, within)) {
            errors.add(new FieldError(field, "outside-issuing-unit", "The unit " + unitId + " is not " + within + " nor beneath it."));
        }
    }
}
