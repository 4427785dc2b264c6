package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;

/** Recording through real HTTP, stored in the MongoDB wire server, emitted on a real (embedded KRaft) broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cchc.kafka.brokers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 1, topics = PublicationEvents.TOPIC)
class PublicationApiTest {
    static final String ARTICLE = """
            {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE",
             "title":"Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến",
             "url":"https://phukhuong.vinhlong.gov.vn/tin-tuc/1","publishedAt":"2026-03-02T08:00:00+07:00"}""";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("publication-api-test"));
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    PublicationRepository repository;
    @Autowired
    JsonMapper json;
    TopicReader topic;

    @BeforeEach
    void setUp() {
        repository.deleteAll();
        topic = new TopicReader(brokers, PublicationEvents.TOPIC);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/api/publications";
    }

    @Test
    void recordsAnArticleAndEmitsAValidRecordedEvent() {
        Http.Response response = Http.postJson(url(), ARTICLE);

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        String id = body.get("id").asString();
        assertThat(response.header("Location")).isEqualTo("/api/publications/" + id);
        assertThat(body.get("publishedAt").asString()).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(Http.get(url() + "/" + id).status()).isEqualTo(200);

        ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(20))
                .until(() -> topic.poll().stream().filter(r -> id.equals(r.key())).findFirst(), java.util.Optional::isPresent)
                .get();
        assertThat(TopicReader.header(event, "ce_type")).isEqualTo("vn.cchc.publication.recorded.v1");
        assertThat(TopicReader.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(event, "ce_subject")).isEqualTo(id);
        assertThat(TopicReader.header(event, "ce_source")).isEqualTo("/cchc/publication-service");
        assertThat(event.headers().lastHeader("__TypeId__")).isNull();
        String data = TopicReader.value(event);
        assertThat(ContractSchemas.validate("vn.cchc.publication.recorded.v1", data)).isEmpty();
        JsonNode eventData = json.readTree(data);
        assertThat(eventData.get("revision").asLong()).isEqualTo(1);
        assertThat(eventData.get("unitPath").get("commune").asString()).isEqualTo("vinh-long.phu-khuong");
        // the outbox entry is removed once the broker acknowledged it
        await().atMost(Duration.ofSeconds(10)).until(() -> repository.findById(id).orElseThrow().pendingEvents().isEmpty());
    }

    @Test
    void recordsABroadcastWithItsDuration() {
        Http.Response response = Http.postJson(url(), """
                {"unitId":"vinh-long.phu-khuong.vhxh","channel":"RADIO","kind":"BROADCAST",
                 "title":"Chuyên mục CCHC tháng 3","publishedAt":"2026-03-13T20:15:00+07:00","durationSeconds":1800}""");

        assertThat(response.status()).isEqualTo(201);
        assertThat(json.readTree(response.body()).get("durationSeconds").asInt()).isEqualTo(1800);
    }

    @Test
    void rejectsAnIncompleteItemNamingEachFieldAndStoresNothing() {
        Http.Response response = Http.postJson(url(), """
                {"unitId":"Vinh Long!","channel":"RADIO","kind":"BROADCAST","title":" ",
                 "publishedAt":"2026-03-13T20:15:00+07:00"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.findValuesAsString("field")).contains("unitId", "title");
        assertThat(errors.findValuesAsString("rule")).contains("pattern", "not-blank");
        assertThat(repository.count()).isZero();
    }

    @Test
    void rejectsABroadcastWithoutDurationAndAWebItemWithoutValidLink() {
        Http.Response broadcast = Http.postJson(url(), """
                {"unitId":"vinh-long.phu-khuong","channel":"RADIO","kind":"BROADCAST","title":"Bản tin",
                 "publishedAt":"2026-03-13T20:15:00+07:00"}""");
        Http.Response article = Http.postJson(url(), """
                {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE","title":"Tin",
                 "url":"javascript:alert(1)","publishedAt":"2026-03-13T20:15:00+07:00"}""");

        assertThat(broadcast.status()).isEqualTo(400);
        assertThat(json.readTree(broadcast.body()).get("errors").get(0).get("field").asString()).isEqualTo("durationSeconds");
        assertThat(article.status()).isEqualTo(400);
        assertThat(json.readTree(article.body()).get("errors").get(0).get("rule").asString()).isEqualTo("http-url");
        assertThat(repository.count()).isZero();
    }

    @Test
    void rejectsAnUnknownChannelAndMalformedJson() {
        Http.Response unknown = Http.postJson(url(), ARTICLE.replace("\"WEBSITE\"", "\"TELEGRAPH\""));
        Http.Response malformed = Http.postJson(url(), "{\"unitId\":");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(repository.count()).isZero();
    }

    @Test
    void exposesPrometheusMetricsAndSeparateProbes() {
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/prometheus").body()).contains("cchc_outbox_published_total");
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health/readiness").status()).isEqualTo(200);
    }
}
