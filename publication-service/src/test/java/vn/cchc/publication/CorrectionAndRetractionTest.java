package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;

/** Corrections with If-Match, soft retraction with a reason, engagement updates; each emits its event, history is kept. */
class CorrectionAndRetractionTest extends ServiceTestBase {
    static final String ARTICLE = PublicationApiTest.ARTICLE;
    TopicReader topic;

    @BeforeEach
    void setUp() {
        topic = new TopicReader(brokers, PublicationEvents.TOPIC);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    String record() {
        Http.Response response = Api.postJson(url(), ARTICLE);
        assertThat(response.status()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    List<ConsumerRecord<String, byte[]>> eventsOf(String id, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> topic.poll().stream().filter(r -> id.equals(r.key())).toList(), events -> events.size() >= count);
    }

    static Http.Response post(String url, String body, String... headers) {
        return Api.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    @Test
    void aCorrectionWithTheCurrentETagEmitsTheNewStateAndKeepsTheOldOne() {
        String id = record();
        String corrected = ARTICLE.replace("đẩy mạnh dịch vụ công trực tuyến", "đẩy mạnh dịch vụ công trực tuyến toàn trình")
                .replace("\"publishedAt\"", "\"themes\":[\"ONLINE_PUBLIC_SERVICES\"],\"publishedAt\"");

        Http.Response response = Api.putJson(url() + "/" + id, corrected, "If-Match", "\"1\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("title").asString()).endsWith("toàn trình");
        assertThat(body.get("revision").asLong()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> events = eventsOf(id, 2);
        assertThat(events).extracting(e -> TopicReader.header(e, "ce_type"))
                .containsExactly("vn.cchc.publication.recorded.v1", "vn.cchc.publication.corrected.v1");
        String data = TopicReader.value(events.get(1));
        assertThat(ContractSchemas.validate("vn.cchc.publication.corrected.v1", data)).isEmpty();
        JsonNode event = json.readTree(data);
        assertThat(event.get("revision").asLong()).isEqualTo(2);
        assertThat(event.get("themes").get(0).asString()).isEqualTo("ONLINE_PUBLIC_SERVICES");

        JsonNode history = json.readTree(Api.get(url() + "/" + id + "/history").body());
        assertThat(history.get("revision").asLong()).isEqualTo(2);
        JsonNode previous = history.get("previousVersions").get(0);
        assertThat(previous.get("revision").asLong()).isEqualTo(1);
        assertThat(previous.get("change").asString()).isEqualTo("RECORDED");
        assertThat(previous.get("state").get("title").asString()).isEqualTo("Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến");
    }

    @Test
    void aStaleETagIsRefusedWith412AndChangesNothing() {
        String id = record();
        assertThat(Api.putJson(url() + "/" + id, ARTICLE.replace("Phường", "Phường (sửa 1)"), "If-Match", "\"1\"").status())
                .isEqualTo(200);

        Http.Response stale = Api.putJson(url() + "/" + id, ARTICLE.replace("Phường", "Phường (sửa 2)"), "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        Publication stored = repository.findById(id).orElseThrow();
        assertThat(stored.getTitle()).startsWith("Phường (sửa 1)");
        assertThat(stored.getRevision()).isEqualTo(2);
    }

    @Test
    void anInvalidCorrectionChangesNothing() {
        String id = record();

        Http.Response invalid = Api.putJson(url() + "/" + id, ARTICLE.replace("https://phukhuong.vinhlong.gov.vn/tin-tuc/1", "ftp://x"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(repository.findById(id).orElseThrow().getRevision()).isEqualTo(1);
    }

    @Test
    void aRetractionKeepsTheItemWithItsReasonAndEmitsARetractedEvent() {
        String id = record();

        Http.Response retracted = post(url() + "/" + id + "/retraction",
                "{\"reason\":\"Bài viết trùng với tin đã đăng ngày 28/02\"}", "If-Match", "\"1\"");

        assertThat(retracted.status()).isEqualTo(200);
        JsonNode body = json.readTree(retracted.body());
        assertThat(body.get("status").asString()).isEqualTo("RETRACTED");
        assertThat(body.get("retractionReason").asString()).isEqualTo("Bài viết trùng với tin đã đăng ngày 28/02");
        assertThat(Api.get(url() + "/" + id).status()).isEqualTo(200);

        ConsumerRecord<String, byte[]> event = eventsOf(id, 2).get(1);
        assertThat(TopicReader.header(event, "ce_type")).isEqualTo("vn.cchc.publication.retracted.v1");
        assertThat(ContractSchemas.validate("vn.cchc.publication.retracted.v1", TopicReader.value(event))).isEmpty();
        JsonNode data = json.readTree(TopicReader.value(event));
        assertThat(data.get("retracted").asBoolean()).isTrue();
        assertThat(data.get("revision").asLong()).isEqualTo(2);

        // a retracted item can be neither corrected nor retracted again
        assertThat(Api.putJson(url() + "/" + id, ARTICLE).status()).isEqualTo(409);
        assertThat(post(url() + "/" + id + "/retraction", "{\"reason\":\"lần nữa\"}").status()).isEqualTo(409);
        assertThat(post(url() + "/" + id + "/retraction", "{\"reason\":\" \"}").status()).isEqualTo(400);
    }

    @Test
    void engagementFiguresAreUpdatedOverTimeAsCorrections() {
        String id = record();

        Http.Response updated = Api.putJson(url() + "/" + id + "/engagement", "{\"views\":1250,\"interactions\":87}");
        Http.Response negative = Api.putJson(url() + "/" + id + "/engagement", "{\"views\":-1}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(json.readTree(updated.body()).get("engagement").get("views").asLong()).isEqualTo(1250);
        assertThat(negative.status()).isEqualTo(400);
        ConsumerRecord<String, byte[]> event = eventsOf(id, 2).get(1);
        assertThat(TopicReader.header(event, "ce_type")).isEqualTo("vn.cchc.publication.corrected.v1");
        String data = TopicReader.value(event);
        assertThat(ContractSchemas.validate("vn.cchc.publication.corrected.v1", data)).isEmpty();
        assertThat(json.readTree(data).get("engagement").get("interactions").asLong()).isEqualTo(87);
    }

    @Test
    void correctingToALinkAnotherRecordHasIsAConflict() {
        String first = record();
        String second = json.readTree(Api.postJson(url(), ARTICLE.replace("tin-tuc/1", "tin-tuc/2")).body()).get("id").asString();

        Http.Response clash = Api.putJson(url() + "/" + second, ARTICLE);

        assertThat(clash.status()).isEqualTo(409);
        assertThat(repository.findById(second).orElseThrow().getUrl()).endsWith("tin-tuc/2");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theExamplesValidateAgainstTheirSchemas() {
        for (String type : List.of("vn.cchc.publication.recorded.v1", "vn.cchc.publication.corrected.v1",
                "vn.cchc.publication.retracted.v1")) {
            assertThat(ContractSchemas.validate(type, ContractSchemas.example(type))).as(type).isEmpty();
        }
    }
}
