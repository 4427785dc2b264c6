package vn.cchc.publication;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;
import vn.cchc.security.ForbiddenException;
import vn.cchc.publication.web.RequestBodies;

/**
 * Every call carries a bearer token (platform-security). Reads show only items of the caller's units (others answer
 * 404, as if absent); writes need a role that records publications and the item's unit inside the caller's units
 * (403 otherwise, before anything is stored or emitted). Every change records its author from the token.
 */
@RestController
@RequestMapping("/api/publications")
class PublicationController {
    record RetractionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record History(String id, long revision, List<Publication.PastVersion> previousVersions) {
    }

    /** Body property of POST and PUT: record (or correct) a link-less item although it looks like a stored one. */
    static final String CONFIRM_DUPLICATE = "confirmDuplicate";

    private final PublicationService publications;
    private final PublicationQuery query;
    private final RequestBodies bodies;

    PublicationController(PublicationService publications, PublicationQuery query, RequestBodies bodies) {
        this.publications = publications;
        this.bodies = bodies;
        this.query = query;
    }

    /**
     * 201 for a new item; 200 with the first record when the same item (or the same Idempotency-Key) was recorded
     * before; 409 probable-duplicate for a link-less item like a stored one, unless {@code "confirmDuplicate": true}.
     * Every error of the body is reported in one 400; a well-formed unitId outside the caller's units is 403 first.
     */
    @PostMapping
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordPublicationRequest.class)))
    ResponseEntity<PublicationView> record(@RequestBody JsonNode body,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                           CurrentUser user) {
        RequestBodies.Read<RecordPublicationRequest> read = bodies.read(body, RecordPublicationRequest.class);
        List<FieldError> bodyErrors = new ArrayList<>(read.errors());
        boolean confirmDuplicate = RequestBodies.flag(body, CONFIRM_DUPLICATE, bodyErrors);
        String unitId = read.value().unitId() == null ? null : read.value().unitId().strip();
        if (unitId != null && UnitPath.isValid(unitId)) {
            user.requireWrite(unitId, Action.RECORD_PUBLICATIONS);
        } else if (!Action.RECORD_PUBLICATIONS.allowedFor(user.roles())) {
            throw new ForbiddenException("Your roles " + user.roles() + " do not allow " + Action.RECORD_PUBLICATIONS + ".");
        }
        RecordPublicationRequest keyed = idempotencyKey == null || idempotencyKey.isBlank() ? read.value()
                : read.value().withClientRequestId(idempotencyKey.strip());
        PublicationService.Recorded recorded = publications.record(keyed, bodyErrors, confirmDuplicate,
                Publication.Source.MANUAL, user.username());
        Publication p = recorded.publication();
        if (!user.canRead(p.getUnitId())) {
            // the client key is taken by an item of another unit: neither show it nor record a second one
            throw new ConflictException("This Idempotency-Key / clientRequestId is already used by another item; use a new key.");
        }
        ResponseEntity.BodyBuilder response = recorded.created()
                ? ResponseEntity.created(URI.create("/api/publications/" + p.getId()))
                : ResponseEntity.ok().location(URI.create("/api/publications/" + p.getId()));
        return response.eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    @GetMapping("/{id}")
    ResponseEntity<PublicationView> get(@PathVariable String id, CurrentUser user) {
        Publication p = publications.get(id, user);
        return ResponseEntity.ok().eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    @GetMapping("/{id}/history")
    History history(@PathVariable String id, CurrentUser user) {
        Publication p = publications.get(id, user);
        return new History(p.getId(), p.getRevision(), p.getHistory());
    }

    /** Who changed what and when, oldest first; the current version is the last entry. */
    @GetMapping("/{id}/audit")
    PublicationAudit audit(@PathVariable String id, CurrentUser user) {
        return PublicationAudit.of(publications.get(id, user));
    }

    @GetMapping
    PublicationQuery.Page list(@RequestParam(required = false) String unit,
                               @RequestParam(required = false) Channel channel,
                               @RequestParam(required = false) Kind kind,
                               @RequestParam(required = false) Theme theme,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String planId,
                               @RequestParam(required = false) String taskId,
                               @RequestParam(required = false) Publication.Status status,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size,
                               CurrentUser user) {
        return query.find(new PublicationQuery.Filter(unit, channel, kind, theme, from, to, planId, taskId, status, page, size),
                user.readableScopes());
    }

    /*
     * Writes on an existing id (correct, retract, engagement) first look the item up as a read does: one outside the
     * caller's units is 404, the answer for an id that does not exist, so a write never reveals that another unit's
     * item exists. Inside them, a role that may not record publications is 403.
     */

    /**
     * A correction replaces the item's state; send the ETag you read as If-Match to avoid overwriting a newer change.
     * {@code "confirmDuplicate": true} confirms a correction that makes a link-less item look like another one.
     */
    @PutMapping("/{id}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordPublicationRequest.class)))
    ResponseEntity<PublicationView> correct(@PathVariable String id, @RequestBody JsonNode body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            CurrentUser user) {
        publications.get(id, user); // 404 outside the caller's units, before anything else (see visibleFirst)
        RequestBodies.Read<RecordPublicationRequest> read = bodies.read(body, RecordPublicationRequest.class);
        List<FieldError> bodyErrors = new ArrayList<>(read.errors());
        boolean confirmDuplicate = RequestBodies.flag(body, CONFIRM_DUPLICATE, bodyErrors);
        Publication p = publications.correct(id, read.value(), bodyErrors, confirmDuplicate, revision(ifMatch), user);
        return ResponseEntity.ok().eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    @PostMapping("/{id}/retraction")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RetractionRequest.class)))
    ResponseEntity<PublicationView> retract(@PathVariable String id, @RequestBody JsonNode body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            CurrentUser user) {
        publications.get(id, user); // 404 outside the caller's units
        RequestBodies.Read<RetractionRequest> read = bodies.read(body, RetractionRequest.class);
        RequestBodies.throwIfAny(read.errors());
        Publication p = publications.retract(id, read.value().reason(), revision(ifMatch), user);
        return ResponseEntity.ok().eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    @PutMapping("/{id}/engagement")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = Engagement.class)))
    ResponseEntity<PublicationView> engagement(@PathVariable String id, @RequestBody JsonNode body,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               CurrentUser user) {
        publications.get(id, user); // 404 outside the caller's units
        RequestBodies.Read<Engagement> read = bodies.read(body, Engagement.class);
        RequestBodies.throwIfAny(read.errors());
        Publication p = publications.updateEngagement(id, read.value(), revision(ifMatch), user);
        return ResponseEntity.ok().eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    /** If-Match carries the ETag, {@code "3"} (or W/"3"); absent means "whatever is current". */
    static Long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "etag", "If-Match must be the ETag of the publication, e.g. \"3\".");
        }
    }
}
