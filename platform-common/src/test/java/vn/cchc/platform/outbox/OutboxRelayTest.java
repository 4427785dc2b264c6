package vn.cchc.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;

/**
 * The relay against a real KRaft broker and the MongoDB wire server over TCP. Its full pass is set an hour apart, so
 * an event of a write of this process that leaves within the test's wait left because the write woke the relay
 * ({@link OutboxWrites}); a write of another process (a client without the listener) is found by the full pass.
 */
class OutboxRelayTest {
    static final String TOPIC = "cchc.relay-test.events";
    static EmbeddedKafkaKraftBroker broker;

    MongoClient client;
    MongoClient otherProcess;
    MongoTemplate mongo;
    OutboxRelay relay;
    DefaultKafkaProducerFactory<String, byte[]> producers;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        broker.brokerListProperty("outbox-relay-test.brokers");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    void start(Duration interval, Duration maxInterval) {
        String db = "outbox-relay-test";
        OutboxWrites writes = new OutboxWrites(List.of("things"), 100);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoWireServer.uri(db))).addCommandListener(writes).build());
        otherProcess = MongoClients.create(MongoWireServer.uri(db));
        mongo = new MongoTemplate(client, db);
        mongo.dropCollection("things");
        mongo.dropCollection(OutboxLease.COLLECTION);
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        relay = new OutboxRelay(mongo, new KafkaTemplate<>(producers), JsonMapper.builder().build(),
                new OutboxProperties(List.of("things"), URI.create("/cchc/test"), interval, maxInterval, 100,
                        Duration.ofSeconds(10), null, null), new SimpleMeterRegistry(), writes);
        relay.start();
    }

    @AfterEach
    void stop() {
        relay.stop();
        producers.destroy();
        client.close();
        otherProcess.close();
    }

    Object event(String id, String type) {
        return mongo.getConverter().convertToMongoType(
                PendingEvent.of(type, TOPIC, id, Instant.parse("2026-03-02T01:00:00Z"), Map.of("thing", id)));
    }

    List<String> typesOf(TopicReader topic, String key) {
        return topic.poll().stream().filter(r -> key.equals(r.key())).map(r -> TopicReader.header(r, "ce_type")).toList();
    }

    @Test
    void anInsertAndAPushOfThisProcessArePublishedRightAfterTheWriteNotAtTheNextPass() {
        start(Duration.ofHours(1), Duration.ofHours(1)); // one full pass at start, the next in an hour
        String id = UUID.randomUUID().toString();
        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), TOPIC)) {
            mongo.insert(new Document("_id", id).append("pendingEvents", List.of(event(id, "test.created.v1"))), "things");
            await().atMost(Duration.ofSeconds(60)).until(() -> typesOf(topic, id), types -> types.size() == 1);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    mongo.findById(id, Document.class, "things").getList("pendingEvents", Document.class).isEmpty());

            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().set("note", "changed").push("pendingEvents", event(id, "test.changed.v1")), "things");
            await().atMost(Duration.ofSeconds(60)).until(() -> typesOf(topic, id),
                    types -> types.equals(List.of("test.created.v1", "test.changed.v1")));
        }
    }

    @Test
    void aWriteOfAnotherProcessIsFoundByTheFullPass() {
        start(Duration.ofMillis(200), Duration.ofSeconds(1));
        String id = UUID.randomUUID().toString();
        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), TOPIC)) {
            otherProcess.getDatabase("outbox-relay-test").getCollection("things")
                    .insertOne(new Document("_id", id).append("pendingEvents", List.of(event(id, "test.created.v1"))));
            await().atMost(Duration.ofSeconds(60)).until(() -> typesOf(topic, id), types -> types.size() == 1);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    mongo.findById(id, Document.class, "things").getList("pendingEvents", Document.class).isEmpty());
        }
    }

    @Test
    void anEventKafkaDoesNotTakeShowsItsAgeUntilItIsPublished() {
        start(Duration.ofHours(1), Duration.ofHours(1)); // only for the Mongo client; this test runs its own relay
        relay.stop();
        DefaultKafkaProducerFactory<String, byte[]> unreachable = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 300),
                new StringSerializer(), new ByteArraySerializer());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay down = new OutboxRelay(mongo, new KafkaTemplate<>(unreachable), JsonMapper.builder().build(),
                new OutboxProperties(List.of("things"), URI.create("/cchc/test"), Duration.ofHours(1), Duration.ofHours(1), 100,
                        Duration.ofSeconds(2), null, null), meters, null);
        try {
            String id = UUID.randomUUID().toString();
            mongo.insert(new Document("_id", id).append("pendingEvents", List.of(event(id, "test.created.v1"))), "things");
            assertThat(meters.get("cchc.outbox.oldest.pending.age").gauge().value()).isZero();

            assertThat(down.relay()).isEqualTo(1);

            double age = meters.get("cchc.outbox.oldest.pending.age").gauge().value();
            assertThat(age).as("seconds since the event's time, 2026-03-02T01:00Z")
                    .isGreaterThan(Duration.between(Instant.parse("2026-03-02T01:00:00Z"), Instant.now()).toSeconds() - 60.0);
            assertThat(meters.get("cchc.outbox.pending.documents").gauge().value()).isEqualTo(1.0);
            assertThat(mongo.findById(id, Document.class, "things").getList("pendingEvents", Document.class)).hasSize(1);

            mongo.remove(Query.query(Criteria.where("_id").is(id)), "things"); // published by someone else, say
            assertThat(down.relay()).isZero();
            assertThat(meters.get("cchc.outbox.oldest.pending.age").gauge().value()).isZero();
        } finally {
            unreachable.destroy();
        }
    }

    @Test
    void twoReplicasSendEveryEventOnceAndOneOfThemHoldsTheFullPasses() {
        start(Duration.ofMillis(100), Duration.ofMillis(200)); // replica A
        String db = "outbox-relay-test";
        OutboxWrites writesB = new OutboxWrites(List.of("things"), 100);
        MongoClient clientB = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoWireServer.uri(db))).addCommandListener(writesB).build());
        MongoTemplate mongoB = new MongoTemplate(clientB, db);
        OutboxRelay relayB = new OutboxRelay(mongoB, new KafkaTemplate<>(producers), JsonMapper.builder().build(),
                new OutboxProperties(List.of("things"), URI.create("/cchc/test"), Duration.ofMillis(100), Duration.ofMillis(200),
                        100, Duration.ofSeconds(10), null, null), new SimpleMeterRegistry(), writesB);
        relayB.start();
        List<String> ids = new ArrayList<>();
        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), TOPIC)) {
            var others = otherProcess.getDatabase(db).getCollection("things");
            for (int i = 0; i < 150; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                Document document = new Document("_id", id).append("pendingEvents", List.of(
                        mongo.getConverter().convertToMongoType(PendingEvent.of("test.created.v1", TOPIC, id, Instant.now(), Map.of("i", i)))));
                switch (i % 3) {
                    case 0 -> mongo.insert(document, "things");        // A's own write: A sends it
                    case 1 -> mongoB.insert(document, "things");       // B's own write: B sends it
                    default -> others.insertOne(document);            // a process without a relay: the lease holder's pass
                }
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> mongo.count(Query.query(Criteria.where("_id").in(ids)
                    .and("pendingEvents.0").exists(true)), "things") == 0);
            assertThat(mongo.find(Query.query(Criteria.where("_id").is("things")), Document.class, OutboxLease.COLLECTION))
                    .as("one replica holds the collection's full passes").hasSize(1);
            relay.stop();
            relayB.stop();
            assertThat(mongo.count(new Query(), OutboxLease.COLLECTION)).as("released on shutdown").isZero();

            List<String> sent = topic.pollToEnd().stream().filter(r -> ids.contains(r.key()))
                    .map(r -> TopicReader.header(r, "ce_id")).toList();
            assertThat(sent).hasSize(150).doesNotHaveDuplicates();
        } finally {
            relayB.stop();
            clientB.close();
        }
    }
}
