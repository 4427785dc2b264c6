package vn.cchc.reporting.counts;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.cchc.reporting.VietnamTime;

/**
 * Applies publication events to {@link PublicationFact}s with a revision guard: the update matches only
 * a stored fact with a lower revision; when none matches, the upsert's insert collides with the newer
 * fact's id and the event is recognised as stale. No transactions needed: one document per event.
 */
@Component
public class PublicationFactProjection {
    private static final Logger log = LoggerFactory.getLogger(PublicationFactProjection.class);
    static final String COLLECTION = "publication_facts";

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    PublicationFactProjection(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Returns true when the event changed the read model, false when it was a duplicate or stale. */
    public boolean apply(String type, JsonNode data) {
        boolean counted = switch (type) {
            case "vn.cchc.publication.recorded.v1", "vn.cchc.publication.corrected.v1" -> true;
            case "vn.cchc.publication.retracted.v1" -> false;
            default -> throw new IllegalArgumentException("not a publication event: " + type);
        };
        String id = data.required("publicationId").asString();
        long revision = data.required("revision").asLong();
        Update update = new Update().set("revision", revision).set("counted", counted);
        JsonNode publishedAt = data.get("publishedAt");
        if (publishedAt != null && !publishedAt.isNull()) {
            Instant at = Instant.parse(publishedAt.asString());
            LocalDate day = VietnamTime.date(at);
            JsonNode path = data.required("unitPath");
            update.set("unitId", data.required("unitId").asString())
                    .set("province", path.path("province").asString(null))
                    .set("commune", path.path("commune").asString(null))
                    .set("channel", data.required("channel").asString())
                    .set("kind", data.required("kind").asString())
                    .set("publishedAt", at)
                    .set("year", day.getYear())
                    .set("month", day.getMonthValue());
        }
        Query newerThanStored = Query.query(Criteria.where("_id").is(id).and("revision").lt(revision));
        try {
            mongo.upsert(newerThanStored, update, Document.class, COLLECTION);
            meters.counter("cchc.projection.events", "projection", "publication-facts", "outcome", "applied").increment();
            return true;
        } catch (DuplicateKeyException stale) {
            log.debug("Ignored publication {} revision {}: already at that revision or newer", id, revision);
            meters.counter("cchc.projection.events", "projection", "publication-facts", "outcome", "skipped").increment();
            return false;
        }
    }
}
