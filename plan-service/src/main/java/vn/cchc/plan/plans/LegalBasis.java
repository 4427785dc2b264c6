package vn.cchc.plan.plans;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One document the plan implements or cites as its basis ("Thực hiện Kế hoạch số 125/KH-UBND ngày 29/12/2025 của
 * UBND tỉnh…"): kind, number, date, issuer; {@code planId} when it is a plan in the system; {@code text} as written.
 */
public record LegalBasis(
        @NotNull LegalDocumentKind kind,
        @Size(max = 100) String number,
        LocalDate date,
        @Size(max = 300) String issuer,
        @Size(max = 1000) String title,
        @Size(max = 100) String planId,
        @Size(max = 2000) String text) {
}
