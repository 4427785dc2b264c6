package vn.cchc.reporting.readmodel;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one way a projection writes: a conditional upsert on {@code {_id, revision < new}}. When a document with the
 * same or a higher revision exists nothing matches, the upsert's insert collides on {@code _id}, and the event is
 * stale or a duplicate. One document per event, so no transaction is needed.
 */
public final class RevisionGuard {
    private RevisionGuard() {
    }

    /** True when the document now holds {@code revision}; false when it already held that revision or a newer one. */
    public static boolean upsert(MongoTemplate mongo, String collection, String id, long revision, Update update) {
        update.set("revision", revision);
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(id).and("revision").lt(revision)), update, Document.class, collection);
            return true;
        } catch (DuplicateKeyException stale) {
            return false;
        }
    }
}
