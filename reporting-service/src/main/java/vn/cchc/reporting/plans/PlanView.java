package vn.cchc.reporting.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.cchc.reporting.compliance.TargetDef;

/**
 * An issued plan as reporting keeps it (consumer-owned copy of the vn.cchc.plan.*.v1 data). Fields it does not use
 * (legal bases, contents, responsibilities, milestones, the task catalogue…) are ignored.
 *
 * @param effectiveFrom the first day the plan's targets count from (yyyy-mm-dd), as plan-service states it; absent in
 *                      events from before it existed, which means 1 January of {@code year} (see {@link #effectiveStart()})
 * @param issuingBody   the issuing body as the document heads it ("ỦY BAN NHÂN DÂN PHƯỜNG TÂN HẠNH"), when given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanView(String planId, long revision, String status, String issuingUnitId, String number, String title,
                       int year, String place, String issuedOn, List<TargetDef> targets,
                       List<ReportingDuty> reportingDuties, String effectiveFrom, String issuingBody) {
    public PlanView {
        targets = targets == null ? List.of() : targets;
        reportingDuties = reportingDuties == null ? List.of() : reportingDuties;
    }

    /** The first day targets count from: {@code effectiveFrom}, else (older events, or unreadable) 1 January of the year. */
    public LocalDate effectiveStart() {
        if (effectiveFrom != null && !effectiveFrom.isBlank()) {
            try {
                return LocalDate.parse(effectiveFrom);
            } catch (DateTimeParseException unreadable) {
                // fall through: judged as a plan in force for its whole year
            }
        }
        return LocalDate.of(year, 1, 1);
    }

    /** Whether the plan starts after 1 January of its year, so some periods are not judged. */
    public boolean startsLate() {
        return effectiveStart().isAfter(LocalDate.of(year, 1, 1));
    }

    /**
     * A report the plan owes. {@code period} and {@code recipient} may be null in plans that say "định kỳ, đột xuất"
     * or name the recipient only at the end of a {@code chain}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportingDuty(String period, String recipient, List<String> periods, Boolean periodic, Boolean onRequest,
                                Boolean integrated, String deadline, UnitRef reporter, List<UnitRef> chain, String text) {
        public ReportingDuty {
            periods = periods == null ? List.of() : periods;
            chain = chain == null ? List.of() : chain;
        }

        public ReportingDuty(String period, String recipient) {
            this(period, recipient, null, null, null, null, null, null, null, null);
        }

        /** Who receives the report: {@code recipient}, else the last of the chain that has a name; null when neither. */
        public String addressee() {
            if (recipient != null && !recipient.isBlank()) {
                return recipient;
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (chain.get(i) != null && chain.get(i).name() != null && !chain.get(i).name().isBlank()) {
                    return chain.get(i).name();
                }
            }
            return null;
        }
    }

    /** A unit as a plan names it: an id of the directory, or only a name (a group, a body outside the directory). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitRef(String unitId, String name) {
    }
}
