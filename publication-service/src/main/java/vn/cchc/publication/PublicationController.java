package vn.cchc.publication;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/publications")
class PublicationController {
    private final PublicationService publications;

    PublicationController(PublicationService publications) {
        this.publications = publications;
    }

    @PostMapping
    ResponseEntity<PublicationView> record(@Valid @RequestBody RecordPublicationRequest request) {
        Publication publication = publications.record(request);
        return ResponseEntity.created(URI.create("/api/publications/" + publication.getId()))
                .body(PublicationView.of(publication));
    }

    @GetMapping("/{id}")
    PublicationView get(@PathVariable String id) {
        return PublicationView.of(publications.get(id));
    }
}
