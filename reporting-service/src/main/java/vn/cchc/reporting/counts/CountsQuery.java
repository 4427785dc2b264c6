package vn.cchc.reporting.counts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.readmodel.ReadModels;

/** Counts per unit, channel, month and year, aggregated from the publication facts. */
@Component
public class CountsQuery {
    private final MongoTemplate mongo;
    private final ReadModels models;

    CountsQuery(MongoTemplate mongo, ReadModels models) {
        this.models = models;
        this.mongo = mongo;
    }

    public UnitCounts counts(String unitId, int year, boolean includeSubunits) {
        Criteria unit = includeSubunits ? Criteria.where("unitId").regex(UnitPath.subtreeRegex(unitId))
                : Criteria.where("unitId").is(unitId);
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(unit.and("year").is(year).and("counted").is(true)),
                Aggregation.group("month", "channel").count().as("n"));
        List<Document> rows = mongo.aggregate(aggregation, models.collection(ReadModels.FACTS), Document.class).getMappedResults();

        Map<String, Long> byChannel = new TreeMap<>();
        List<Map<String, Long>> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new TreeMap<>());
        }
        long total = 0;
        for (Document row : rows) {
            Document key = row.get("_id", Document.class);
            int month = key.getInteger("month");
            String channel = key.getString("channel");
            long n = ((Number) row.get("n")).longValue();
            months.get(month - 1).merge(channel, n, Long::sum);
            byChannel.merge(channel, n, Long::sum);
            total += n;
        }
        List<UnitCounts.MonthCounts> byMonth = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            Map<String, Long> channels = months.get(m - 1);
            byMonth.add(new UnitCounts.MonthCounts(m, channels.values().stream().mapToLong(Long::longValue).sum(), channels));
        }
        return new UnitCounts(unitId, year, includeSubunits, total, byChannel, byMonth);
    }
}
