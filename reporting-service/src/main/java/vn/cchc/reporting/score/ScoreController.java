package vn.cchc.reporting.score;

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
class ScoreController {
    private final ScoreService scores;

    ScoreController(ScoreService scores) {
        this.scores = scores;
    }

    /** {@code GET /api/reports/units/vinh-long.phu-khuong/score?year=2026}: the estimate with each point explained. */
    @GetMapping("/api/reports/units/{unitId}/score")
    ParScore score(@PathVariable @Pattern(regexp = UnitPath.PATTERN) String unitId,
                   @RequestParam @Min(2000) @Max(2100) int year, CurrentUser user) {
        UnitAccess.requireVisible(user, unitId);
        return scores.score(unitId, year);
    }
}
