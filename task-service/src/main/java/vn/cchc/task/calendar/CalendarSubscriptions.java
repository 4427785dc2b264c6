package vn.cchc.task.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.security.CurrentUser;
import vn.cchc.security.ForbiddenException;

/**
 * Creates, lists, revokes and resolves calendar subscriptions. The unit is checked against the caller's units before
 * anything is stored; the key leaves the service once, in the answer to its creation.
 */
@Service
class CalendarSubscriptions {
    /** Enough for every unit a person follows; stops a script from minting addresses without end. */
    static final int MAX_PER_OWNER = 20;
    private final CalendarSubscriptionRepository repository;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lifetime;

    CalendarSubscriptions(CalendarSubscriptionRepository repository, MongoTemplate mongo, Clock clock,
                          @Value("${cchc.tasks.calendar-feed-lifetime:365d}") Duration lifetime) {
        this.repository = repository;
        this.mongo = mongo;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new subscription and its key (the only time the key exists outside the caller's hands). */
    record Created(CalendarSubscription subscription, String key) {
    }

    Created create(String unitId, String owner, CurrentUser user) {
        if (unitId == null || unitId.isBlank()) {
            throw new InvalidRequestException("unitId", "required", "The unit whose tasks the calendar shows.");
        }
        if (!UnitPath.isValid(unitId)) {
            throw new InvalidRequestException("unitId", "pattern", "Not a unit id (e.g. lam-dong.bac-binh).");
        }
        if (!user.canRead(unitId)) {
            throw new ForbiddenException("Unit '" + unitId + "' is outside your units.");
        }
        Instant now = clock.instant();
        if (active(owner, now).size() >= MAX_PER_OWNER) {
            throw new ConflictException("You already have " + MAX_PER_OWNER + " calendar subscriptions; revoke one first.");
        }
        String key = FeedKey.generate();
        CalendarSubscription subscription = repository.insert(new CalendarSubscription(UUID.randomUUID().toString(),
                FeedKey.hash(key), owner, user.username(), unitId, user.readableScopes(), now, null, now.plus(lifetime)));
        return new Created(subscription, key);
    }

    /** The caller's subscriptions that still work, oldest first. */
    List<CalendarSubscription> active(String owner, Instant now) {
        return repository.findByOwnerOrderByCreatedAtAsc(owner).stream().filter(s -> s.activeAt(now)).toList();
    }

    List<CalendarSubscription> mine(String owner) {
        return active(owner, clock.instant());
    }

    /** Someone else's subscription is answered as absent, like an unknown one. */
    void revoke(String id, String owner) {
        long removed = mongo.remove(Query.query(Criteria.where("_id").is(id).and("owner").is(owner)),
                CalendarSubscription.class).getDeletedCount();
        if (removed == 0) {
            throw new NotFoundException("No calendar subscription " + id);
        }
    }

    /** The live subscription behind a key, marking it used; empty for a malformed, unknown, revoked or expired key. */
    Optional<CalendarSubscription> use(String key) {
        if (!FeedKey.wellFormed(key)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<CalendarSubscription> found = repository.findByKeyHash(FeedKey.hash(key)).filter(s -> s.activeAt(now));
        found.ifPresent(s -> mongo.updateFirst(Query.query(Criteria.where("_id").is(s.id())),
                Update.update("lastUsedAt", now), CalendarSubscription.class));
        return found;
    }
}
