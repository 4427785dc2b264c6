package vn.cchc.task.calendar;

import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.security.CurrentUser;
import vn.cchc.task.tasks.TaskQuery;

/**
 * Calendar subscriptions by secret address, for calendar apps that subscribe by URL and cannot send a token:
 * <ul>
 *   <li>{@code POST /api/tasks/calendar/feeds {"unitId": …}}: a new subscription, its key shown once (201);</li>
 *   <li>{@code GET /api/tasks/calendar/feeds}: the caller's subscriptions (never their keys);</li>
 *   <li>{@code DELETE /api/tasks/calendar/feeds/{id}}: revoke one of the caller's (204; another's or unknown: 404);</li>
 *   <li>{@code GET /api/tasks/calendar/feeds/{key}.ics}: the feed, <b>without a token</b>; a malformed, unknown, revoked
 *       or expired key is a bare 404 that tells nothing.</li>
 * </ul>
 */
@RestController
class CalendarSubscriptionController {
    static final String FEEDS = "/api/tasks/calendar/feeds";
    private final CalendarSubscriptions subscriptions;
    private final TaskQuery query;

    CalendarSubscriptionController(CalendarSubscriptions subscriptions, TaskQuery query) {
        this.subscriptions = subscriptions;
        this.query = query;
    }

    record CreateRequest(String unitId) {
    }

    /** A subscription as its owner sees it; {@code key} and {@code feedPath} only in the answer to its creation. */
    record SubscriptionView(String id, String unitId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                            String key, String feedPath) {
        static SubscriptionView of(CalendarSubscription s, String key) {
            return new SubscriptionView(s.id(), s.unitId(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), key,
                    key == null ? null : FEEDS + "/" + key + ".ics");
        }
    }

    @PostMapping(FEEDS)
    ResponseEntity<SubscriptionView> create(@RequestBody CreateRequest request, @AuthenticationPrincipal Jwt jwt,
                                            CurrentUser user) {
        CalendarSubscriptions.Created created = subscriptions.create(request.unitId(), jwt.getSubject(), user);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(SubscriptionView.of(created.subscription(), created.key()));
    }

    @GetMapping(FEEDS)
    List<SubscriptionView> mine(@AuthenticationPrincipal Jwt jwt) {
        return subscriptions.mine(jwt.getSubject()).stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    @DeleteMapping(FEEDS + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        subscriptions.revoke(id, jwt.getSubject());
    }

    /** Open (no token, see {@link CalendarFeedSecurity}): the key is the credential. */
    @GetMapping(FEEDS + "/{file:.+\\.ics}")
    ResponseEntity<String> feed(@PathVariable String file) {
        String key = file.substring(0, file.length() - ".ics".length());
        return subscriptions.use(key)
                .map(s -> ResponseEntity.ok().contentType(CalendarController.TEXT_CALENDAR)
                        .header("Content-Disposition", "inline; filename=\"" + s.unitId() + ".ics\"")
                        .header("Referrer-Policy", "no-referrer")
                        .header("X-Robots-Tag", "noindex")
                        .body(TaskCalendar.render(s.unitId(),
                                query.find(new TaskQuery.Filter(null, s.unitId(), null, null, null), s.scopes()))))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
