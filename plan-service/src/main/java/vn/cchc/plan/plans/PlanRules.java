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
        for (int i = 0; i < plan.tasks().size(); i++) {
            PlanTask t = plan.tasks().get(i);
            String at = "tasks[" + i + "]";
            uniqueId(errors, ids, at, t.id());
            unit(errors, at + ".leadUnitId", t.leadUnitId(), units, issuer);
            for (int j = 0; j < t.coordinatingUnitIds().size(); j++) {
                unit(errors, at + ".coordinatingUnitIds[" + j + "]", t.coordinatingUnitIds().get(j), units, null);
            }
            timeFrame(errors, at + ".timeFrame", t.timeFrame());
        }
        return errors;
    }

    private static void timeFrame(List<FieldError> errors, String at, TimeFrame tf) {
        switch (tf.type()) {
            case DATE -> require(errors, at + ".date", tf.date() != null, "A DATE time frame needs its date.");
            case MONTH -> require(errors, at + ".month", tf.month() != null, "A MONTH time frame needs its month (1-12).");
            case QUARTER -> require(errors, at + ".quarter", tf.quarter() != null, "A QUARTER time frame needs its quarter (1-4).");
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
