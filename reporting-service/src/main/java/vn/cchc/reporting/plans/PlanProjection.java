package vn.cchc.reporting.plans;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.reporting.readmodel.RevisionGuard;

/**
 * Keeps the latest revision of each issued plan. The whole event data is kept as JSON (the plan is read as one
 * piece) beside the few fields queries filter on. An amendment replaces the targets, so changed minimums apply.
 */
@Component
public class PlanProjection {
    private final MongoTemplate mongo;
    private final JsonMapper json;

    public PlanProjection(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    public static boolean handles(String type) {
        return type.startsWith("vn.cchc.plan.");
    }

    public boolean apply(JsonNode data, String collection) {
        String id = data.required("planId").asString();
        long revision = data.required("revision").asLong();
        Set<String> targetUnits = new LinkedHashSet<>();
        data.path("targets").forEach(t -> targetUnits.add(t.path("unitId").asString()));
        String issuer = data.required("issuingUnitId").asString();
        Update update = new Update()
                .set("issuingUnitId", issuer)
                .set("year", data.required("year").asInt())
                .set("status", data.path("status").asString())
                .set("targetUnitIds", List.copyOf(targetUnits))
                .set("json", json.writeValueAsString(data));
        return RevisionGuard.upsert(mongo, collection, id, revision, update);
    }
}
