package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.publication.feeds.FeedSubscriptionRepository;
import vn.cchc.security.test.TestTokens;

/**
 * The service checks tokens itself (a call that bypasses the gateway gets nothing), confines every caller to their
 * units (reads filtered, other units' items 404 on reads and writes alike; a new item for another unit or a write
 * without a writing role 403; nothing stored and nothing emitted),
 * and keeps who changed what and when.
 */
class PublicationSecurityTest extends ServiceTestBase {
    static final String PK = "vinh-long.phu-khuong";
    static final String BB = "lam-dong.bac-binh";
    static final String EDITOR_PK = TestTokens.editor(PK);
    static final String EDITOR_BB = TestTokens.editor(BB);
    static final String COORDINATOR_PK = TestTokens.coordinator(PK);
    static final String VIEWER_PK = TestTokens.viewer(PK);
    static final String ARTICLE = PublicationApiTest.ARTICLE;
    static final String BB_BROADCAST = """
            {"unitId":"lam-dong.bac-binh","channel":"RADIO","kind":"BROADCAST","title":"Bản tin CCHC Bắc Bình",
             "publishedAt":"2026-03-02T19:00:00+07:00","durationSeconds":600}""";
    static final String CSV_HEADER = "Đơn vị,Kênh,Loại,Tiêu đề,Đường dẫn,Thời gian đăng,Thời lượng (phút)\n";

    @Autowired
    FeedSubscriptionRepository subscriptions;
    TopicReader topic;

    @BeforeEach
    void setUp() {
        subscriptions.deleteAll();
        topic = new TopicReader(brokers, PublicationEvents.TOPIC);
    }

    @AfterEach
    void tearDown() {
        subscriptions.deleteAll();
        topic.close();
    }

