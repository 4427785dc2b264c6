package vn.cchc.benchmark.floors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * The wire server's own limits with the plain MongoDB driver, on a scratch database of the same server (dropped
 * afterwards): a loop of {@code insertOne} (one client, one document at a time, acknowledged) and bulk
 * {@code insertMany} of 1,000 documents, each about the size of a publication fact.
 */
public final class MongoFloor {
    public record Result(long insertOneCount, double insertOnePerSecond, long insertManyCount, double insertManyPerSecond) {
    }

    private MongoFloor() {
    }

    public static Result measure(String uri, String runId, Duration length) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase("benchmark-scratch-" + runId);
            try {
                MongoCollection<Document> one = db.getCollection("insert_one");
                one.insertOne(fact(0)); // connection and collection creation outside the clock
                long n = 0;
                long start = System.nanoTime();
                long end = start + length.toNanos();
                while (System.nanoTime() < end) {
                    one.insertOne(fact(++n));
                }
                double onePerSecond = n / ((System.nanoTime() - start) / 1e9);

                MongoCollection<Document> many = db.getCollection("insert_many");
                many.insertOne(fact(0));
                long m = 0;
                start = System.nanoTime();
                end = start + length.toNanos();
                while (System.nanoTime() < end) {
                    List<Document> batch = new ArrayList<>(1000);
                    for (int i = 0; i < 1000; i++) {
                        batch.add(fact(++m));
                    }
                    many.insertMany(batch);
                }
                return new Result(n, onePerSecond, m, m / ((System.nanoTime() - start) / 1e9));
            } finally {
                db.drop();
            }
        }
    }

    private static Document fact(long n) {
        return new Document("_id", UUID.randomUUID().toString()).append("unitId", "vinh-long.benchmark")
                .append("channel", "WEBSITE").append("kind", "ARTICLE").append("title", "Tin đo hiệu năng " + n)
                .append("date", "2026-03-02").append("year", 2026).append("month", 3).append("counted", true)
                .append("revision", 1L).append("publishedAt", new Date());
    }
}
