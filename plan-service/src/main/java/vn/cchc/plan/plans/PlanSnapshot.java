package vn.cchc.plan.plans;

import java.time.Instant;

/** A published revision of a plan, kept so that earlier revisions stay readable after amendments. */
public record PlanSnapshot(long revision, PlanStatus status, PlanContent plan, Instant at, String note) {
}
