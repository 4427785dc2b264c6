package vn.cchc.plan.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A report the plan owes. {@code periods} are the fixed periods (quý, 6 tháng, năm); {@code periodic} means "định kỳ"
 * (follow the CCHC reporting calendar), {@code onRequest} "đột xuất / theo yêu cầu", {@code integrated} "lồng ghép
 * trong báo cáo CCHC"; {@code deadline} a dated one ("trước ngày 20/01/2026"). {@code reporter} reports, along
 * {@code chain} (Trung tâm → Phòng VH-XH → Sở Nội vụ) to {@code recipient}. {@code period} is the first of
 * {@code periods} (kept for older clients); {@code text} the sentence as written.
 */
public record ReportingDuty(
        ReportPeriod period,
        @Size(max = 300) String recipient,
        List<@NotNull ReportPeriod> periods,
        Boolean periodic,
        Boolean onRequest,
        Boolean integrated,
        LocalDate deadline,
        @Valid UnitRef reporter,
        @Size(max = 10) List<@Valid @NotNull UnitRef> chain,
        @Size(max = 5000) String text) {
    public ReportingDuty {
        periodic = Boolean.TRUE.equals(periodic);
        onRequest = Boolean.TRUE.equals(onRequest);
        integrated = Boolean.TRUE.equals(integrated);
        periods = periods == null || periods.isEmpty() ? (period == null ? List.of() : List.of(period)) : List.copyOf(periods);
        if (period == null && !periods.isEmpty()) {
            period = periods.getFirst();
        }
        chain = chain == null ? List.of() : List.copyOf(chain);
        if ((recipient == null || recipient.isBlank()) && !chain.isEmpty()) {
            UnitRef last = chain.getLast();
            recipient = last.name() != null ? last.name() : last.unitId();
        }
    }

    public ReportingDuty(ReportPeriod period, String recipient) {
        this(period, recipient, null, false, false, false, null, null, null, null);
    }
}
