package vn.cchc.plan.plans;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The legal basis ("Thực hiện Kế hoạch số 125/KH-UBND ngày 29/12/2025 của UBND tỉnh…"): by id when the parent
 * plan is in the system, else by number, date and issuer as written.
 */
public record ParentPlanRef(@Size(max = 100) String planId, @Size(max = 100) String number, LocalDate date,
                            @Size(max = 300) String issuer) {
}
