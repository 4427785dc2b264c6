package vn.cchc.publication;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PublicationRepository extends MongoRepository<Publication, String> {
    Optional<Publication> findByUrlKey(String urlKey);

    Optional<Publication> findByRequestKey(String requestKey);
}
