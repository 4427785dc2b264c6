package vn.cchc.reporting.counts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.readmodel.RevisionGuard;

/**
 * Applies publication events to {@link PublicationFact}s with a revision guard: the update matches only
 * a stored fact with a lower revision; when none matches, the upsert's insert collides with the newer
 * fact's id and the event is recognised as stale. No transactions needed: one document per event.
 * A retraction keeps the fact (with its revision, {@code counted=false}) so a late "recorded" cannot revive it.
 */
@Component
public class PublicationFactProjection {
    public static final String COLLECTION = "publication_facts";

    private final MongoTemplate mongo;

    public PublicationFactProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static boolean handles(String type) {
        return type.startsWith("vn.cchc.publication.");
    }

    /** Returns true when the event changed the read model, false when it was a duplicate or stale. */
    public boolean apply(String type, JsonNode data, String collection) {
        boolean counted = switch (type) {
            case "vn.cchc.publication.recorded.v1", "vn.cchc.publication.corrected.v1" -> !data.path("retracted").asBoolean(false);
            case "vn.cchc.publication.retracted.v1" -> false;
            default -> throw new IllegalArgumentException("not a publication event: " + type);
        };
        String id = data.required("publicationId").asString();
        long revision = data.required("revision").asLong();
        Update update = new Update().set("counted", counted);
        JsonNode publishedAt = data.get("publishedAt");
        if (publishedAt != null && !publishedAt.isNull()) {
            Instant at = Instant.parse(publishedAt.asString());
            LocalDate day = VietnamTime.date(at);
            JsonNode path = data.required("unitPath");
            List<String> themes = new ArrayList<>();
            data.path("themes").forEach(t -> themes.add(t.asString()));
            update.set("unitId", data.required("unitId").asString())
                    .set("province", path.path("province").asString(null))
                    .set("commune", path.path("commune").asString(null))
                    .set("channel", data.required("channel").asString())
                    .set("kind", data.required("kind").asString())
                    .set("title", data.path("title").asString(null))
                    .set("url", data.path("url").asString(null))
                    .set("planId", data.path("planId").asString(null))
                    .set("taskId", data.path("taskId").asString(null))
                    .set("themes", themes)
                    .set("publishedAt", at)
                    .set("date", day.toString())
                    .set("year", day.getYear())
                    .set("month", day.getMonthValue());
        }
        return RevisionGuard.upsert(mongo, collection, id, revision, update);
    }
}
