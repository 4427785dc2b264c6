package vn.cchc.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.security.test.TestTokens;

/**
 * The public transparency figures of a province that publishes them (Vĩnh Long here; Hải Phòng does not): without a
 * token, aggregates only (no staff, user, item or task data), JSON and an Excel-ready CSV, computed once per
 * province-year per TTL whatever the number of calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", "server.shutdown=immediate",
                TestTokens.PUBLIC_KEY_PROPERTY, "cchc.reporting.transparency.provinces=vinh-long",
                "cchc.reporting.transparency.cache-ttl=PT10M"})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events",
        "cchc.publication.events", "cchc.compliance.events"},
        brokerProperties = "log.message.timestamp.after.max.ms=9223372036854775807")
class PublicTransparencyTest {
    static final String TH = "vinh-long.tan-hanh";
    static final String TM = "hai-phong.tien-minh";
    static final String PATH = "/api/public/provinces/vinh-long/transparency";
    static final Set<String> TARGET_FIELDS = Set.of("description", "channels", "channelLabels", "periodKind", "periodKindLabel",
            "currentPeriod", "currentPeriodLabel", "status", "statusLabel", "countThisYear", "countCurrentPeriod", "minimum");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("reporting-transparency-test"));
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-20T03:00:00Z"), ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    double computations(String province) {
        var counter = meters.find("cchc.transparency.computations").tag("province", province).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPublishingProvinceShowsAggregatesOnlyComputedOncePerTtl() throws Exception {
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            List<Scenario> wards = List.of(new Scenario(json),
                    new Scenario(json, TH, "Phường Tân Hạnh", "Tỉnh Vĩnh Long", "kh-th-2026", "th-"),
                    new Scenario(json, TM, "Xã Tiên Minh", "Thành phố Hải Phòng", "kh-tm-2026", "tm-"));
            for (Scenario ward : wards) {
                for (Scenario.Event e : ward.events()) {
                    sender.send(e.topic(), e.type(), e.key(), e.json());
                }
            }
        }
        // the figures are cached once computed: ask only when every event is in
        ConsumerGroups.awaitCaughtUp(brokers, "reporting-service",
                "cchc.unit.events", "cchc.plan.events", "cchc.task.events", "cchc.publication.events");
        assertThat(computations("vinh-long")).isZero();

        // no token at all
        Http.Response response = Http.get(url(PATH + "?year=2026"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("max-age=600").contains("public");
        JsonNode figures = json.readTree(response.body());
        assertThat(figures.get("provinceName").asString()).isEqualTo("Tỉnh Vĩnh Long");
        assertThat(figures.get("asOf").asString()).isEqualTo("2026-12-20");
        assertThat(figures.get("communes").valueStream().map(c -> c.get("name").asString()))
                .containsExactly("Phường Phú Khương", "Phường Tân Hạnh");
        JsonNode radio = figures.at("/communes/0/targets/0");
        assertThat(radio.get("description").asString()).isEqualTo("Ít nhất 02 tin, bài mỗi tháng trên Đài truyền thanh phường");
        assertThat(radio.get("channelLabels").valueStream().map(JsonNode::asString)).containsExactly("Đài truyền thanh");
        assertThat(List.of(radio.get("periodKindLabel").asString(), radio.get("currentPeriod").asString(),
                radio.get("currentPeriodLabel").asString(), radio.get("status").asString(), radio.get("statusLabel").asString()))
                .containsExactly("Hằng tháng", "2026-12", "Tháng 12/2026", "AT_RISK", "Có nguy cơ");
        assertThat(List.of(radio.get("countThisYear").asLong(), radio.get("countCurrentPeriod").asLong(), radio.get("minimum").asLong()))
                .containsExactly(5L, 0L, 2L);
        JsonNode web = figures.at("/communes/0/targets/1");
        assertThat(List.of(web.get("currentPeriodLabel").asString(), web.get("statusLabel").asString(),
                web.get("countThisYear").asString(), web.get("countCurrentPeriod").asString(), web.get("minimum").asString()))
                .containsExactly("Năm 2026", "Đạt", "12", "12", "10");
        assertThat(figures.at("/statusLabels/MISSED").asString()).isEqualTo("Không đạt");

        // aggregates only: exactly these fields per target, and nothing of items, tasks, users or the other province
        for (JsonNode commune : figures.get("communes")) {
            assertThat(fieldNames(commune)).containsExactlyInAnyOrder("unitId", "name", "targets");
            commune.get("targets").forEach(t -> assertThat(fieldNames(t)).isEqualTo(TARGET_FIELDS));
        }
        assertThat(response.body()).doesNotContain("Tin bài CCHC", "Chương trình phát thanh", "task-", "Đăng tin bài",
                "Tổ chức đối thoại", "leadName", "userId", "username", "coordinator", "http", "Tiên Minh", "hai-phong");
        assertThat(computations("vinh-long")).isEqualTo(1.0);

        // the CSV of the same figures: UTF-8 with a byte-order mark, Vietnamese header, one row per commune target
        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(PATH + ".csv?year=2026")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("cong-khai-cchc-vinh-long-2026.csv");
        assertThat(csv.headers().firstValue("Cache-Control").orElse("")).contains("max-age=600");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(rows.getFirst().toList()).containsExactly("Xã, phường, đặc khu", "Chỉ tiêu", "Kênh", "Chu kỳ", "Kỳ hiện tại",
                "Tình trạng", "Số lượng trong năm", "Số lượng kỳ hiện tại", "Mức tối thiểu");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1).toList()).containsExactly("Phường Phú Khương", "Ít nhất 02 tin, bài mỗi tháng trên Đài truyền thanh phường",
                "Đài truyền thanh", "Hằng tháng", "Tháng 12/2026", "Có nguy cơ", "5", "0", "2");
        assertThat(rows.get(2).toList()).containsExactly("Phường Phú Khương",
                "Ít nhất 12 tin, bài về CCHC trên Trang thông tin điện tử phường", "Trang thông tin điện tử", "Hằng năm", "Năm 2026",
                "Đạt", "12", "12", "10");
        assertThat(text).doesNotContain("Tin bài CCHC", "Tiên Minh");

        // within the TTL nothing is recomputed, JSON or CSV alike; another year is another entry
        for (int i = 0; i < 5; i++) {
            assertThat(Http.get(url(PATH + "?year=2026")).status()).isEqualTo(200);
            assertThat(Http.get(url(PATH + ".csv?year=2026")).status()).isEqualTo(200);
        }
        assertThat(Http.get(url(PATH)).status()).isEqualTo(200); // the current year (2026 by the clock): the same entry
        assertThat(computations("vinh-long")).isEqualTo(1.0);
        assertThat(Http.get(url(PATH + "?year=2025")).status()).isEqualTo(200);
        assertThat(computations("vinh-long")).isEqualTo(2.0);
    }

    @Test
    void aProvinceThatDoesNotPublishIsNotFoundAndBadInputIsAProblem() {
        for (String path : List.of("/api/public/provinces/hai-phong/transparency", "/api/public/provinces/hai-phong/transparency.csv",
                "/api/public/provinces/khong-co/transparency?year=2026")) {
            Http.Response response = Http.get(url(path));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(computations("hai-phong")).isZero();
        Http.Response year = Http.get(url(PATH + "?year=3000"));
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.header("Content-Type")).startsWith("application/problem+json");
        assertThat(year.body()).contains("year");
        assertThat(Http.get(url("/api/public/provinces/Vinh_Long/transparency")).status()).isEqualTo(400);
        // read-only: nothing else is mapped there
        assertThat(Http.postJson(url(PATH), "{}").status()).isEqualTo(405);
        // the rest of the API still wants a token
        assertThat(Http.get(url("/api/reports/units/vinh-long/compliance?year=2026")).status()).isEqualTo(401);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