    String record(String token, String body) {
        Http.Response response = Api.as(token).postJson(url(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    Http.Response upload(String token, String query, String csv) {
        return Api.as(token).upload(url() + "/import?" + query, "danh-sach.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    static Http.Response post(String token, String url, String body) {
        return Api.as(token).send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void withoutAValidTokenEveryApiCallIs401ProblemAndNothingIsStored() {
        String id = record(Api.ADMIN, ARTICLE);
        List<String> badTokens = List.of(
                TestTokens.expired("admin.test", List.of("PROVINCE_ADMIN"), List.of("vinh-long")),
                TestTokens.wronglySigned("admin.test", List.of("PROVINCE_ADMIN"), List.of("vinh-long")),
                TestTokens.tampered("editor.x", List.of("PROVINCE_ADMIN"), List.of("vinh-long")),
                TestTokens.malformed());

        for (String path : List.of("", "/" + id, "/" + id + "/history", "/" + id + "/audit", "/feeds", "/import/template")) {
            Http.Response anonymous = Http.get(url() + path);
            assertProblem(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
            for (String token : badTokens) {
                assertProblem(Http.get(url() + path, "Authorization", TestTokens.bearer(token)), 401);
            }
        }
        assertProblem(Http.postJson(url(), ARTICLE.replace("tin-tuc/1", "tin-tuc/2")), 401);
        assertProblem(Http.putJson(url() + "/" + id, ARTICLE.replace("Phường", "Phường (sửa)")), 401);
        for (String token : badTokens) {
            assertProblem(Http.postJson(url(), ARTICLE.replace("tin-tuc/1", "tin-tuc/2"), "Authorization",
                    TestTokens.bearer(token)), 401);
        }
        assertThat(repository.count()).isEqualTo(1);
        assertThat(repository.findById(id).orElseThrow().getRevision()).isEqualTo(1);
        // probes and metrics stay open (scraped inside the cluster)
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void writesOutsideTheCallersUnitsAre404OrWithoutAWritingRole403AndChangeNothing() {
        String bb = record(Api.ADMIN, BB_BROADCAST);
        String pk = record(EDITOR_PK, ARTICLE);
        String feed = json.readTree(Api.postJson(url() + "/feeds",
                "{\"unitId\":\"" + PK + "\",\"url\":\"http://127.0.0.1:9/rss\"}").body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.findAll().stream().allMatch(p -> p.pendingEvents().isEmpty()));

        // an editor of Phú Khương writing for Bắc Bình
        assertProblem(Api.as(EDITOR_PK).postJson(url(), BB_BROADCAST.replace("Bắc Bình", "Bắc Bình (giả)")), 403);
        assertProblem(Api.as(EDITOR_PK).postJson(url(), BB_BROADCAST, "Idempotency-Key", "bb-1"), 403);
        // writes on another unit's existing item are 404, as reads are: its existence is not revealed
        assertProblem(Api.as(EDITOR_PK).putJson(url() + "/" + bb, BB_BROADCAST.replace("Bắc Bình", "Bắc Bình (sửa)")), 404);
        assertProblem(post(EDITOR_PK, url() + "/" + bb + "/retraction", "{\"reason\":\"xóa hộ\"}"), 404);
        assertProblem(Api.as(EDITOR_PK).putJson(url() + "/" + bb + "/engagement", "{\"views\":1}"), 404);
        Http.Response foreign = post(EDITOR_PK, url() + "/" + bb + "/retraction", "{\"reason\":\"xóa hộ\"}");
        Http.Response absent = post(EDITOR_PK, url() + "/" + java.util.UUID.randomUUID() + "/retraction", "{\"reason\":\"xóa hộ\"}");
        assertProblem(absent, 404);
        assertThat(json.readTree(foreign.body()).get("title")).isEqualTo(json.readTree(absent.body()).get("title"));
        // … or moving its own item there
        assertProblem(Api.as(EDITOR_PK).putJson(url() + "/" + pk, BB_BROADCAST), 403);
        // … and the same from the other side
        assertProblem(Api.as(EDITOR_BB).putJson(url() + "/" + pk, ARTICLE.replace("Phường", "Phường (sửa)")), 404);
        // a viewer, or OPS, never writes, even in its own unit
        assertProblem(Api.as(VIEWER_PK).postJson(url(), ARTICLE.replace("tin-tuc/1", "tin-tuc/2")), 403);
        assertProblem(Api.as(VIEWER_PK).putJson(url() + "/" + pk, ARTICLE.replace("Phường", "Phường (sửa)")), 403);
        assertProblem(post(VIEWER_PK, url() + "/" + pk + "/retraction", "{\"reason\":\"xem thôi\"}"), 403);
        assertProblem(Api.as(VIEWER_PK).putJson(url() + "/" + pk + "/engagement", "{\"views\":1}"), 403);
        assertProblem(Api.as(TestTokens.ops()).postJson(url(), ARTICLE.replace("tin-tuc/1", "tin-tuc/2")), 403);
        // spreadsheets: the unitId parameter and every row must be the caller's; even a dry run
        String ownRows = CSV_HEADER + ",Đài truyền thanh,Chương trình phát thanh,Bản tin 1,,02/03/2026 20:00,15\n";
        String foreignRow = CSV_HEADER + PK + ",WEBSITE,ARTICLE,Tin 5,https://pk.vn/5,02/03/2026 08:00,\n"
                + BB + ",RADIO,BROADCAST,Bản tin Bắc Bình,,02/03/2026 20:00,15\n";
        assertProblem(upload(EDITOR_PK, "unitId=" + BB, ownRows), 403);
        Http.Response rowOutside = upload(EDITOR_PK, "unitId=" + PK, foreignRow);
        assertProblem(rowOutside, 403);
        assertThat(json.readTree(rowOutside.body()).get("detail").asString()).contains("3 (" + BB + ")");
        assertProblem(upload(EDITOR_PK, "unitId=" + PK + "&dryRun=true", foreignRow), 403);
        assertProblem(upload(VIEWER_PK, "unitId=" + PK, ownRows), 403);
        // feeds: subscribing for another unit, polling or stopping another unit's feed
        assertProblem(Api.as(EDITOR_BB).postJson(url() + "/feeds", "{\"unitId\":\"" + PK + "\",\"url\":\"https://x.vn/rss\"}"), 403);
        assertProblem(post(EDITOR_BB, url() + "/feeds/" + feed + "/poll", ""), 404);
        assertProblem(Api.as(EDITOR_BB).delete(url() + "/feeds/" + feed), 404);
        assertProblem(Api.as(VIEWER_PK).delete(url() + "/feeds/" + feed), 403);

        // nothing changed in the store …
        assertThat(repository.count()).isEqualTo(2);
        for (String id : List.of(bb, pk)) {
            Publication stored = repository.findById(id).orElseThrow();
            assertThat(stored.getRevision()).isEqualTo(1);
            assertThat(stored.getHistory()).isEmpty();
            assertThat(stored.pendingEvents()).isEmpty();
            assertThat(stored.getStatus()).isEqualTo(Publication.Status.ACTIVE);
        }
        assertThat(repository.findById(bb).orElseThrow().getTitle()).isEqualTo("Bản tin CCHC Bắc Bình");
        assertThat(repository.findById(pk).orElseThrow().getUnitId()).isEqualTo(PK);
        assertThat(subscriptions.findById(feed).orElseThrow().isActive()).isTrue();
        assertThat(subscriptions.count()).isEqualTo(1);
        // … and nothing was emitted: once a later allowed change is on the topic, the two items still have one event each
        // (another minute: the same programme at the same minute would be a probable duplicate)
        String marker = record(EDITOR_BB, BB_BROADCAST.replace("Bắc Bình", "Bắc Bình (mốc)").replace("19:00", "19:30"));
        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(60)).until(
                () -> topic.poll().stream().filter(r -> List.of(bb, pk, marker).contains(r.key())).toList(),
                seen -> seen.stream().anyMatch(r -> marker.equals(r.key())));
        Map<String, Long> perItem = events.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perItem).containsEntry(bb, 1L).containsEntry(pk, 1L);
        assertThat(events).allMatch(r -> "vn.cchc.publication.recorded.v1".equals(TopicReader.header(r, "ce_type")));
    }

    @Test
    void readsNeverShowAnotherUnitsItems() {
        String pk = record(Api.ADMIN, ARTICLE);
        String vhxh = record(Api.ADMIN, """
                {"unitId":"vinh-long.phu-khuong.vhxh","channel":"RADIO","kind":"BROADCAST","title":"Chuyên mục CCHC",
                 "publishedAt":"2026-03-13T20:15:00+07:00","durationSeconds":1800}""");
        String bb = record(Api.ADMIN, BB_BROADCAST);

        assertThat(ids(EDITOR_PK, "")).containsExactlyInAnyOrder(pk, vhxh);
        assertThat(ids(EDITOR_PK, "?unit=lam-dong")).isEmpty();
        assertThat(ids(EDITOR_PK, "?unit=lam-dong.bac-binh&channel=RADIO")).isEmpty();
        assertThat(ids(EDITOR_PK, "?channel=RADIO")).containsExactly(vhxh);
        assertThat(ids(EDITOR_BB, "")).containsExactly(bb);
        assertThat(ids(TestTokens.editor("vinh-long.phu-khuong.vhxh"), "")).containsExactly(vhxh); // not the ward above it
        assertThat(ids(TestTokens.viewer("vinh-long"), "")).containsExactlyInAnyOrder(pk, vhxh);
        assertThat(ids(TestTokens.viewer("vinh-long", "lam-dong"), "")).containsExactlyInAnyOrder(pk, vhxh, bb);
        assertThat(ids(TestTokens.viewer("vinh-long.phu"), "")).isEmpty(); // whole segments only
        assertThat(json.readTree(Api.as(EDITOR_PK).get(url()).body()).get("total").asLong()).isEqualTo(2);

        // a single item of another unit is answered as if it did not exist
        for (String path : List.of("/" + bb, "/" + bb + "/history", "/" + bb + "/audit")) {
            Http.Response hidden = Api.as(EDITOR_PK).get(url() + path);
            assertProblem(hidden, 404);
            assertThat(hidden.body()).doesNotContain("Bắc Bình").doesNotContain(BB);
            assertThat(Api.as(EDITOR_BB).get(url() + path).status()).isEqualTo(200);
        }
        assertThat(Api.as(EDITOR_PK).get(url() + "/" + pk).status()).isEqualTo(200);
        assertProblem(Api.as(TestTokens.ops()).get(url()), 403); // OPS reads no business data

        // client keys are scoped per unit: a key already used by another unit's item is a new key here, never that item
        Http.Response keyed = Api.as(EDITOR_BB).postJson(url(), BB_BROADCAST.replace("Bắc Bình", "Bắc Bình 2")
                .replace("19:00", "19:30"), "Idempotency-Key", "shared-key");
        assertThat(keyed.status()).isEqualTo(201);
        String keyedId = json.readTree(keyed.body()).get("id").asString();
        Http.Response reused = Api.as(EDITOR_PK).postJson(url(), ARTICLE.replace("tin-tuc/1", "tin-tuc/7"),
                "Idempotency-Key", "shared-key");
        assertThat(reused.status()).isEqualTo(201);
        assertThat(reused.body()).doesNotContain(keyedId).doesNotContain("Bắc Bình").contains(PK);
        assertThat(repository.count()).isEqualTo(5);
        // and within its unit the key still finds its own item
        Http.Response again = Api.as(EDITOR_PK).postJson(url(), ARTICLE.replace("tin-tuc/1", "tin-tuc/8"),
                "Idempotency-Key", "shared-key");
        assertThat(again.status()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("id").asString()).isEqualTo(json.readTree(reused.body()).get("id").asString());

        // feed subscriptions too
        String feed = json.readTree(Api.postJson(url() + "/feeds",
                "{\"unitId\":\"" + PK + "\",\"url\":\"http://127.0.0.1:9/rss\"}").body()).get("id").asString();
        assertThat(json.readTree(Api.as(EDITOR_BB).get(url() + "/feeds").body()).size()).isZero();
        assertThat(json.readTree(Api.as(EDITOR_PK).get(url() + "/feeds").body()).size()).isEqualTo(1);
        assertProblem(Api.as(EDITOR_BB).get(url() + "/feeds/" + feed), 404);
        assertThat(Api.as(VIEWER_PK).get(url() + "/feeds/" + feed).status()).isEqualTo(200);
    }

    List<String> ids(String token, String query) {
        Http.Response response = Api.as(token).get(url() + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    @Test
    void everyChangeIsAuditedWithWhoWhenAndWhatInTheItemsOwnDocument() {
        Instant start = Instant.now();
        Http.Response recorded = Api.as(EDITOR_PK).postJson(url(), ARTICLE);
        JsonNode created = json.readTree(recorded.body());
        String id = created.get("id").asString();
        assertThat(created.get("recordedBy").asString()).isEqualTo("editor-" + PK);
        assertThat(Api.as(COORDINATOR_PK).putJson(url() + "/" + id, ARTICLE.replace("Phường Phú Khương đẩy", "Phường Phú Khương tiếp tục đẩy"),
                "If-Match", "\"1\"").status()).isEqualTo(200);
        assertThat(Api.putJson(url() + "/" + id + "/engagement", "{\"views\":1250,\"interactions\":87}").status()).isEqualTo(200);
        Http.Response retracted = post(EDITOR_PK, url() + "/" + id + "/retraction", "{\"reason\":\"Trùng tin ngày 28/02\"}");
        assertThat(retracted.status()).isEqualTo(200);
        JsonNode current = json.readTree(retracted.body());
        assertThat(current.get("changedBy").asString()).isEqualTo("editor-" + PK);
        assertThat(current.get("recordedBy").asString()).isEqualTo("editor-" + PK);

        Http.Response response = Api.as(TestTokens.viewer("vinh-long")).get(url() + "/" + id + "/audit");
        assertThat(response.status()).isEqualTo(200);
        JsonNode audit = json.readTree(response.body());
        assertThat(audit.get("revision").asLong()).isEqualTo(4);
        JsonNode entries = audit.get("entries");
        assertThat(entries.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("RECORDED", "CORRECTED", "ENGAGEMENT_UPDATED", "RETRACTED");
        assertThat(entries.valueStream().map(e -> e.get("by").asString()))
                .containsExactly("editor-" + PK, "coordinator-" + PK, "admin.test", "editor-" + PK);
        assertThat(entries.valueStream().map(e -> e.get("revision").asLong())).containsExactly(1L, 2L, 3L, 4L);
        for (JsonNode entry : entries) {
            Instant at = Instant.parse(entry.get("at").asString());
            assertThat(at).isBetween(start.minusSeconds(1), Instant.now().plusSeconds(1));
        }
        // the time of the change as stored (MongoDB keeps milliseconds)
        assertThat(Instant.parse(entries.get(3).get("at").asString()))
                .isEqualTo(Instant.parse(current.get("changedAt").asString()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(entries.get(0).get("changes").get("title").get("to").asString()).startsWith("Phường Phú Khương đẩy");
        JsonNode correction = entries.get(1).get("changes");
        assertThat(correction.propertyNames()).containsExactly("title");
        assertThat(correction.get("title").get("from").asString()).isEqualTo("Phường Phú Khương đẩy mạnh dịch vụ công trực tuyến");
        assertThat(correction.get("title").get("to").asString()).isEqualTo("Phường Phú Khương tiếp tục đẩy mạnh dịch vụ công trực tuyến");
        assertThat(entries.get(2).get("changes").propertyNames()).containsExactly("engagement");
        assertThat(entries.get(2).get("changes").get("engagement").get("to").get("views").asLong()).isEqualTo(1250);
        assertThat(entries.get(3).get("changes").propertyNames())
                .containsExactlyInAnyOrder("retracted", "retractionReason", "retractedAt");

        // the history carries the author of each previous version, and all of it is the item's one document
        JsonNode history = json.readTree(Api.as(EDITOR_PK).get(url() + "/" + id + "/history").body());
        assertThat(history.get("previousVersions").valueStream().map(v -> v.get("by").asString()))
                .containsExactly("editor-" + PK, "coordinator-" + PK, "admin.test");
        Publication stored = repository.findById(id).orElseThrow();
        assertThat(stored.getRecordedBy()).isEqualTo("editor-" + PK);
        assertThat(stored.getChangedBy()).isEqualTo("editor-" + PK);
        assertThat(stored.getHistory()).extracting(Publication.PastVersion::by)
                .containsExactly("editor-" + PK, "coordinator-" + PK, "admin.test");
    }
}
