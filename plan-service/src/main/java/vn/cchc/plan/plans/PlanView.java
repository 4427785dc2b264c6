package vn.cchc.plan.plans;

import java.time.Instant;

/** A plan as the API shows it: identity, lifecycle and the current content under {@code plan}. */
public record PlanView(String id, PlanStatus status, long revision, Instant createdAt, Instant changedAt,
                       Instant issuedAt, Instant closedAt, PlanContent plan) {
    static PlanView of(Plan p) {
        return new PlanView(p.getId(), p.getStatus(), p.getRevision(), p.getCreatedAt(), p.getChangedAt(),
                p.getIssuedAt(), p.getClosedAt(), p.getContent());
    }
}
