package vn.cchc.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
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
import vn.cchc.platform.web.InvalidRequestException;

@RestController
@RequestMapping("/api/publications")
class PublicationController {
    record RetractionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record History(String id, long revision, List<Publication.PastVersion> previousVersions) {
    }

    private final PublicationService publications;
    private final PublicationQuery query;

    PublicationController(PublicationService publications, PublicationQuery query) {
        this.publications = publications;
        this.query = query;
    }

    /** 201 for a new item; 200 with the first record when the same item (or the same Idempotency-Key) was recorded before. */
    @PostMapping
    ResponseEntity<PublicationView> record(@Valid @RequestBody RecordPublicationRequest request,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        RecordPublicationRequest keyed = idempotencyKey == null || idempotencyKey.isBlank() ? request
                : request.withClientRequestId(idempotencyKey.strip());
        PublicationService.Recorded recorded = publications.record(keyed, Publication.Source.MANUAL);
        Publication p = recorded.publication();
        ResponseEntity.BodyBuilder response = recorded.created()
                ? ResponseEntity.created(URI.create("/api/publications/" + p.getId()))
                : ResponseEntity.ok().location(URI.create("/api/publications/" + p.getId()));
        return response.eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    @GetMapping("/{id}")
    ResponseEntity<PublicationView> get(@PathVariable String id) {
        Publication p = publications.get(id);
        return ResponseEntity.ok().eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    @GetMapping("/{id}/history")
    History history(@PathVariable String id) {
        Publication p = publications.get(id);
        return new History(p.getId(), p.getRevision(), p.getHistory());
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
                               @RequestParam(defaultValue = "50") int size) {
        return query.find(new PublicationQuery.Filter(unit, channel, kind, theme, from, to, planId, taskId, status, page, size));
    }

    /** A correction replaces the item's state; send the ETag you read as If-Match to avoid overwriting a newer change. */
    @PutMapping("/{id}")
    ResponseEntity<PublicationView> correct(@PathVariable String id, @Valid @RequestBody RecordPublicationRequest request,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Publication p = publications.correct(id, request, revision(ifMatch));
        return ResponseEntity.ok().eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    @PostMapping("/{id}/retraction")
    ResponseEntity<PublicationView> retract(@PathVariable String id, @Valid @RequestBody RetractionRequest request,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Publication p = publications.retract(id, request.reason(), revision(ifMatch));
        return ResponseEntity.ok().eTag(PublicationView.etag(p)).body(PublicationView.of(p));
    }

    @PutMapping("/{id}/engagement")
    ResponseEntity<PublicationView> engagement(@PathVariable String id, @Valid @RequestBody Engagement figures,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Publication p = publications.updateEngagement(id, figures, revision(ifMatch));
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
