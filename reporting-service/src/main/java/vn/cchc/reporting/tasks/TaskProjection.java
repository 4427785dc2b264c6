package vn.cchc.reporting.tasks;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.reporting.readmodel.ReadModels;
import vn.cchc.reporting.readmodel.RevisionGuard;

/**
 * Keeps the latest revision of each task (full state is carried by every task event). Tolerant of what plans now
 * allow: a task led by a group (no lead unit id) is normally carried under the plan's issuing unit by task-service;
 * should an event come without {@code unitId}, the task is kept under {@code unitPath.unit}, else under the issuing
 * unit of its plan (as this generation of the read model knows it). Time frames are not read (only {@code dueDate},
 * null for tasks without a single due date: ongoing, recurring, per the province's plan), so new time-frame types
 * change nothing here. The lead's name ({@code leadName} or {@code lead.name}) is kept when an event carries it.
 */
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
        String planId = text(data, "planId");
        Update update = new Update()
                .set("planId", planId)
                .set("entryId", text(data, "entryId"))
                .set("source", text(data, "source"))
                .set("title", text(data, "title"))
                .set("unitId", unitOf(data, planId, collection))
                .set("leadName", text(data, "leadName") != null ? text(data, "leadName") : text(data.path("lead"), "name"))
                .set("dueDate", text(data, "dueDate"))
                .set("status", data.required("status").asString())
                .set("evidence", data.path("evidence").valueStream().map(JsonNode::asString).toList())
                .set("changedAt", text(data, "changedAt"));
        return RevisionGuard.upsert(mongo, collection, id, revision, update);
    }

    private String unitOf(JsonNode data, String planId, String collection) {
        String unit = text(data, "unitId");
        if (unit == null) {
            unit = text(data.path("unitPath"), "unit");
        }
        if (unit == null && planId != null) {
            // the same generation of the plans read model: "tasks_g2" → "plans_g2"
            String plans = ReadModels.PLANS + collection.substring(ReadModels.TASKS.length());
            Document plan = mongo.findOne(Query.query(Criteria.where("_id").is(planId)), Document.class, plans);
            unit = plan == null ? null : plan.getString("issuingUnitId");
        }
        return unit;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}
