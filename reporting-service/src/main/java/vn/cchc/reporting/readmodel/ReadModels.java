package vn.cchc.reporting.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which generation of the read-model collections serves queries, and which one a rebuild is filling.
 *
 * <p>Generation 0 uses the plain names ({@code publication_facts}); generation n uses {@code publication_facts_g<n>}.
 * While a rebuild runs, live consumers write to both the active and the building generation (each write is
 * revision-guarded, so order does not matter); when the rebuild has caught up, {@link #switchTo} makes the new
 * generation active in one document write.
 *
 * <p>Several replicas: the generations live in one document ({@code read_model_meta/generations}) that every replica
 * re-reads every second ({@link #refresh}), so a rebuild started on one replica is dual-written by all of them within a
 * second, and its switch is followed without restarts. The replica that builds writes a heartbeat into the document
 * instead; a rebuild whose heartbeat stopped for {@link #STALE} (its replica died) is forgotten by the others.
 */
@Component
public class ReadModels {
    public static final String FACTS = "publication_facts";
    public static final String PLANS = "plans";
    public static final String TASKS = "tasks";
    public static final String UNITS = "units";
    /** Pre-aggregated counts, written with the facts (not a projection of its own). */
    public static final String DAY_COUNTS = "day_counts";
    /** The journal of publication batches in flight (see CountBatches). */
    public static final String COUNT_BATCHES = "count_batches";
    public static final List<String> ALL = List.of(FACTS, DAY_COUNTS, COUNT_BATCHES, PLANS, TASKS, UNITS);
    static final String META = "read_model_meta";
    /** How often every replica re-reads the generations (and the builder writes its heartbeat). */
    public static final Duration REFRESH = Duration.ofSeconds(1);
    static final Duration STALE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private volatile int active;
    private volatile Integer building;
    /** The generation this replica is building, if any (it writes the heartbeat). */
    private Integer mine;

    public ReadModels(MongoTemplate mongo) {
        this.mongo = mongo;
        refresh();
        ReadModelIndexes.ensure(mongo, active);
    }

    /**
     * Follows the generations document: another replica's rebuild (dual-write into it) and its switch. A rebuild of a
     * replica that stopped beating (it died; a rebuild does not survive a restart) is forgotten: its half-filled
     * generation is dropped by the next rebuild.
     */
    @Scheduled(initialDelay = 1000, fixedDelay = 1000)
    public synchronized void refresh() {
        if (mine != null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is("generations")),
                    new Update().set("heartbeat", new Date()), META);
            return;
        }
        Document meta = mongo.findById("generations", Document.class, META);
        if (meta == null) {
            return;
        }
        active = meta.getInteger("active", 0);
        building = meta.getInteger("building");
        Date heartbeat = meta.getDate("heartbeat");
        if (building != null && (heartbeat == null || heartbeat.toInstant().isBefore(new Date().toInstant().minus(STALE)))) {
            building = null;
            save();
        }
    }

    public static String name(String base, int generation) {
        return generation == 0 ? base : base + "_g" + generation;
    }

    /** The collection queries read. */
    public String collection(String base) {
        return name(base, active);
    }

    /** The collections a live event is written to: the active one, and the one being rebuilt if any. */
    public List<String> writeTargets(String base) {
        List<String> targets = new ArrayList<>(2);
        targets.add(name(base, active));
        Integer b = building;
        if (b != null && b != active) {
            targets.add(name(base, b));
        }
        return targets;
    }

    public int active() {
        return active;
    }

    public Integer building() {
        return building;
    }

    public synchronized int startBuilding() {
        int next = Math.max(active, building == null ? 0 : building) + 1;
        for (String base : ALL) {
            mongo.dropCollection(name(base, next));
        }
        ReadModelIndexes.ensure(mongo, next);
        building = next;
        mine = next;
        save();
        return next;
    }

    /** Makes {@code generation} the one that serves; the old collections are dropped afterwards. */
    public synchronized void switchTo(int generation) {
        int old = active;
        active = generation;
        building = null;
        mine = null;
        save();
        for (String base : ALL) {
            mongo.dropCollection(name(base, old));
        }
    }

    public synchronized void abandon(int generation) {
        if (building != null && building == generation) {
            building = null;
            mine = null;
            save();
        }
        ReadModelIndexes.ensure(mongo, active);
    }

    private void save() {
        Document meta = new Document("_id", "generations").append("active", active).append("building", building)
                .append("heartbeat", new Date());
        mongo.findAndReplace(Query.query(Criteria.where("_id").is("generations")), meta,
                FindAndReplaceOptions.options().upsert(), Document.class, META);
    }
}
