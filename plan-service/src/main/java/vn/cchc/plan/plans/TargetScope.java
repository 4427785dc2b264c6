package vn.cchc.plan.plans;

/** Whose publications count: the target's unit only, or it and every unit beneath it. */
public enum TargetScope { UNIT, SUBTREE }
