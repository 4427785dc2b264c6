package vn.cchc.publication.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import vn.cchc.platform.web.FieldError;

/**
 * The local copy of the unit directory (owned by plan-service), fed by {@code vn.cchc.unit.changed.v1}, and the
 * recording rules that need it. While the copy is empty (a fresh stack before plan-service published its units)
 * every unit is unknown and recording is refused with a 400 naming {@code unitId}: an item is never counted for a
 * unit nobody can vouch for.
 */
@Component
public class UnitDirectory {
    private static final Logger log = LoggerFactory.getLogger(UnitDirectory.class);
    static final String COLLECTION = "units";

    private final MongoTemplate mongo;

    UnitDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies a unit event (full state) only if its revision is newer than the stored one: the update matches a
     * stored unit with a lower revision; when none matches, the upsert's insert collides with the newer unit's id.
     * Returns false for a duplicate or stale event.
     */
    public boolean apply(JsonNode data) {
        String unitId = data.required("unitId").asString();
        long revision = data.required("revision").asLong();
        List<String> channels = new ArrayList<>();
        data.path("channels").forEach(c -> channels.add(c.path("channel").asString()));
        Update update = new Update().set("revision", revision)
                .set("parentId", data.path("parentId").isNull() ? null : data.path("parentId").asString(null))
                .set("name", data.path("name").asString(null))
                .set("kind", data.path("kind").asString(null))
                .set("status", data.required("status").asString())
                .set("channels", channels);
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(unitId).and("revision").lt(revision)), update,
                    Document.class, COLLECTION);
            return true;
        } catch (DuplicateKeyException stale) {
            log.debug("Ignored unit {} revision {}: already at that revision or newer", unitId, revision);
            return false;
        }
    }

    public Optional<KnownUnit> find(String unitId) {
        return Optional.ofNullable(mongo.findById(unitId, KnownUnit.class, COLLECTION));
    }

    /**
     * The unit exists and is active, and the channel is operated by the unit itself or by a unit above it
     * (an office publishes on its commune's website and radio; the provincial portal belongs to the province).
     * Print and on-site items need no channel operator.
     */
    public List<FieldError> check(String unitId, vn.cchc.publication.Channel channel) {
        return check(unitId, channel == null ? List.of() : channel.operatedThrough(), channel != null && channel.needsOperator());
    }

    public List<FieldError> check(String unitId, String channel, boolean channelNeedsOperator) {
        return check(unitId, channel == null ? List.of() : List.of(channel), channelNeedsOperator);
    }

    /** @param channels the channels of which the unit (or a parent) must operate one, e.g. LOUDSPEAKER or RADIO */
    private List<FieldError> check(String unitId, List<String> channels, boolean channelNeedsOperator) {
        Optional<KnownUnit> unit = find(unitId);
        if (unit.isEmpty()) {
            return List.of(new FieldError("unitId", "unknown-unit",
                    "Unknown unit '" + unitId + "': it is not (yet) in the unit directory."));
        }
        if (!unit.get().active()) {
            return List.of(new FieldError("unitId", "inactive-unit", "Unit '" + unitId + "' is retired."));
        }
        if (channelNeedsOperator && !channels.isEmpty() && channels.stream().noneMatch(c -> operated(unit.get(), c))) {
            return List.of(new FieldError("channel", "channel-not-operated",
                    "Neither unit '" + unitId + "' nor a unit above it operates the channel " + String.join(" or ", channels)
                            + "."));
        }
        return List.of();
    }

    private boolean operated(KnownUnit unit, String channel) {
        KnownUnit current = unit;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current.active() && current.channels() != null && current.channels().contains(channel)) {
                return true;
            }
            current = current.parentId() == null ? parentByPath(current.unitId()) : find(current.parentId()).orElse(null);
        }
        return false;
    }

    /** Ids are hierarchical, so a unit whose event left parentId empty still has its parent in its id. */
    private KnownUnit parentByPath(String unitId) {
        int dot = unitId.lastIndexOf('.');
        return dot < 0 ? null : find(unitId.substring(0, dot)).orElse(null);
    }
}
