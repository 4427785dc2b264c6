package vn.cchc.reporting.tasks;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.reporting.readmodel.RevisionGuard;

/** Keeps the latest revision of each task (full state is carried by every task event). */
@Component
public class TaskProjection {
    private final MongoTemplate mongo;

    public TaskProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static boolean handles(String type) {
        return type.startsWith("vn.cchc.task.");
    }

    public boolean apply(JsonNode data, String collection) {
        String id = data.required("taskId").asString();
        long revision = data.required("revision").asLong();
        Update update = new Update()
                .set("planId", data.path("planId").asString(null))
                .set("entryId", data.path("entryId").asString(null))
                .set("source", data.path("source").asString(null))
                .set("title", data.path("title").asString(null))
                .set("unitId", data.required("unitId").asString())
                .set("dueDate", data.path("dueDate").asString(null))
                .set("status", data.required("status").asString())
                .set("evidence", data.path("evidence").valueStream().map(JsonNode::asString).toList())
                .set("changedAt", data.path("changedAt").asString(null));
        return RevisionGuard.upsert(mongo, collection, id, revision, update);
    }
}
