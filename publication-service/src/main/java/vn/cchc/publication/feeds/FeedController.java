package vn.cchc.publication.feeds;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.publication.Channel;
import vn.cchc.publication.units.UnitDirectory;
import vn.cchc.publication.web.RequestBodies;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;
import vn.cchc.security.ForbiddenException;

/**
 * Feed subscriptions under {@code /api/publications/feeds}. Subscribing, polling and unsubscribing need the right to
 * record publications for the subscription's unit (403); reads show only subscriptions of the caller's units (404).
 */
@RestController
@RequestMapping("/api/publications/feeds")
class FeedController {
    /** @param channel WEBSITE (default) or PROVINCIAL_PORTAL: the channel whose feed this is */
    record SubscriptionRequest(@NotBlank @Pattern(regexp = UnitPath.PATTERN) String unitId,
                               @NotBlank @Size(max = 2000) String url,
                               Channel channel) {
    }

    private final RequestBodies bodies;
    private final FeedSubscriptionRepository subscriptions;
    private final FeedCapture capture;
    private final UnitDirectory units;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final FeedAddressPolicy addresses;

    FeedController(FeedSubscriptionRepository subscriptions, FeedCapture capture, UnitDirectory units,
                   MongoTemplate mongo, Clock clock, RequestBodies bodies, FeedAddressPolicy addresses) {
        this.addresses = addresses;
        this.bodies = bodies;
        this.subscriptions = subscriptions;
        this.capture = capture;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * 201 for a new subscription, 200 with the existing one when the unit already follows this feed (a paused or
     * removed one is resumed). Every error of the body in one 400; a well-formed unitId outside the caller's units is 403.
     */
    @PostMapping
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = SubscriptionRequest.class)))
    ResponseEntity<FeedSubscription> subscribe(@RequestBody JsonNode body, CurrentUser user) {
        RequestBodies.Read<SubscriptionRequest> read = bodies.read(body, SubscriptionRequest.class);
        SubscriptionRequest request = read.value();
        List<FieldError> errors = new ArrayList<>(read.errors());
        boolean wellFormedUnit = !read.hasErrorOn("unitId");
        if (wellFormedUnit) {
            user.requireWrite(request.unitId(), Action.RECORD_PUBLICATIONS);
        } else if (!Action.RECORD_PUBLICATIONS.allowedFor(user.roles())) {
            throw new ForbiddenException("Your roles " + user.roles() + " do not allow " + Action.RECORD_PUBLICATIONS + ".");
        }
        Channel channel = request.channel() == null ? Channel.WEBSITE : request.channel();
        if (channel != Channel.WEBSITE && channel != Channel.PROVINCIAL_PORTAL) {
            errors.add(new FieldError("channel", "feed-channel", "Feeds are captured for WEBSITE or PROVINCIAL_PORTAL."));
        }
        if (!read.hasErrorOn("url")) {
            java.util.Optional<FieldError> control = vn.cchc.publication.ControlCharacters.check("url", request.url(), false);
            if (control.isPresent()) {
                errors.add(control.get());
            } else if (!isHttpUrl(request.url())) {
                errors.add(new FieldError("url", "http-url", "Must be an http:// or https:// link."));
            } else {
                // loopback, private, link-local (the metadata service), unique-local, CGNAT, multicast, localhost,
                // ports other than 80/443: refused now, and checked again (pinned) at every fetch
                errors.addAll(addresses.checkSubscription(request.url()));
            }
        }
        if (wellFormedUnit) {
            units.check(request.unitId(), channel.name(), true).stream()
                    .filter(e -> !read.hasErrorOn(e.field())).forEach(errors::add);
        }
        RequestBodies.throwIfAny(errors);
        Optional<FeedSubscription> existing = subscriptions.findByKey(FeedSubscription.keyOf(request.unitId(), request.url()));
        if (existing.isPresent()) {
            setFlags(existing.get().getId(), true, false);
            return ResponseEntity.ok(subscriptions.findById(existing.get().getId()).orElseThrow());
        }
        try {
            FeedSubscription created = subscriptions.insert(new FeedSubscription(UUID.randomUUID().toString(),
                    request.unitId(), request.url().strip(), channel, clock.instant(), user.username()));
            return ResponseEntity.created(URI.create("/api/publications/feeds/" + created.getId())).body(created);
        } catch (DuplicateKeyException race) {
            return ResponseEntity.ok(subscriptions.findByKey(FeedSubscription.keyOf(request.unitId(), request.url())).orElseThrow());
        }
    }

    @GetMapping
    List<FeedSubscription> list(@RequestParam(required = false) String unit, CurrentUser user) {
        if (unit != null && !UnitPath.isValid(unit)) {
            throw new InvalidRequestException("unit", "pattern", "Must be a dot-separated unit id such as vinh-long.phu-khuong.");
        }
        List<String> scopes = user.readableScopes();
        if (scopes.isEmpty()) {
            return List.of();
        }
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(new Criteria().orOperator(scopes.stream()
                .map(scope -> Criteria.where("unitId").regex(UnitPath.subtreeRegex(scope))).toList()));
        if (unit != null) {
            criteria.add(Criteria.where("unitId").regex(UnitPath.subtreeRegex(unit)));
        }
        criteria.add(Criteria.where("removed").ne(true));
        return mongo.find(new Query(new Criteria().andOperator(criteria)).with(Sort.by("unitId", "feedUrl")),
                FeedSubscription.class);
    }

    @GetMapping("/{id}")
    FeedSubscription get(@PathVariable String id, CurrentUser user) {
        return subscriptions.findById(id).filter(s -> user.canRead(s.getUnitId()) && !s.isRemoved())
                .orElseThrow(() -> new NotFoundException("No feed subscription " + id));
    }

    /** Removes the subscription: no more polling, no longer listed; what was recorded from the feed stays. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable String id, CurrentUser user) {
        writable(id, user);
        setFlags(id, false, true);
        return ResponseEntity.noContent().build();
    }

    /** Stops polling on the schedule until resumed; the subscription stays listed (status PAUSED). */
    @PostMapping("/{id}/pause")
    FeedSubscription pause(@PathVariable String id, CurrentUser user) {
        writable(id, user);
        setFlags(id, false, false);
        return subscriptions.findById(id).orElseThrow();
    }

    /** Polls on the schedule again (status ACTIVE). */
    @PostMapping("/{id}/resume")
    FeedSubscription resume(@PathVariable String id, CurrentUser user) {
        writable(id, user);
        setFlags(id, true, false);
        return subscriptions.findById(id).orElseThrow();
    }

    /** Polls the feed now instead of waiting for the schedule. */
    @PostMapping("/{id}/poll")
    FeedCapture.PollResult poll(@PathVariable String id, CurrentUser user) {
        FeedSubscription subscription = writable(id, user);
        try {
            return capture.pollNow(subscription);
        } catch (java.util.concurrent.RejectedExecutionException full) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "Every feed fetcher is busy and the queue is full; the feed is polled on its schedule.");
        }
    }

    /**
     * The subscription, if the caller may record publications for its unit: 404 when absent or outside the caller's
     * units (as on reads, so a write never reveals another unit's subscription), 403 for a role that may not write.
     */
    private FeedSubscription writable(String id, CurrentUser user) {
        FeedSubscription subscription = subscriptions.findById(id).filter(s -> !s.isRemoved() && user.canRead(s.getUnitId()))
                .orElseThrow(() -> new NotFoundException("No feed subscription " + id));
        if (!user.canWrite(subscription.getUnitId(), Action.RECORD_PUBLICATIONS)) {
            throw new ForbiddenException("Feed subscription " + id + " is outside your units " + user.scopes()
                    + ", or your roles " + user.roles() + " do not allow recording publications.");
        }
        return subscription;
    }

    private void setFlags(String id, boolean active, boolean removed) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("active", active).set("removed", removed),
                FeedSubscription.class);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
