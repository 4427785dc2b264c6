package vn.cchc.publication;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.publication.web.RequestBodies;
import org.springframework.stereotype.Service;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.publication.plans.PlanReferences;
import vn.cchc.publication.units.UnitDirectory;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;
import vn.cchc.security.ForbiddenException;

/**
 * Records, corrects and retracts publications. Every accepted change is one single-document write that also holds
 * its event (the outbox); bad input changes nothing.
 */
@Service
public class PublicationService {
    /** The outcome of recording: the stored item, and whether this call created it (false = duplicate). */
    public record Recorded(Publication publication, boolean created) {
    }

    private final PublicationRepository repository;
    private final PublicationStore store;
    private final UnitDirectory units;
    private final Validator validator;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MongoTemplate mongo;
    private final PlanReferences plans;

    PublicationService(PublicationRepository repository, PublicationStore store, UnitDirectory units,
                       Validator validator, Clock clock, MeterRegistry meters, MongoTemplate mongo,
                       PlanReferences plans) {
        this.mongo = mongo;
        this.plans = plans;
        this.repository = repository;
        this.store = store;
        this.units = units;
        this.validator = validator;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Validates, then stores the item and its {@code recorded} event in one write. The same item recorded again
     * (same client request id, or same unit + channel + link) returns the first record and stores nothing. A link-less
     * item like a stored one (same unit, channel, kind and minute) is refused with {@link ProbableDuplicateException}
     * unless {@code confirmDuplicate}.
     */
    public Recorded record(RecordPublicationRequest raw, Publication.Source source, String by) {
        return record(raw, List.of(), false, source, by);
    }

    /**
     * @param bodyErrors       errors already found reading the body (values that could not be read): reported with
     *                         every other error in one 400
     * @param confirmDuplicate record the item even if it looks like a stored link-less one
     */
    public Recorded record(RecordPublicationRequest raw, List<FieldError> bodyErrors, boolean confirmDuplicate,
                           Publication.Source source, String by) {
        RecordPublicationRequest request = raw.sanitized();
        requireValid(request, withControlCharacters(raw, bodyErrors));
        Recorded recorded;
        try {
            recorded = insertUnlessDuplicate(request, confirmDuplicate, source, by);
        } catch (ProbableDuplicateException e) {
            count(source, request.channel(), "probable-duplicate");
            throw e;
        }
        // ops can see how often units re-send the same item (by hand, spreadsheet or feed)
        count(source, request.channel(), recorded.created() ? "created" : "duplicate");
        return recorded;
    }

    /** Tags source × channel × outcome: enums, so the series stay few (the business dashboard's items per channel). */
    private void count(Publication.Source source, Channel channel, String outcome) {
        meters.counter("cchc.publications.recorded", "source", source.name(), "channel", channel.name(), "outcome", outcome)
                .increment();
    }

    private Recorded insertUnlessDuplicate(RecordPublicationRequest request, boolean confirmDuplicate,
                                           Publication.Source source, String by) {
        Optional<Publication> existing = findDuplicate(request);
        if (existing.isPresent()) {
            return new Recorded(existing.get(), false);
        }
        if (!confirmDuplicate) {
            findProbableDuplicate(request, null).ifPresent(probable -> {
                throw new ProbableDuplicateException(probable);
            });
        }
        try {
            return new Recorded(repository.insert(new Publication(UUID.randomUUID().toString(), request, source,
                    clock.instant(), by, confirmDuplicate)), true);
        } catch (DuplicateKeyException race) {
            // a concurrent request for the same item won: answer with its record (same key or link), or refuse
            // this one as its probable duplicate (same link-less identity: the duplicateKey index)
            Optional<Publication> winner = findDuplicate(request);
            if (winner.isPresent()) {
                return new Recorded(winner.get(), false);
            }
            throw new ProbableDuplicateException(findProbableDuplicate(request, null).orElseThrow(() -> race));
        }
    }

    /** Every rule a recorded item must meet (annotations, cross-field rules, the unit directory), on sanitised input. */
    public List<FieldError> validate(RecordPublicationRequest request) {
        return validate(request, List.of());
    }

    /**
     * Every error at once, sorted by field: {@code prior} (values that could not be read, cells that could not be
     * parsed) plus every rule broken by the rest; a field already in {@code prior} is not reported again.
     */
    public List<FieldError> validate(RecordPublicationRequest request, List<FieldError> prior) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<RecordPublicationRequest> v : validator.validate(request)) {
            errors.add(new FieldError(v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", ""), RequestBodies.rule(v),
                    v.getMessage()));
        }
        errors.addAll(PublicationRules.check(request, clock));
        if (request.unitId() != null && errors.stream().noneMatch(e -> e.field().equals("unitId"))
                && prior.stream().noneMatch(e -> e.field().equals("unitId"))) {
            errors.addAll(units.check(request.unitId(), request.channel()));
        }
        // a plan id is asked of plan-service (with the caller's token) only once it is well-formed; the unit's line
        // is checked only against a unit that is itself valid (a wrong unit is reported as such)
        if (request.planId() != null && errors.stream().noneMatch(e -> e.field().equals("planId"))
                && prior.stream().noneMatch(e -> sameField(e.field(), "planId"))) {
            boolean unitValid = Stream.concat(errors.stream(), prior.stream()).noneMatch(e -> e.field().equals("unitId"));
            plans.check(request.planId(), unitValid ? request.unitId() : null).ifPresent(errors::add);
        }
        List<FieldError> all = new ArrayList<>(prior);
        errors.stream().filter(e -> prior.stream().noneMatch(p -> sameField(p.field(), e.field()))).forEach(all::add);
        return RequestBodies.sorted(all);
    }

    private static boolean sameField(String reported, String field) {
        String base = reported.replaceAll("[.\\[].*$", "");
        return field.equals(reported) || field.equals(base) || field.startsWith(base + ".") || field.startsWith(base + "[");
    }

    /** The record this (sanitised, valid) request would duplicate, if any. */
    public Optional<Publication> findDuplicate(RecordPublicationRequest request) {
        if (request.clientRequestId() != null) {
            Optional<Publication> byKey = repository.findByRequestKey(
                    Publication.requestKeyOf(request.unitId(), request.clientRequestId()));
            if (byKey.isPresent()) {
                return byKey;
            }
        }
        if (request.url() != null) {
            return repository.findByUrlKey(request.unitId() + "|" + request.channel() + "|" + UrlKey.normalize(request.url()));
        }
        return Optional.empty();
    }

    /**
     * For a link-less (sanitised, valid) request: the earliest-recorded active item of the same unit, channel and kind
     * published in the same minute, other than {@code exceptId}. Items with a link count too: the same programme may
     * have been recorded with its podcast link.
     */
    public Optional<Publication> findProbableDuplicate(RecordPublicationRequest request, String exceptId) {
        if (request.url() != null) {
            return Optional.empty();
        }
        java.time.Instant minute = ProbableDuplicate.minuteStart(request.publishedAt().toInstant());
        Criteria criteria = Criteria.where("unitId").is(request.unitId()).and("channel").is(request.channel().name())
                .and("kind").is(request.kind().name()).and("status").is(Publication.Status.ACTIVE.name())
                .and("publishedAt").gte(minute).lt(minute.plusSeconds(60));
        if (exceptId != null) {
            criteria = criteria.and("_id").ne(exceptId);
        }
        Query query = Query.query(criteria).with(Sort.by("recordedAt", "_id")).limit(1);
        query.fields().exclude("history", "pendingEvents");
        return Optional.ofNullable(mongo.findOne(query, Publication.class));
    }

    /** Any item, whatever its unit: for internal use (tests, the service itself). */
    public Publication get(String id) {
        return repository.findById(id).orElseThrow(() -> notFound(id));
    }

    /** An item the caller may read; outside the caller's units it answers 404, as if it did not exist. */
    public Publication get(String id, CurrentUser user) {
        Publication publication = get(id);
        if (!user.canRead(publication.getUnitId())) {
            throw notFound(id);
        }
        return publication;
    }

    /**
     * Replaces the item's state; {@code expectedRevision} (from If-Match) guards against overwriting a newer change.
     * The caller must be allowed to record publications for the item's unit and, when the correction moves it, for
     * the new unit (403 otherwise, checked before anything else: nothing is changed, nothing is emitted).
     */
    public Publication correct(String id, RecordPublicationRequest raw, Long expectedRevision, CurrentUser user) {
        return correct(id, raw, List.of(), false, expectedRevision, user);
    }

    /**
     * A correction that changes what identifies a link-less item (unit, channel, kind, minute, or dropping the link)
     * so that it looks like another stored item is refused as a probable duplicate unless {@code confirmDuplicate};
     * a correction that keeps that identity (a title fix) is never refused for it.
     */
    public Publication correct(String id, RecordPublicationRequest raw, List<FieldError> bodyErrors,
                               boolean confirmDuplicate, Long expectedRevision, CurrentUser user) {
        Publication publication = writable(id, user);
        String newUnit = raw.unitId() == null ? null : raw.unitId().strip();
        if (newUnit != null && UnitPath.isValid(newUnit)) {
            user.requireWrite(newUnit, Action.RECORD_PUBLICATIONS);
        }
        requireRevision(publication, expectedRevision);
        RecordPublicationRequest request = raw.sanitized();
        requireValid(request, withControlCharacters(raw, bodyErrors));
        boolean identityChanges = request.url() != null ? false
                : !ProbableDuplicate.key(request).equals(publication.probableDuplicateIdentity());
        if (identityChanges && !confirmDuplicate) {
            findProbableDuplicate(request, id).ifPresent(probable -> {
                throw new ProbableDuplicateException(probable);
            });
        }
        long from = publication.getRevision();
        try {
            store.saveChange(publication, from, publication.correct(request, clock.instant(), user.username(), confirmDuplicate));
        } catch (DuplicateKeyException clash) {
            // a concurrent link-less item took this identity, or another record of the unit has this link
            Optional<Publication> probable = findProbableDuplicate(request, id);
            if (probable.isPresent() && request.url() == null) {
                throw new ProbableDuplicateException(probable.get());
            }
            throw new ConflictException("Another publication of this unit on " + request.channel() + " already has this link.");
        }
        return publication;
    }

    public Publication retract(String id, String reason, Long expectedRevision, CurrentUser user) {
        Publication publication = writable(id, user);
        requireRevision(publication, expectedRevision);
        ControlCharacters.check("reason", reason, true).ifPresent(e -> {
            throw new InvalidRequestException(List.of(e));
        });
        String plainReason = PlainText.of(reason);
        if (plainReason == null) {
            throw new InvalidRequestException("reason", "not-blank", "A retraction needs its reason.");
        }
        long from = publication.getRevision();
        store.saveChange(publication, from, publication.retract(plainReason, clock.instant(), user.username()));
        return publication;
    }

    public Publication updateEngagement(String id, Engagement figures, Long expectedRevision, CurrentUser user) {
        Publication publication = writable(id, user);
        requireRevision(publication, expectedRevision);
        long from = publication.getRevision();
        store.saveChange(publication, from, publication.updateEngagement(figures, clock.instant(), user.username()));
        return publication;
    }

    /**
     * The item, if the caller may record publications for its unit; 403 otherwise. The answer names neither the unit
     * nor anything else of the item, so it reveals no more than that the id exists.
     */
    private Publication writable(String id, CurrentUser user) {
        Publication publication = get(id);
        if (!user.canWrite(publication.getUnitId(), Action.RECORD_PUBLICATIONS)) {
            throw new ForbiddenException("Publication " + id + " is outside your units " + user.scopes()
                    + ", or your roles " + user.roles() + " do not allow recording publications.");
        }
        return publication;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No publication " + id);
    }

    private static void requireRevision(Publication publication, Long expectedRevision) {
        String id = publication.getId();
        if (expectedRevision != null && expectedRevision != publication.getRevision()) {
            throw new vn.cchc.platform.web.ConflictException("Publication " + id + " is at revision "
                    + publication.getRevision() + ", not " + expectedRevision + "; reload it and try again.", true);
        }
    }

    /** The errors found reading the body plus every field of it (as sent) holding a control character. */
    public static List<FieldError> withControlCharacters(RecordPublicationRequest raw, List<FieldError> prior) {
        List<FieldError> all = new ArrayList<>(prior);
        ControlCharacters.check(raw).stream()
                .filter(e -> prior.stream().noneMatch(p -> p.field().equals(e.field()))).forEach(all::add);
        return all;
    }

    private void requireValid(RecordPublicationRequest request, List<FieldError> prior) {
        List<FieldError> errors = validate(request, prior);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
