package vn.cchc.reporting.counts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.counts.DayCounts.Contribution;

/**
 * Recounts counts documents from the facts. Only needed when a batch was interrupted between writing its facts and
 * moving the counts (a database error, a crash; see {@link CountBatches}): the documents of its units (OWN) and of every
 * unit above them (TREE) are counted again from the facts. Exact as long as no other replica is writing items of the
 * same units at that moment (it runs only after a failure); a rebuild recomputes everything.
 */
@Component
public class CountsRepair {
    private static final Logger log = LoggerFactory.getLogger(CountsRepair.class);

    private final MongoTemplate mongo;

    public CountsRepair(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void recount(Collection<Contribution> interrupted, String factsCollection, String countsCollection) {
        Set<String> units = new LinkedHashSet<>();
        Set<String> documents = new LinkedHashSet<>();
        for (Contribution c : interrupted) {
            units.add(c.unitId());
            c.counters().forEach(counter -> documents.add(counter[0]));
        }
        for (String id : documents) {
            recountDocument(id, factsCollection, countsCollection);
        }
        log.warn("Recounted {} counts documents after an interrupted batch (units {})", documents.size(), units);
    }

    private void recountDocument(String id, String factsCollection, String countsCollection) {
        String[] key = id.split("\\|", 3);
        int year = Integer.parseInt(key[0]);
        String scope = key[1];
        String unitId = key[2];
        Criteria unit = DayCounts.OWN.equals(scope) ? Criteria.where("unitId").is(unitId)
                : Criteria.where("unitId").regex(UnitPath.subtreeRegex(unitId));
        Query query = Query.query(unit.and("year").is(year).and("counted").is(true));
        query.fields().include("date", "channel", "kind");
        Map<String, Long> counters = new LinkedHashMap<>();
        for (Document fact : mongo.find(query, Document.class, factsCollection)) {
            counters.merge(DayCounts.field(LocalDate.parse(fact.getString("date")), fact.getString("channel"),
                    fact.getString("kind")), 1L, Long::sum);
        }
        Document doc = new Document("_id", id).append("unitId", unitId).append("scope", scope).append("year", year)
                .append("c", new Document(new LinkedHashMap<>(counters)));
        mongo.findAndReplace(Query.query(Criteria.where("_id").is(id)), doc, FindAndReplaceOptions.options().upsert(),
                Document.class, countsCollection);
    }
}
