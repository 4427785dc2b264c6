package vn.cchc.publication;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.publication.units.UnitDirectory;
import vn.cchc.security.test.TestTokens;

/**
 * One application context for the service tests (real HTTP, the MongoDB wire server, an embedded KRaft broker),
 * shared by every subclass through Spring's context cache. The unit directory is filled the way it is in
 * production: by {@code vn.cchc.unit.changed.v1} events on {@code cchc.unit.events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", "cchc.feeds.interval=PT1S",
                // the test feeds are served on 127.0.0.1 (any port); nothing else private is allowed, not even 127.0.0.2
                "cchc.feeds.allowed-networks=127.0.0.1/32",
                // a fetch's overall deadline and byte cap, small enough for the slow-drip and oversized-feed tests
                "cchc.feeds.timeout=PT10S", "cchc.feeds.max-bytes=256KB",
                TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {PublicationEvents.TOPIC, ServiceTestBase.UNIT_TOPIC})
abstract class ServiceTestBase {
    static final String UNIT_TOPIC = "cchc.unit.events";
    static final String UNIT_CHANGED = "vn.cchc.unit.changed.v1";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("publication-service-test"));
        // plan ids are checked against plan-service: a stand-in over real HTTP (one per JVM, so one address)
        registry.add("cchc.services.plan", PlanServiceStandIn::url);
    }

    @LocalServerPort
    int port;
    /** This context's broker (not a system property, which another test context's broker may overwrite). */
    String brokers;
    @Autowired
    EmbeddedKafkaBroker embeddedKafka;
    @Autowired
    PublicationRepository repository;
    @Autowired
    UnitDirectory units;
    @Autowired
    JsonMapper json;

    /** A unit event as plan-service publishes it (shape from the shared contract, full state). */
    static String unitEvent(String unitId, long revision, String kind, String status, String name, List<String> channels) {
        String[] segments = unitId.split("\\.");
        String parent = segments.length > 1 ? unitId.substring(0, unitId.lastIndexOf('.')) : null;
        String commune = segments.length > 1 ? segments[0] + "." + segments[1] : null;
        String channelList = String.join(",", channels.stream()
                .map(c -> "{\"channel\":\"" + c + "\",\"name\":null,\"url\":null}").toList());
        return """
                {"unitId":"%s","revision":%d,"parentId":%s,"name":"%s","kind":"%s","status":"%s",
                 "unitPath":{"province":"%s","commune":%s,"unit":"%s"},"channels":[%s]}"""
                .formatted(unitId, revision, parent == null ? "null" : "\"" + parent + "\"", name, kind, status,
                        segments[0], commune == null ? "null" : "\"" + commune + "\"", unitId, channelList);
    }

    @BeforeEach
    void unitDirectory() {
        brokers = embeddedKafka.getBrokersAsString();
        repository.deleteAll();
        PlanServiceStandIn.reset();
        if (units.find("lam-dong.bac-binh").isPresent()) {
            return;
        }
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "vinh-long", unitEvent("vinh-long", 1, "PROVINCE", "ACTIVE",
                    "Tỉnh Vĩnh Long", List.of("PROVINCIAL_PORTAL")));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "vinh-long.phu-khuong", unitEvent("vinh-long.phu-khuong", 1, "WARD",
                    "ACTIVE", "Phường Phú Khương", List.of("WEBSITE", "RADIO", "FACEBOOK", "ZALO_OA", "ELECTRONIC_BOARD")));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "vinh-long.phu-khuong.vhxh", unitEvent("vinh-long.phu-khuong.vhxh", 1,
                    "OFFICE", "ACTIVE", "Phòng Văn hóa - Xã hội", List.of()));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "vinh-long.phu-khuong.tt-cu", unitEvent("vinh-long.phu-khuong.tt-cu", 1,
                    "CENTRE", "RETIRED", "Trung tâm Văn hóa (cũ)", List.of("WEBSITE")));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "lam-dong", unitEvent("lam-dong", 1, "PROVINCE", "ACTIVE",
                    "Tỉnh Lâm Đồng", List.of()));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "lam-dong.bac-binh", unitEvent("lam-dong.bac-binh", 1, "COMMUNE",
                    "ACTIVE", "Xã Bắc Bình", List.of("RADIO")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> units.find("lam-dong.bac-binh").isPresent());
    }

    String url() {
        return "http://127.0.0.1:" + port + "/api/publications";
    }
}
