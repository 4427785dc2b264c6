package vn.cchc.task.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CalendarSubscriptionRepository extends MongoRepository<CalendarSubscription, String> {
    Optional<CalendarSubscription> findByKeyHash(String keyHash);

    List<CalendarSubscription> findByOwnerOrderByCreatedAtAsc(String owner);
}
