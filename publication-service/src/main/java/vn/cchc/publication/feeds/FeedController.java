package vn.cchc.publication.feeds;

import jakarta.validation.Valid;
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
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.publication.Channel;
import vn.cchc.publication.units.UnitDirectory;

/** Feed subscriptions under {@code /api/publications/feeds}. */
@RestController
@RequestMapping("/api/publications/feeds")
class FeedController {
    /** @param channel WEBSITE (default) or PROVINCIAL_PORTAL: the channel whose feed this is */
    record SubscriptionRequest(@NotBlank @Pattern(regexp = UnitPath.PATTERN) String unitId,
                               @NotBlank @Size(max = 2000) String url,
                               Channel channel) {
    }

    private final FeedSubscriptionRepository subscriptions;
    private final FeedCapture capture;
    private final UnitDirectory units;
    private final MongoTemplate mongo;
    private final Clock clock;

    FeedController(FeedSubscriptionRepository subscriptions, FeedCapture capture, UnitDirectory units,
                   MongoTemplate mongo, Clock clock) {
        this.subscriptions = subscriptions;
        this.capture = capture;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** 201 for a new subscription, 200 with the existing one when the unit already follows this feed. */
    @PostMapping
    ResponseEntity<FeedSubscription> subscribe(@Valid @RequestBody SubscriptionRequest request) {
        Channel channel = request.channel() == null ? Channel.WEBSITE : request.channel();
        List<FieldError> errors = new ArrayList<>();
        if (channel != Channel.WEBSITE && channel != Channel.PROVINCIAL_PORTAL) {
            errors.add(new FieldError("channel", "feed-channel", "Feeds are captured for WEBSITE or PROVINCIAL_PORTAL."));
        }
        if (!isHttpUrl(request.url())) {
            errors.add(new FieldError("url", "http-url", "Must be an http:// or https:// link."));
        }
        errors.addAll(units.check(request.unitId(), channel.name(), true));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Optional<FeedSubscription> existing = subscriptions.findByKey(FeedSubscription.keyOf(request.unitId(), request.url()));
        if (existing.isPresent()) {
            activate(existing.get().getId());
            return ResponseEntity.ok(subscriptions.findById(existing.get().getId()).orElseThrow());
        }
        try {
            FeedSubscription created = subscriptions.insert(new FeedSubscription(UUID.randomUUID().toString(),
                    request.unitId(), request.url().strip(), channel, clock.instant()));
            return ResponseEntity.created(URI.create("/api/publications/feeds/" + created.getId())).body(created);
        } catch (DuplicateKeyException race) {
            return ResponseEntity.ok(subscriptions.findByKey(FeedSubscription.keyOf(request.unitId(), request.url())).orElseThrow());
        }
    }

    @GetMapping
    List<FeedSubscription> list(@RequestParam(required = false) String unit) {
        if (unit != null && !UnitPath.isValid(unit)) {
            throw new InvalidRequestException("unit", "pattern", "Must be a dot-separated unit id such as vinh-long.phu-khuong.");
        }
        Query query = unit == null ? new Query() : Query.query(Criteria.where("unitId").regex(UnitPath.subtreeRegex(unit)));
        return mongo.find(query, FeedSubscription.class);
    }

    @GetMapping("/{id}")
    FeedSubscription get(@PathVariable String id) {
        return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("No feed subscription " + id));
    }

    /** Stops polling; what was recorded from the feed stays. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable String id) {
        get(id);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("active", false), FeedSubscription.class);
        return ResponseEntity.noContent().build();
    }

    /** Polls the feed now instead of waiting for the schedule. */
    @PostMapping("/{id}/poll")
    FeedCapture.PollResult poll(@PathVariable String id) {
        return capture.poll(get(id));
    }

    private void activate(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("active", true), FeedSubscription.class);
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
