package vn.cchc.platform.outbox;

import com.mongodb.client.result.UpdateResult;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.cchc.platform.events.PendingEvent;

/**
 * Writes a changed aggregate and its new outbox events in one single-document update, guarded by the version that
 * was read. The events are appended with {@code $push} rather than by saving the whole document: a full save would
 * put back entries the relay removed after publishing them since the aggregate was read, and they would be published
 * a second time.
 *
 * <p>The aggregate's version field must be called {@code version} (Spring Data's {@code @Version}); its outbox array
 * {@code pendingEvents}. Top-level fields are set; those that became null are unset.
 */
public class AggregateWriter {
    private static final String EVENTS = OutboxRelay.FIELD;
    private final MongoTemplate mongo;

    public AggregateWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Returns the aggregate as stored after the update; throws {@link OptimisticLockingFailureException} when it changed meanwhile. */
    public <T> T update(T aggregate, String id, Long version, List<PendingEvent> newEvents) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.remove("_id");
        document.remove("_class");
        document.remove("version");
        document.remove(EVENTS);
        Update update = new Update();
        document.forEach(update::set);
        // the converter leaves null properties out: unset them, or their old values would survive
        var entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(aggregate.getClass());
        entity.doWithProperties((org.springframework.data.mapping.PropertyHandler<org.springframework.data.mongodb.core.mapping.MongoPersistentProperty>) property -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !property.isVersionProperty() && !EVENTS.equals(field) && !document.containsKey(field)) {
                update.unset(field);
            }
        });
        long current = version == null ? 0 : version;
        update.set("version", current + 1);
        if (!newEvents.isEmpty()) {
            update.push(EVENTS).each(newEvents.toArray());
        }
        Query query = Query.query(Criteria.where("_id").is(id).and("version").is(current));
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) aggregate.getClass();
        UpdateResult result = mongo.updateFirst(query, update, type);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Concurrent change of " + id + " (version " + current + ")");
        }
        return mongo.findById(id, type);
    }
}
