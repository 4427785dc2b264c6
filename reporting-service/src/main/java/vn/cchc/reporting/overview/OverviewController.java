package vn.cchc.reporting.overview;

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
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.access.UnitAccess;
import vn.cchc.security.CurrentUser;

@RestController
@Validated
class OverviewController {
    private final OverviewService overview;
    private final Clock clock;

    OverviewController(OverviewService overview, Clock clock) {
        this.overview = overview;
        this.clock = clock;
    }

    /**
     * {@code GET /api/reports/units/{unitId}/overview?year=2026[&asOf=2026-06-30]}, with the access rules of compliance:
     * a province id gives the communes inside the caller's units (a commune coordinator: its own); any other id must lie
     * inside the caller's units and gives that unit alone; otherwise 404.
     */
    @GetMapping("/api/reports/units/{unitId}/overview")
    ProvinceOverview overview(@PathVariable @Pattern(regexp = UnitPath.PATTERN) String unitId,
                              @RequestParam @Min(2000) @Max(2100) int year,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                              CurrentUser user) {
        LocalDate day = asOf != null ? asOf : VietnamTime.date(clock.instant());
        if (unitId.contains(".")) {
            UnitAccess.requireVisible(user, unitId);
            return overview.unit(unitId, year, day);
        }
        return overview.province(unitId, year, day, UnitAccess.visibleWithin(user, unitId));
    }
}
