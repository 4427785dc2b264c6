package vn.cchc.publication;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;
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

    PublicationService(PublicationRepository repository, PublicationStore store, UnitDirectory units,
                       Validator validator, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.store = store;
        this.units = units;
        this.validator = validator;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Validates, then stores the item and its {@code recorded} event in one write. The same item recorded again
     * (same client request id, or same unit + channel + link) returns the first record and stores nothing.
     */
    public Recorded record(RecordPublicationRequest raw, Publication.Source source, String by) {
        RecordPublicationRequest request = raw.sanitized();
        requireValid(request);
        Recorded recorded = insertUnlessDuplicate(request, source, by);
        // ops can see how often units re-send the same item (by hand, spreadsheet or feed)
        meters.counter("cchc.publications.recorded", "source", source.name(),
                "outcome", recorded.created() ? "created" : "duplicate").increment();
        return recorded;
    }

    private Recorded insertUnlessDuplicate(RecordPublicationRequest request, Publication.Source source, String by) {
        Optional<Publication> existing = findDuplicate(request);
        if (existing.isPresent()) {
            return new Recorded(existing.get(), false);
        }
        try {
            return new Recorded(repository.insert(new Publication(UUID.randomUUID().toString(), request, source,
                    clock.instant(), by)), true);
        } catch (DuplicateKeyException race) {
            // a concurrent request for the same item won: answer with its record
            return new Recorded(findDuplicate(request).orElseThrow(() -> race), false);
        }
    }

    /** Every rule a recorded item must meet (annotations, cross-field rules, the unit directory), on sanitised input. */
    public List<FieldError> validate(RecordPublicationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<RecordPublicationRequest> v : validator.validate(request)) {
            errors.add(new FieldError(v.getPropertyPath().toString(),
                    kebab(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()), v.getMessage()));
        }
        errors.addAll(PublicationRules.check(request, clock));
        if (request.unitId() != null && errors.stream().noneMatch(e -> e.field().equals("unitId"))) {
            errors.addAll(units.check(request.unitId(), request.channel()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** The record this (sanitised, valid) request would duplicate, if any. */
    public Optional<Publication> findDuplicate(RecordPublicationRequest request) {
        if (request.clientRequestId() != null) {
            Optional<Publication> byKey = repository.findByRequestKey("client:" + request.clientRequestId());
            if (byKey.isPresent()) {
                return byKey;
            }
        }
        if (request.url() != null) {
            return repository.findByUrlKey(request.unitId() + "|" + request.channel() + "|" + UrlKey.normalize(request.url()));
        }
        return Optional.empty();
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
        Publication publication = writable(id, user);
        user.requireWrite(raw.unitId() == null ? null : raw.unitId().strip(), Action.RECORD_PUBLICATIONS);
        requireRevision(publication, expectedRevision);
        RecordPublicationRequest request = raw.sanitized();
        requireValid(request);
        long from = publication.getRevision();
        store.saveChange(publication, from, publication.correct(request, clock.instant(), user.username()));
        return publication;
    }

    public Publication retract(String id, String reason, Long expectedRevision, CurrentUser user) {
        Publication publication = writable(id, user);
        requireRevision(publication, expectedRevision);
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

    private void requireValid(RecordPublicationRequest request) {
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** NotBlank → not-blank, as the Problem Details advice names rules. */
    private static String kebab(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
