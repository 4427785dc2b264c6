package vn.cchc.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.cchc.platform.test.MongoWireServer;

/**
 * Two reporting-service replicas on one database (two ReadModels over the wire server): a rebuild started on one is
 * dual-written by the other after its next refresh, its switch is followed without a restart, and the rebuild of a
 * replica that died is forgotten once its heartbeat is stale, not while it is alive.
 */
class ReadModelsReplicasTest {
    MongoClient client;
    MongoTemplate mongo;

    @BeforeEach
    void open() {
        String db = "replicas-" + UUID.randomUUID();
        client = MongoClients.create(MongoWireServer.uri(db));
        mongo = new MongoTemplate(client, db);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRebuildOnOneReplicaIsDualWrittenAndThenServedByTheOther() {
        ReadModels builder = new ReadModels(mongo);
        ReadModels other = new ReadModels(mongo);

        int generation = builder.startBuilding();
        assertThat(other.writeTargets(ReadModels.FACTS)).as("not refreshed yet").containsExactly("publication_facts");
        other.refresh();
        assertThat(other.writeTargets(ReadModels.FACTS)).containsExactly("publication_facts", "publication_facts_g" + generation);
        assertThat(other.collection(ReadModels.FACTS)).as("queries still read the active one").isEqualTo("publication_facts");

        builder.refresh(); // the builder's refresh beats, it does not forget its own rebuild
        assertThat(builder.building()).isEqualTo(generation);

        builder.switchTo(generation);
        other.refresh();
        assertThat(other.collection(ReadModels.FACTS)).isEqualTo("publication_facts_g" + generation);
        assertThat(other.writeTargets(ReadModels.FACTS)).containsExactly("publication_facts_g" + generation);
        assertThat(other.building()).isNull();
    }

    @Test
    void aRebuildWhoseReplicaDiedIsForgottenWhenItsHeartbeatIsStaleNotBefore() {
        ReadModels builder = new ReadModels(mongo);
        int generation = builder.startBuilding();

        ReadModels restarted = new ReadModels(mongo);
        assertThat(restarted.building()).as("the builder is alive").isEqualTo(generation);

        mongo.updateFirst(Query.query(Criteria.where("_id").is("generations")),
                new Update().set("heartbeat", Date.from(Instant.now().minus(ReadModels.STALE).minusSeconds(5))), ReadModels.META);
        restarted.refresh();
        assertThat(restarted.building()).isNull();
        assertThat(restarted.writeTargets(ReadModels.FACTS)).containsExactly("publication_facts");
        assertThat(mongo.findById("generations", Document.class, ReadModels.META).get("building")).isNull();
    }
}
