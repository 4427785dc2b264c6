package vn.cchc.publication;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;

@Service
public class PublicationService {
    private final PublicationRepository repository;
    private final Clock clock;

    PublicationService(PublicationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Validates, then stores the item and its {@code recorded} event in one write; nothing is stored when invalid. */
    public Publication record(RecordPublicationRequest request) {
        List<FieldError> errors = PublicationRules.check(request, clock);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return repository.insert(new Publication(UUID.randomUUID().toString(), request, clock.instant()));
    }

    public Publication get(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No publication " + id));
    }
}
