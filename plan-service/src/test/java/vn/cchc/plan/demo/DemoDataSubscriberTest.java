package vn.cchc.plan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.plan.plans.Plan;
import vn.cchc.plan.plans.PlanRepository;
import vn.cchc.plan.units.UnitRepository;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.TopicReader;

/**
 * The demo data loaded at startup, seen by an outside subscriber: a plain Kafka consumer that reads both topics
 * from the start and validates every event against the published schema of its ce_type.
 */
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", "cchc.demo-data.enabled=true",
        vn.cchc.security.test.TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {"cchc.plan.events", "cchc.unit.events"})
class DemoDataSubscriberTest {
    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> vn.cchc.platform.test.MongoWireServer.uri("plan-demo-test"));
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    PlanRepository plans;
    @Autowired
    UnitRepository units;

    List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        try (TopicReader reader = new TopicReader(brokers, topic)) {
            return await().atMost(Duration.ofSeconds(30)).until(reader::poll, records -> records.size() >= atLeast);
        }
    }

    @Test
    void everyDemoEventIsOnItsTopicAndValidAgainstThePublishedSchema() throws Exception {
        List<ConsumerRecord<String, byte[]>> unitEvents = readAll("cchc.unit.events", 24);
        List<ConsumerRecord<String, byte[]>> planEvents = readAll("cchc.plan.events", 4);

        for (ConsumerRecord<String, byte[]> event : concat(unitEvents, planEvents)) {
            String type = TopicReader.header(event, "ce_type");
            assertThat(type).isIn("vn.cchc.unit.changed.v1", "vn.cchc.plan.issued.v1");
            assertThat(TopicReader.header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(ContractSchemas.validate(type, TopicReader.value(event))).as(event.key()).isEmpty();
            assertThat(json.readTree(TopicReader.value(event)).path(type.contains("unit") ? "unitId" : "planId").asString())
                    .isEqualTo(event.key());
        }
        assertThat(unitEvents).extracting(ConsumerRecord::key).contains("vinh-long", "vinh-long.phu-khuong.vhxh",
                "hai-phong.tien-minh", "lam-dong.bac-binh.ttdvth", "lai-chau.van-phong-ubnd");

        Map<String, JsonNode> issued = planEvents.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> json.readTree(TopicReader.value(r)), (a, b) -> b));
        assertThat(issued).containsOnlyKeys("plan-phu-khuong-2026", "plan-tien-minh-2026", "plan-lai-chau-vp-2026", "plan-bac-binh-2026");

        JsonNode phuKhuong = issued.get("plan-phu-khuong-2026");
        assertThat(phuKhuong.get("status").asString()).isEqualTo("ISSUED");
        assertThat(phuKhuong.get("issuedOn").asString()).isEqualTo("2026-01-15");
        assertThat(phuKhuong.get("parentPlan").get("number").asString()).isEqualTo("125/KH-UBND");
        assertThat(target(phuKhuong, 0)).isEqualTo("12 ARTICLE WEBSITE YEAR SUBTREE vinh-long.phu-khuong");
        assertThat(target(phuKhuong, 1)).isEqualTo("2  RADIO MONTH SUBTREE vinh-long.phu-khuong");
        assertThat(phuKhuong.get("reportingDuties").findValuesAsString("period")).containsExactly("QUARTER", "HALF_YEAR", "YEAR");

        JsonNode tienMinh = issued.get("plan-tien-minh-2026");
        assertThat(target(tienMinh, 0)).isEqualTo("2 DIALOGUE WEBSITE YEAR SUBTREE hai-phong.tien-minh");
        assertThat(tienMinh.get("tasks").size()).isEqualTo(5);
        assertThat(tienMinh.get("tasks").get(1).get("leadUnitId").asString()).isEqualTo("hai-phong.tien-minh.vp-ubnd");
        assertThat(tienMinh.get("tasks").get(4).get("timeFrame").get("month").asInt()).isEqualTo(11);

        JsonNode laiChau = issued.get("plan-lai-chau-vp-2026");
        assertThat(laiChau.get("tasks").size()).isEqualTo(7);
        assertThat(laiChau.get("tasks").findValuesAsString("type"))
                .containsExactly("MONTH", "ONGOING", "ON_RESULTS", "ONGOING", "ONGOING", "ONGOING", "ONGOING");
        assertThat(laiChau.get("tasks").get(2).get("timeFrame").get("text").asString()).isEqualTo("Khi có kết quả công bố");

        // what the sample documents say beyond the v1 parts
        assertThat(phuKhuong.get("effectiveFrom").asString()).isEqualTo("2026-01-15");
        assertThat(phuKhuong.get("legalBases").findValuesAsString("number")).containsExactly("125/KH-UBND", "76/NQ-CP", "23/CT-TTg");
        assertThat(phuKhuong.get("responsibilities").size()).isEqualTo(7);
        assertThat(phuKhuong.get("responsibilities").get(1).get("unit").get("unitId").asString()).isEqualTo("vinh-long.phu-khuong.vhxh");
        assertThat(phuKhuong.get("responsibilities").get(1).get("duties").findValuesAsString("label"))
                .containsExactly("a", "b", "c", "d", "đ", "e", "g", "h", "i");
        assertThat(phuKhuong.get("responsibilities").get(5).get("requested").asBoolean()).isTrue();
        assertThat(phuKhuong.get("targets").get(0).get("subject").asString()).isEqualTo("CCHC");
        assertThat(phuKhuong.get("targets").get(1).get("responsible").get("name").asString()).isEqualTo("Đài Truyền thanh phường");
        assertThat(tienMinh.get("issuedOn").isNull()).isTrue();
        assertThat(tienMinh.get("issuedDate").get("month").asInt()).isEqualTo(3);
        assertThat(tienMinh.get("issuedDate").get("day").isNull()).isTrue();
        assertThat(tienMinh.get("effectiveFrom").asString()).isEqualTo("2026-03-01");
        assertThat(tienMinh.get("signatory").get("mandates").toString()).isEqualTo("[\"TM. ỦY BAN NHÂN DÂN\",\"KT. CHỦ TỊCH\"]");
        assertThat(tienMinh.get("milestones").findValuesAsString("kind")).containsExactly("DIALOGUE", "CONTEST");
        assertThat(laiChau.get("effectiveFrom").asString()).isEqualTo("2026-01-01");
        assertThat(laiChau.get("responsibilities").get(0).get("unit").get("unitId").isNull()).isTrue();

        JsonNode bacBinh = issued.get("plan-bac-binh-2026");
        JsonNode items = bacBinh.get("scheduledItems");
        assertThat(items.size()).isEqualTo(11);
        assertThat(items.findValuesAsString("date")).containsExactly("2026-01-23", "2026-03-13", "2026-04-10", "2026-05-08",
                "2026-06-12", "2026-07-10", "2026-08-14", "2026-09-11", "2026-10-09", "2026-11-13", "2026-12-11");
        for (JsonNode item : items) {
            assertThat(item.get("title").asString()).isEqualTo("Đối thoại về cải cách hành chính");
            assertThat(item.get("startTime").asString() + "-" + item.get("endTime").asString()).isEqualTo("20:15-20:45");
            assertThat(item.get("unitId").asString()).isEqualTo("lam-dong.bac-binh.ttdvth");
            assertThat(item.get("channel").asString() + "/" + item.get("kind").asString()).isEqualTo("RADIO/BROADCAST");
        }
    }

    @Test
    void loadingAgainChangesNothing() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> plans.findAll().stream().allMatch(p -> p.getRevision() == 1));
        Map<String, Long> versions = plans.findAll().stream().collect(Collectors.toMap(Plan::getId, Plan::getVersion));
        long unitCount = units.count();

        loader.run(null);

        assertThat(units.count()).isEqualTo(unitCount).isEqualTo(24);
        assertThat(plans.findAll().stream().collect(Collectors.toMap(Plan::getId, Plan::getVersion))).isEqualTo(versions);
        assertThat(plans.findAll()).allSatisfy(p -> assertThat(p.getRevisions()).hasSize(1));
        // loaded by no user: audited as the system
        assertThat(plans.findAll()).allSatisfy(p -> assertThat(p.getAudit()).extracting(a -> a.by() + " " + a.action())
                .containsExactly("system CREATED", "system ISSUED"));
        assertThat(units.findAll()).allSatisfy(u -> assertThat(u.getAudit()).extracting(a -> a.by() + " " + a.action())
                .containsExactly("system ADDED"));
    }

    private static String target(JsonNode plan, int index) {
        JsonNode t = plan.get("targets").get(index);
        return t.get("minimum").asInt() + " " + String.join(",", strings(t.get("kinds")))
                + " " + String.join(",", strings(t.get("channels")))
                + " " + t.get("period").asString() + " " + t.get("scope").asString() + " " + t.get("unitId").asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).collect(Collectors.toList());
    }
}
