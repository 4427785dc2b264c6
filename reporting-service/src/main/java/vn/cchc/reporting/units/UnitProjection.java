package vn.cchc.reporting.units;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.reporting.readmodel.RevisionGuard;

/** Keeps the unit directory (vn.cchc.unit.changed.v1 carries the full state on every change). */
@Component
public class UnitProjection {
    private final MongoTemplate mongo;

    public UnitProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static boolean handles(String type) {
        return type.startsWith("vn.cchc.unit.");
    }

    public boolean apply(JsonNode data, String collection) {
        String id = data.required("unitId").asString();
        long revision = data.required("revision").asLong();
        Update update = new Update()
                .set("parentId", data.path("parentId").asString(null))
                .set("name", data.path("name").asString(null))
                .set("kind", data.path("kind").asString(null))
                .set("status", data.path("status").asString(null));
        return RevisionGuard.upsert(mongo, collection, id, revision, update);
    }
}
