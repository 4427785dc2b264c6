package vn.cchc.reporting.live;

import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.cchc.platform.units.UnitPath;

@RestController
@Validated
class LiveController {
    private final LiveUpdates live;

    LiveController(LiveUpdates live) {
        this.live = live;
    }

    /** {@code GET /api/reports/stream[?unitId=vinh-long]}: events {@code change} and {@code target-status}. */
    @GetMapping(path = "/api/reports/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) @Pattern(regexp = UnitPath.PATTERN) String unitId) {
        return live.subscribe(unitId);
    }
}
