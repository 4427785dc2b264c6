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
class PublicationApiTest extends ServiceTestBase {
    static final String ARTICLE = """
            {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE",
             "title":"Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến",
             "url":"https://phukhuong.vinhlong.gov.vn/tin-tuc/1","publishedAt":"2026-03-02T08:00:00+07:00"}""";

    TopicReader topic;

    @BeforeEach
    void setUp() {
        topic = new TopicReader(brokers, PublicationEvents.TOPIC);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void recordsAnArticleAndEmitsAValidRecordedEvent() {
        Http.Response response = Api.postJson(url(), ARTICLE);

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        String id = body.get("id").asString();
        assertThat(response.header("Location")).isEqualTo("/api/publications/" + id);
        assertThat(body.get("publishedAt").asString()).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(body.get("recordedBy").asString()).isEqualTo("admin.test"); // from the token
        assertThat(Api.get(url() + "/" + id).status()).isEqualTo(200);

        ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(60))
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
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.findById(id).orElseThrow().pendingEvents().isEmpty());
    }

    @Test
    void recordsABroadcastWithItsDuration() {
        Http.Response response = Api.postJson(url(), """
                {"unitId":"vinh-long.phu-khuong.vhxh","channel":"RADIO","kind":"BROADCAST",
                 "title":"Chuyên mục CCHC tháng 3","publishedAt":"2026-03-13T20:15:00+07:00","durationSeconds":1800}""");

        assertThat(response.status()).isEqualTo(201);
        assertThat(json.readTree(response.body()).get("durationSeconds").asInt()).isEqualTo(1800);
    }

    @Test
    void rejectsAnIncompleteItemNamingEachFieldAndStoresNothing() {
        Http.Response response = Api.postJson(url(), """
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
        Http.Response broadcast = Api.postJson(url(), """
                {"unitId":"vinh-long.phu-khuong","channel":"RADIO","kind":"BROADCAST","title":"Bản tin",
                 "publishedAt":"2026-03-13T20:15:00+07:00"}""");
        Http.Response article = Api.postJson(url(), """
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
        Http.Response unknown = Api.postJson(url(), ARTICLE.replace("\"WEBSITE\"", "\"TELEGRAPH\""));
        Http.Response malformed = Api.postJson(url(), "{\"unitId\":");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(repository.count()).isZero();
    }

    @Test
    void recordsEveryOptionalFieldAndCarriesItInTheEvent() {
        Http.Response response = Api.postJson(url(), """
                {"unitId":"vinh-long.phu-khuong","channel":"FACEBOOK","kind":"VIDEO",
                 "title":"Video hướng dẫn nộp hồ sơ trực tuyến","summary":"Hướng dẫn từng bước trên Cổng dịch vụ công.",
                 "url":"https://facebook.com/phukhuong/videos/42","publishedAt":"2026-03-05T19:30:00+07:00",
                 "themes":["ONLINE_PUBLIC_SERVICES","DIGITAL_GOVERNMENT"],"planId":"plan-2026-pk","taskId":"task-7",
                 "author":"Trần Văn Minh","engagement":{"views":320,"interactions":41}}""");

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        String id = body.get("id").asString();
        assertThat(body.get("themes").get(1).asString()).isEqualTo("DIGITAL_GOVERNMENT");
        assertThat(body.get("engagement").get("views").asLong()).isEqualTo(320);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");

        String data = TopicReader.value(eventOf(id, "vn.cchc.publication.recorded.v1"));
        assertThat(ContractSchemas.validate("vn.cchc.publication.recorded.v1", data)).isEmpty();
        JsonNode event = json.readTree(data);
        assertThat(event.get("planId").asString()).isEqualTo("plan-2026-pk");
        assertThat(event.get("taskId").asString()).isEqualTo("task-7");
        assertThat(event.get("engagement").get("interactions").asLong()).isEqualTo(41);
        assertThat(event.get("source").asString()).isEqualTo("MANUAL");
    }

    @Test
    void neutralisesHtmlInTitleAndSummary() {
        Http.Response response = Api.postJson(url(), ARTICLE.replace("\"title\":\"Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến\"",
                "\"title\":\"<b>Tin</b> <script>alert('x')</script>CCHC &amp; chuyển đổi số\",\"summary\":\"<p onclick=\\\"x()\\\">Tóm <i>tắt</i></p>\""));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("title").asString()).isEqualTo("Tin CCHC & chuyển đổi số");
        assertThat(body.get("summary").asString()).isEqualTo("Tóm tắt");
    }

    @Test
    void rejectsATitleThatIsOnlyMarkupAndOverlongText() {
        Http.Response markupOnly = Api.postJson(url(), ARTICLE.replace("Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến", "<br/><img src=x>"));
        Http.Response overlong = Api.postJson(url(), ARTICLE.replace("Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến", "a".repeat(501)));

        assertThat(markupOnly.status()).isEqualTo(400);
        assertThat(json.readTree(markupOnly.body()).get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(json.readTree(overlong.body()).get("errors").get(0).get("rule").asString()).isEqualTo("size");
        assertThat(repository.count()).isZero();
    }

    @Test
    void rejectsAnUnknownUnitARetiredUnitAndAChannelTheUnitDoesNotOperate() {
        // an empty or incomplete local unit directory answers "unknown unit", never a silent count
        Http.Response unknown = Api.postJson(url(), ARTICLE.replace("\"vinh-long.phu-khuong\"", "\"ha-noi.hoan-kiem\""));
        Http.Response retired = Api.postJson(url(), ARTICLE.replace("\"vinh-long.phu-khuong\"", "\"vinh-long.phu-khuong.tt-cu\""));
        Http.Response notOperated = Api.postJson(url(), ARTICLE.replace("\"vinh-long.phu-khuong\"", "\"lam-dong.bac-binh\""));

        assertThat(unknown.status()).isEqualTo(400);
        JsonNode unknownError = json.readTree(unknown.body()).get("errors").get(0);
        assertThat(unknownError.get("field").asString()).isEqualTo("unitId");
        assertThat(unknownError.get("rule").asString()).isEqualTo("unknown-unit");
        assertThat(unknownError.get("message").asString()).contains("ha-noi.hoan-kiem");
        assertThat(json.readTree(retired.body()).get("errors").get(0).get("rule").asString()).isEqualTo("inactive-unit");
        assertThat(notOperated.status()).isEqualTo(400);
        assertThat(json.readTree(notOperated.body()).get("errors").get(0).get("rule").asString()).isEqualTo("channel-not-operated");
        assertThat(repository.count()).isZero();
    }

    @Test
    void theNewChannelsAreRecordedAndEmitted() {
        String body = """
                {"unitId":"%s","channel":"%s","kind":"%s","title":"Tuyên truyền CCHC %s",%s
                 "publishedAt":"2026-03-02T08:00:00+07:00"}""";
        // bodies outside the directory and forms without infrastructure: any active unit (Bắc Bình operates only RADIO)
        Http.Response tv = Api.postJson(url(), body.formatted("lam-dong.bac-binh", "TELEVISION", "BROADCAST", "tv", "\"durationSeconds\":600,"));
        Http.Response press = Api.postJson(url(), body.formatted("lam-dong.bac-binh", "PRESS", "ARTICLE", "press", ""));
        Http.Response banner = Api.postJson(url(), body.formatted("lam-dong.bac-binh", "BANNER", "BANNER", "banner", ""));
        Http.Response leaflet = Api.postJson(url(), body.formatted("lam-dong.bac-binh", "LEAFLET", "LEAFLET", "leaflet", ""));
        Http.Response meeting = Api.postJson(url(), body.formatted("lam-dong.bac-binh", "MEETING", "DIALOGUE", "meeting", ""));
        // loudspeakers: operated through the commune radio
        Http.Response loudspeaker = Api.postJson(url(), body.formatted("lam-dong.bac-binh", "LOUDSPEAKER", "BROADCAST", "loa",
                "\"durationSeconds\":300,"));
        // the national public-service portal is online: a link is required
        Http.Response portalWithoutLink = Api.postJson(url(), body.formatted("lam-dong.bac-binh", "NATIONAL_PUBLIC_SERVICE_PORTAL",
                "ARTICLE", "portal", ""));
        Http.Response portal = Api.postJson(url(), body.formatted("lam-dong.bac-binh", "NATIONAL_PUBLIC_SERVICE_PORTAL", "ARTICLE",
                "portal", "\"url\":\"https://dichvucong.gov.vn/p/home/dvc-tin-tuc.html?id=1\","));
        // a province that operates neither loudspeakers nor radio
        Http.Response notOperated = Api.postJson(url(), body.formatted("vinh-long", "LOUDSPEAKER", "BROADCAST", "loa",
                "\"durationSeconds\":300,"));

        for (Http.Response created : java.util.List.of(tv, press, banner, leaflet, meeting, loudspeaker, portal)) {
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        assertThat(portalWithoutLink.status()).isEqualTo(400);
        JsonNode missingLink = json.readTree(portalWithoutLink.body()).get("errors").get(0);
        assertThat(missingLink.get("field").asString()).isEqualTo("url");
        assertThat(missingLink.get("rule").asString()).isEqualTo("required");
        assertThat(notOperated.status()).isEqualTo(400);
        JsonNode operatorError = json.readTree(notOperated.body()).get("errors").get(0);
        assertThat(operatorError.get("rule").asString()).isEqualTo("channel-not-operated");
        assertThat(operatorError.get("message").asString()).contains("LOUDSPEAKER or RADIO");

        java.util.Set<String> ids = java.util.stream.Stream.of(tv, press, banner, leaflet, meeting, loudspeaker, portal)
                .map(r -> json.readTree(r.body()).get("id").asString()).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> channels = new java.util.concurrent.ConcurrentSkipListSet<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            topic.poll().stream().filter(r -> ids.contains(r.key())).forEach(r -> {
                String data = TopicReader.value(r);
                assertThat(ContractSchemas.validate("vn.cchc.publication.recorded.v1", data)).isEmpty();
                channels.add(json.readTree(data).get("channel").asString());
            });
            assertThat(channels).containsExactlyInAnyOrder("TELEVISION", "PRESS", "BANNER", "LEAFLET", "MEETING", "LOUDSPEAKER",
                    "NATIONAL_PUBLIC_SERVICE_PORTAL");
        });
        assertThat(json.readTree(Api.get(url() + "?channel=TELEVISION&unit=lam-dong").body()).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void anyActiveUnitMayRecordPrintAndOnSiteItemsAndTheProvincialPortalBelongsToTheProvince() {
        Http.Response leaflet = Api.postJson(url(), """
                {"unitId":"lam-dong.bac-binh","channel":"PRINT","kind":"LEAFLET","title":"Tờ rơi hướng dẫn thủ tục",
                 "publishedAt":"2026-03-02T08:00:00+07:00"}""");
        Http.Response onPortal = Api.postJson(url(), ARTICLE.replace("\"WEBSITE\"", "\"PROVINCIAL_PORTAL\""));

        assertThat(leaflet.status()).isEqualTo(201);
        assertThat(onPortal.status()).isEqualTo(201);
    }

    @Test
    void theSameLinkRecordedTwiceReturnsTheFirstRecordAndEmitsOneEvent() {
        Http.Response first = Api.postJson(url(), ARTICLE);
        // same item: host case, www., a trailing slash and tracking parameters do not make it new
        Http.Response second = Api.postJson(url(), ARTICLE.replace("https://phukhuong.vinhlong.gov.vn/tin-tuc/1",
                "https://WWW.PhuKhuong.vinhlong.gov.vn/tin-tuc/1/?utm_source=zalo"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        String id = json.readTree(first.body()).get("id").asString();
        assertThat(json.readTree(second.body()).get("id").asString()).isEqualTo(id);
        assertThat(repository.count()).isEqualTo(1);
        eventOf(id, "vn.cchc.publication.recorded.v1");
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.findById(id).orElseThrow().pendingEvents().isEmpty());
        assertThat(topic.poll().stream().filter(r -> id.equals(r.key()))).hasSize(1);
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/prometheus").body())
                .contains("cchc_publications_recorded_total{application=\"publication-service\",channel=\"WEBSITE\",outcome=\"duplicate\",source=\"MANUAL\"}");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstRecordEvenWithoutALink() {
        String broadcast = """
                {"unitId":"vinh-long.phu-khuong","channel":"RADIO","kind":"BROADCAST","title":"Bản tin CCHC",
                 "publishedAt":"2026-03-13T20:15:00+07:00","durationSeconds":900}""";
        Http.Response first = Api.postJson(url(), broadcast, "Idempotency-Key", "radio-2026-03-13");
        Http.Response retry = Api.postJson(url(), broadcast, "Idempotency-Key", "radio-2026-03-13");
        // another key for the same link-less programme: a probable duplicate, recorded once confirmed
        Http.Response other = Api.postJson(url(), broadcast, "Idempotency-Key", "radio-2026-03-13-b");
        Http.Response confirmed = Api.postJson(url(), broadcast.replace("\"durationSeconds\"", "\"confirmDuplicate\":true,\"durationSeconds\""),
                "Idempotency-Key", "radio-2026-03-13-b");
        Http.Response bodyKey = Api.postJson(url(), broadcast.replace("\"durationSeconds\":900",
                "\"durationSeconds\":900,\"clientRequestId\":\"radio-2026-03-13\""));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(409);
        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(bodyKey.status()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).get("id").asString()).isEqualTo(json.readTree(first.body()).get("id").asString());
        assertThat(repository.count()).isEqualTo(2);
    }

    ConsumerRecord<String, byte[]> eventOf(String id, String type) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> topic.poll().stream()
                        .filter(r -> id.equals(r.key()) && type.equals(TopicReader.header(r, "ce_type"))).findFirst(),
                        java.util.Optional::isPresent)
                .get();
    }

    @Test
    void exposesPrometheusMetricsAndSeparateProbes() {
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/prometheus").body()).contains("cchc_outbox_published_total");
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health/readiness").status()).isEqualTo(200);
    }
}
