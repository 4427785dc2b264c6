package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.publication.units.UnitDirectory;

/**
 * A Kafka outage delays events, never loses or doubles them. A real KRaft broker advertises itself at a port served
 * by a TCP forwarder; the forwarder is shut (the broker vanishes from the network) before the service starts, items
 * are recorded (201) while their events wait in the documents' outbox, then the forwarder opens again and every event
 * must arrive, each item counted once by a revision-guarded projection (the rule every consumer follows).
 * (Restarting an embedded KRaft broker on a fixed port is not possible with spring-kafka 4.1: its test kit binds
 * ports of its own and ignores kafkaPorts.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // no consumer bindings here: the unit directory is filled directly, so nothing needs the broker at startup
        "spring.cloud.stream.function.autodetect=false",
        "spring.cloud.function.definition=",
        "cchc.outbox.interval=200ms",
        vn.cchc.security.test.TestTokens.PUBLIC_KEY_PROPERTY})
class OutboxGuaranteeTest {
    /** Listening from now until the end: its port is this test's for the whole run, never free for others to take. */
    static final TcpProxy network = new TcpProxy();
    static final int PROXY_PORT = network.port();
    static EmbeddedKafkaKraftBroker broker;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("publication-outbox-test"));
        registry.add("cchc.kafka.brokers", () -> "127.0.0.1:" + PROXY_PORT);
        // an @EmbeddedKafka broker of another test context leaves its address in this system property
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PROXY_PORT);
    }

    @BeforeAll
    static void brokerBehindAForwarderThenOffTheNetwork() throws IOException {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        // by default it would publish its real address as the system property spring.kafka.bootstrap-servers,
        // which outranks the service's configuration: the service must know the broker only through the forwarder
        broker.brokerListProperty("outbox-test.real-broker");
        broker.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + PROXY_PORT);
        broker.afterPropertiesSet();
        int brokerPort = Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", ""));
        network.forwardTo(brokerPort);
        network.start();
        broker.addTopics(PublicationEvents.TOPIC);
        network.stop(); // Kafka is now unreachable, before the service even starts
    }

    @AfterAll
    static void stopBroker() {
        network.close();
        if (broker != null) {
            broker.destroy();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    PublicationRepository repository;
    @Autowired
    UnitDirectory units;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired
    JsonMapper json;

    @Test
    void eventsRecordedWhileTheBrokerIsDownAllArriveOnceItIsBack() throws IOException {
        units.apply(json.readTree(ServiceTestBase.unitEvent("vinh-long", 1, "PROVINCE", "ACTIVE", "Tỉnh Vĩnh Long", List.of())));
        units.apply(json.readTree(ServiceTestBase.unitEvent("vinh-long.phu-khuong", 1, "WARD", "ACTIVE", "Phường Phú Khương",
                List.of("WEBSITE"))));
        String url = "http://127.0.0.1:" + port + "/api/publications";

        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Http.Response response = Api.postJson(url, PublicationApiTest.ARTICLE.replace("tin-tuc/1", "tin-tuc/" + i));
            assertThat(response.status()).as("the API answers while Kafka is down").isEqualTo(201);
            ids.add(json.readTree(response.body()).get("id").asString());
        }
        // a correction while down: its event queues behind the first one of the same item
        assertThat(Api.putJson(url + "/" + ids.get(0), PublicationApiTest.ARTICLE.replace("Phường", "Phường (đính chính)")
                .replace("tin-tuc/1", "tin-tuc/1"), "If-Match", "\"1\"").status()).isEqualTo(200);

        // the relay has tried and failed (the failed attempt is counted on the entry): the events are still in the documents
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            org.bson.Document stored = mongo.findById(ids.get(0), org.bson.Document.class, "publications");
            List<org.bson.Document> pending = stored.getList("pendingEvents", org.bson.Document.class);
            return pending.size() == 2 && pending.get(0).getInteger("attempts", 0) >= 1;
        });
        assertThat(ids).allSatisfy(id -> assertThat(repository.findById(id).orElseThrow().pendingEvents()).isNotEmpty());

        network.start(); // Kafka is back

        await().atMost(Duration.ofSeconds(90)).until(() ->
                ids.stream().allMatch(id -> repository.findById(id).orElseThrow().pendingEvents().isEmpty()));

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), PublicationEvents.TOPIC)) {
            List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(60))
                    .until(topic::poll, all -> all.stream().map(r -> TopicReader.header(r, "ce_id")).distinct().count() >= 6);
            Set<String> eventIds = new HashSet<>();
            Map<String, Long> projection = new HashMap<>(); // publicationId → highest revision applied
            for (ConsumerRecord<String, byte[]> event : events) {
                String type = TopicReader.header(event, "ce_type");
                assertThat(ContractSchemas.validate(type, TopicReader.value(event))).isEmpty();
                eventIds.add(TopicReader.header(event, "ce_id"));
                JsonNode data = json.readTree(TopicReader.value(event));
                projection.merge(data.get("publicationId").asString(), data.get("revision").asLong(), Math::max);
            }
            assertThat(eventIds).as("5 recorded + 1 corrected, none lost").hasSize(6);
            assertThat(projection.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(projection.get(ids.get(0))).isEqualTo(2);
            // per item, events arrive in order: recorded (revision 1) before corrected (revision 2)
            List<String> firstItem = events.stream().filter(e -> ids.get(0).equals(e.key()))
                    .map(e -> TopicReader.header(e, "ce_type")).distinct().toList();
            assertThat(firstItem).containsExactly("vn.cchc.publication.recorded.v1", "vn.cchc.publication.corrected.v1");
        }
    }
}
