package vn.cchc.reporting.compliance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.access.UnitAccess;
import vn.cchc.security.CurrentUser;
import vn.cchc.reporting.VietnamTime;

@RestController
@Validated
class ComplianceController {
    private final ComplianceService compliance;
    private final Clock clock;

    ComplianceController(ComplianceService compliance, Clock clock) {
        this.compliance = compliance;
        this.clock = clock;
    }

    /**
     * {@code GET /api/reports/units/{unitId}/compliance?year=2026[&asOf=2026-06-30]}. For a province id (one segment)
     * the answer is the province roll-up: its own targets and one summary per commune. A caller whose scopes lie beneath
     * the province (a commune coordinator) gets the roll-up of those scopes only; any other unit outside the caller's
     * scopes is a 404.
     */
    @GetMapping("/api/reports/units/{unitId}/compliance")
    Object compliance(@PathVariable @Pattern(regexp = UnitPath.PATTERN) String unitId,
                      @RequestParam @Min(2000) @Max(2100) int year,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      CurrentUser user) {
        LocalDate day = asOf != null ? asOf : VietnamTime.date(clock.instant());
        if (unitId.contains(".")) {
            UnitAccess.requireVisible(user, unitId);
            return compliance.unit(unitId, year, day);
        }
        return compliance.province(unitId, year, day, UnitAccess.visibleWithin(user, unitId));
    }
}
