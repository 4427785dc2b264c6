package vn.cchc.publication;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Client keys used to be unique across all units ({@code client:<key>}), so a key of another unit answered with (or
 * revealed) that unit's item. They are now scoped per unit ({@link Publication#requestKeyOf}); this rewrites the
 * keys stored before, once, at start-up. Keys were unique across units, so they stay unique within each.
 */
@Component
class RequestKeyMigration implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(RequestKeyMigration.class);

    private final MongoTemplate mongo;

    RequestKeyMigration(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Query legacy = Query.query(Criteria.where("requestKey").regex("^client:[^|]*$"));
        legacy.fields().include("_id", "unitId", "clientRequestId");
        int rewritten = 0;
        for (Document item : mongo.find(legacy, Document.class, "publications")) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(item.get("_id"))),
                    Update.update("requestKey", Publication.requestKeyOf(item.getString("unitId"),
                            item.getString("clientRequestId"))), "publications");
            rewritten++;
        }
        if (rewritten > 0) {
            log.info("Scoped {} stored client keys to their unit", rewritten);
        }
    }
}
