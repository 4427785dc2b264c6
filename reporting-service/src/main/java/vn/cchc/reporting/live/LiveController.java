package vn.cchc.reporting.live;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.access.UnitAccess;
import vn.cchc.security.CurrentUser;

@RestController
@Validated
class LiveController {
    private final LiveUpdates live;
    private final LiveStreamLimits limits;

    LiveController(LiveUpdates live, LiveStreamLimits limits) {
        this.live = live;
        this.limits = limits;
    }

    /**
     * {@code GET /api/reports/stream[?unitId=vinh-long]}: events {@code change} and {@code target-status} of units inside
     * the caller's scopes: all of them without {@code unitId}; with it, that subtree (or, for a unit above the caller's
     * scopes such as its province, the caller's scopes beneath it); 404 for a unit outside them. 429 with Retry-After,
     * answered at once, when the caller (token {@code sub}) or this instance already holds as many streams as allowed
     * ({@link LiveStreamLimits}).
     */
    @GetMapping(path = "/api/reports/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) @Pattern(regexp = UnitPath.PATTERN) String unitId, CurrentUser user) {
        List<String> scopes = unitId == null ? user.readableScopes() : UnitAccess.visibleWithin(user, unitId);
        if (scopes.isEmpty()) {
            throw new vn.cchc.security.ForbiddenException("Your token names no units to watch.");
        }
        LiveStreamLimits.Slot slot = limits.acquire(subject(user));
        try {
            return live.subscribe(scopes, tokenExpiry(), slot::release);
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    private static Instant tokenExpiry() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? jwt.getToken().getExpiresAt() : null;
    }

    /** The token's {@code sub} (stable per person, unlike a display name); the username when a token has none. */
    private static String subject(CurrentUser user) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.getToken().getSubject() != null) {
            return jwt.getToken().getSubject();
        }
        return user.username();
    }
}
