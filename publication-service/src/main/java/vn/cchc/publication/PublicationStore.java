package vn.cchc.publication;

import com.mongodb.client.result.UpdateResult;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.cchc.platform.web.ConflictException;

/**
 * Writes a change of a publication as ONE conditional update: the new state ($set / $unset), the replaced version
 * ($push history) and the event ($push pendingEvents), matched on the revision the change was computed from.
 * Pushing (instead of saving the whole document) leaves alone the outbox entries the relay is pulling meanwhile.
 */
@Component
class PublicationStore {
    static final String COLLECTION = "publications";
    private static final Set<String> NOT_STATE = Set.of("_id", "_class", "history", "pendingEvents", "version");

    private final MongoTemplate mongo;

    PublicationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the changed item's link or identity key is taken */
    void saveChange(Publication p, long fromRevision, Publication.Changed changed) {
        MongoConverter converter = mongo.getConverter();
        Document state = new Document();
        converter.write(p, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!NOT_STATE.contains(field)) {
                update.set(field, value);
            }
        });
        MongoPersistentEntity<?> entity = converter.getMappingContext().getRequiredPersistentEntity(Publication.class);
        entity.forEach(property -> {
            if (!NOT_STATE.contains(property.getFieldName()) && !state.containsKey(property.getFieldName())) {
                update.unset(property.getFieldName());
            }
        });
        update.push("history", converter.convertToMongoType(changed.previous()));
        update.push("pendingEvents", converter.convertToMongoType(changed.event()));
        update.inc("version", 1);
        // a DuplicateKeyException (the new link, or the new link-less identity, is another item's) goes to the caller
        UpdateResult result = mongo.updateFirst(Query.query(Criteria.where("_id").is(p.getId()).and("revision").is(fromRevision)),
                update, COLLECTION);
        if (result.getMatchedCount() == 0) {
            throw new ConflictException("Publication " + p.getId() + " was changed meanwhile (revision " + fromRevision
                    + " is no longer current); reload it and try again.", true);
        }
    }
}
