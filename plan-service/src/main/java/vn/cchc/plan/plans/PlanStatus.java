package vn.cchc.plan.plans;

/** DRAFT (private, editable) → ISSUED → AMENDED (each amendment a new revision) → CLOSED. */
public enum PlanStatus {
    DRAFT, ISSUED, AMENDED, CLOSED;

    boolean isLive() {
        return this == ISSUED || this == AMENDED;
    }
}
