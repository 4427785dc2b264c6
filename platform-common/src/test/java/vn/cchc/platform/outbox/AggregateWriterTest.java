package vn.cchc.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.test.MongoWireServer;

/** Against the MongoDB wire server over TCP: the outbox survives concurrent relay passes without republishing. */
class AggregateWriterTest {
    static class Counter {
        @Id
        String id;
        int value;
        String note;
        @Version
        Long version;
        List<PendingEvent> pendingEvents = new ArrayList<>();
    }

    MongoClient client;
    MongoTemplate mongo;
    AggregateWriter writer;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(MongoWireServer.uri("aggregate-writer-test"));
        mongo = new MongoTemplate(client, "aggregate-writer-test");
        mongo.dropCollection(Counter.class);
        writer = new AggregateWriter(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static PendingEvent event(String type) {
        return PendingEvent.of(type, "topic", "c-1", Instant.parse("2026-03-02T01:00:00Z"), Map.of("n", 1));
    }

    @Test
    void anEventPublishedWhileTheAggregateWasBeingChangedIsNotPutBack() {
        Counter counter = new Counter();
        counter.id = "c-1";
        counter.pendingEvents.add(event("created"));
        mongo.insert(counter);
        Counter read = mongo.findById("c-1", Counter.class);

        // the relay publishes "created" and pulls it while the change is being prepared (by collection name, as
        // OutboxRelay does, so the version is untouched and the user's ETag stays valid)
        mongo.updateFirst(Query.query(Criteria.where("_id").is("c-1")),
                new Update().pull("pendingEvents", Query.query(Criteria.where("eventId").is(read.pendingEvents.get(0).eventId()))),
                mongo.getCollectionName(Counter.class));
        read.value = 5;
        Counter stored = writer.update(read, read.id, read.version, List.of(event("changed")));

        assertThat(stored.value).isEqualTo(5);
        assertThat(stored.pendingEvents).extracting(PendingEvent::type).containsExactly("changed");
        assertThat(stored.version).isEqualTo(read.version + 1);
    }

    @Test
    void aFieldThatBecameNullIsUnset() {
        Counter counter = new Counter();
        counter.id = "c-1";
        counter.note = "tạm";
        mongo.insert(counter);
        Counter read = mongo.findById("c-1", Counter.class);

        read.note = null;
        writer.update(read, read.id, read.version, List.of());

        assertThat(mongo.findById("c-1", Counter.class).note).isNull();
    }

    @Test
    void aStaleVersionIsRejectedAndChangesNothing() {
        Counter counter = new Counter();
        counter.id = "c-1";
        mongo.insert(counter);
        Counter first = mongo.findById("c-1", Counter.class);
        Counter second = mongo.findById("c-1", Counter.class);
        first.value = 1;
        writer.update(first, first.id, first.version, List.of(event("first")));

        second.value = 2;
        assertThatThrownBy(() -> writer.update(second, second.id, second.version, List.of(event("second"))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        Counter stored = mongo.findById("c-1", Counter.class);
        assertThat(stored.value).isEqualTo(1);
        assertThat(stored.pendingEvents).extracting(PendingEvent::type).containsExactly("first");
    }
}
