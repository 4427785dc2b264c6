package vn.cchc.plan.units;

/** Units are never deleted: a retired unit keeps its id and history, but no new plan entry may name it. */
public enum UnitStatus {
    ACTIVE, RETIRED
}
