package vn.cchc.plan.plans;

import jakarta.validation.constraints.Size;

/**
 * A unit as a plan names it: {@code unitId} when it is one unit of the directory, null for a group
 * ("Các cơ quan, đơn vị có liên quan", "các cơ quan chuyên môn UBND xã") or a body outside the directory;
 * {@code name} keeps the wording. At least one of the two is given.
 */
public record UnitRef(@Size(max = 200) String unitId, @Size(max = 500) String name) {

    public static UnitRef of(String unitId) {
        return unitId == null ? null : new UnitRef(unitId, null);
    }
}
