package vn.cchc.publication.feeds;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface FeedSubscriptionRepository extends MongoRepository<FeedSubscription, String> {
    Optional<FeedSubscription> findByKey(String key);

    List<FeedSubscription> findByActiveTrue();
}
