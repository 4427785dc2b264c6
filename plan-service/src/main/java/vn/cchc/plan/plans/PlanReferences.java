package vn.cchc.plan.plans;

import java.util.Optional;
import vn.cchc.plan.common.Caller;
import vn.cchc.platform.units.UnitPath;

/**
 * Which stored plans a plan may link to by id. Checked against the referenced plan's own unit and the caller's units,
 * with one answer ("unknown-plan") whether the plan is absent or out of reach, so the check reveals nothing.
 *
 * <ul>
 *   <li>{@code parentPlan.planId}: plans form a tree (province → commune → agency), so the parent is a plan of the
 *       plan's own issuing unit or of a unit above it. A commune cannot hang its plan under another commune's.</li>
 *   <li>{@code legalBases[].planId}: a plan of a unit above the issuing unit (what it carries out), or any plan the
 *       caller may read (a province admin citing a department's plan).</li>
 * </ul>
 */
final class PlanReferences {
    private PlanReferences() {
    }

    static boolean mayBeParent(String parentId, String planId, String issuingUnitId, PlanRepository plans) {
        return issuingUnit(parentId, planId, plans)
                .filter(parentUnit -> UnitPath.within(issuingUnitId, parentUnit)).isPresent();
    }

    static boolean mayBeBasis(String basisId, String planId, String issuingUnitId, Caller caller, PlanRepository plans) {
        return issuingUnit(basisId, planId, plans)
                .filter(unit -> UnitPath.within(issuingUnitId, unit) || caller.canRead(unit)).isPresent();
    }

    private static Optional<String> issuingUnit(String referencedId, String planId, PlanRepository plans) {
        if (referencedId.equals(planId)) {
            return Optional.empty();
        }
        return plans.findById(referencedId).map(Plan::getIssuingUnitId).filter(unit -> unit != null);
    }
}
