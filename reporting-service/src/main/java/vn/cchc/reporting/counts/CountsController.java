package vn.cchc.reporting.counts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.access.UnitAccess;
import vn.cchc.security.CurrentUser;

@RestController
@Validated
class CountsController {
    private final CountsQuery counts;

    CountsController(CountsQuery counts) {
        this.counts = counts;
    }

    /** {@code GET /api/reports/units/vinh-long.phu-khuong/counts?year=2026[&includeSubunits=true]} */
    @GetMapping("/api/reports/units/{unitId}/counts")
    UnitCounts counts(@PathVariable @Pattern(regexp = UnitPath.PATTERN) String unitId,
                      @RequestParam @Min(2000) @Max(2100) int year,
                      @RequestParam(defaultValue = "false") boolean includeSubunits, CurrentUser user) {
        UnitAccess.requireVisible(user, unitId);
        return counts.counts(unitId, year, includeSubunits);
    }
}
