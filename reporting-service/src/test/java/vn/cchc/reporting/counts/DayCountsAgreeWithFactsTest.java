package vn.cchc.reporting.counts;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.reporting.counts.DayCounts.Contribution;
import vn.cchc.reporting.counts.PublicationFactProjection.FactEvent;

/**
 * The incremental counts equal a recount from the facts, whatever the order, duplication and batching of the events:
 * a seeded random history of records, corrections (moving day, channel, unit) and retractions, delivered shuffled,
 * with duplicates, in batches of random sizes, on the MongoDB wire server.
 */
class DayCountsAgreeWithFactsTest {
    static final List<String> UNITS = List.of("vinh-long.phu-khuong", "vinh-long.phu-khuong.vhxh", "vinh-long.tan-ngai",
            "hai-phong.tien-minh");
    static final List<String> CHANNELS = List.of("WEBSITE", "RADIO", "SOCIAL_MEDIA");
    static final String FACTS = "publication_facts";
    static final String COUNTS = "day_counts";

    final JsonMapper json = JsonMapper.builder().build();
    MongoClient client;
    MongoTemplate mongo;
    PublicationFactProjection projection;

    @BeforeEach
    void setUp() {
        String db = "day-counts-" + UUID.randomUUID();
        client = MongoClients.create(MongoWireServer.uri(db));
        mongo = new MongoTemplate(client, db);
        projection = new PublicationFactProjection(mongo, new CountBatches(mongo, new CountsRepair(mongo), java.time.Clock.systemUTC(), 0));
    }

    @AfterEach
    void close() {
        client.close();
    }

    FactEvent event(String type, String id, int revision, String unit, LocalDate day, String channel, boolean retracted) {
        String unitPath = "{\"province\":\"" + unit.split("\\.")[0] + "\",\"commune\":\"" + unit.split("\\.")[0] + "."
                + unit.split("\\.")[1] + "\",\"unit\":\"" + unit + "\"}";
        String data = """
                {"publicationId":"%s","revision":%d,"unitId":"%s","unitPath":%s,"channel":"%s","kind":"ARTICLE",
                 "title":"Tin %s","publishedAt":"%sT03:00:00Z","themes":[],"retracted":%s}"""
                .formatted(id, revision, unit, unitPath, channel, id, day, retracted);
        return new FactEvent(type, json.readTree(data), Instant.now());
    }

    @Test
    void incrementalCountsEqualARecountAfterAShuffledDuplicatedHistory() {
        Random random = new Random(20261129);
        List<FactEvent> history = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            String id = "p-" + p;
            int revisions = 1 + random.nextInt(4);
            for (int r = 1; r <= revisions; r++) {
                String type = r == 1 ? "vn.cchc.publication.recorded.v1"
                        : random.nextInt(4) == 0 ? "vn.cchc.publication.retracted.v1" : "vn.cchc.publication.corrected.v1";
                boolean retracted = type.endsWith("retracted.v1");
                history.add(event(type, id, r, UNITS.get(random.nextInt(UNITS.size())),
                        LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)), CHANNELS.get(random.nextInt(CHANNELS.size())),
                        retracted));
            }
        }
        List<FactEvent> delivered = new ArrayList<>(history);
        for (int i = 0; i < 200; i++) {
            delivered.add(history.get(random.nextInt(history.size()))); // redeliveries
        }
        Collections.shuffle(delivered, random);
        for (int from = 0; from < delivered.size(); ) {
            int size = 1 + random.nextInt(120);
            projection.applyBatch(delivered.subList(from, Math.min(delivered.size(), from + size)), FACTS, COUNTS);
            from += size;
        }

        // every fact holds its newest revision, and none is left pending
        Map<String, Integer> newest = new HashMap<>();
        history.forEach(e -> newest.merge(e.data().get("publicationId").asString(), e.data().get("revision").asInt(), Math::max));
        for (Document fact : mongo.findAll(Document.class, FACTS)) {
            assertThat(((Number) fact.get("revision")).intValue()).isEqualTo(newest.get(fact.getString("_id")));
            assertThat(fact.get("pending")).isNull();
        }

        Map<String, Document> incremental = new HashMap<>();
        mongo.findAll(Document.class, COUNTS).forEach(d -> incremental.put(d.getString("_id"), d));
        List<Contribution> everyUnit = UNITS.stream().map(u -> new Contribution(u, LocalDate.of(2026, 6, 1), "WEBSITE", "ARTICLE")).toList();
        new CountsRepair(mongo).recount(everyUnit, FACTS, "recounted");
        List<Document> recounted = mongo.findAll(Document.class, "recounted");
        assertThat(recounted).hasSizeGreaterThanOrEqualTo(UNITS.size());
        long total = 0;
        for (Document expected : recounted) {
            Document actual = incremental.get(expected.getString("_id"));
            assertThat(nonZero(actual)).as(expected.getString("_id")).isEqualTo(nonZero(expected));
            if (expected.getString("_id").equals("2026|TREE|vinh-long")) {
                total = nonZero(expected).values().stream().mapToLong(Long::longValue).sum();
            }
        }
        long countedFacts = mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("counted").is(true)
                .and("unitId").regex("^vinh-long(\\.|$)")), FACTS);
        assertThat(total).isEqualTo(countedFacts).isPositive();
    }

    @Test
    void aDuplicateBatchChangesNothing() {
        List<FactEvent> batch = List.of(
                event("vn.cchc.publication.recorded.v1", "a", 1, "vinh-long.tan-ngai", LocalDate.of(2026, 3, 1), "WEBSITE", false),
                event("vn.cchc.publication.recorded.v1", "b", 1, "vinh-long.tan-ngai", LocalDate.of(2026, 3, 1), "WEBSITE", false));
        assertThat(projection.applyBatch(batch, FACTS, COUNTS)).hasSize(2);
        assertThat(projection.applyBatch(batch, FACTS, COUNTS)).isEmpty();
        Document tree = mongo.findById("2026|TREE|vinh-long", Document.class, COUNTS);
        assertThat(nonZero(tree)).containsExactly(Map.entry("0301|WEBSITE|ARTICLE", 2L));
    }

    static Map<String, Long> nonZero(Document counts) {
        Map<String, Long> values = new HashMap<>();
        if (counts != null && counts.get("c") != null) {
            counts.get("c", Document.class).forEach((k, v) -> {
                if (((Number) v).longValue() != 0) {
                    values.put(k, ((Number) v).longValue());
                }
            });
        }
        return values;
    }
}
