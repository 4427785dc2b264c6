package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;

/**
 * A link-less item (a radio programme) like a stored one - same unit, channel, kind and minute in Vietnam time - is a
 * probable duplicate: 409 naming the stored item, nothing stored, no event; confirmed, it is recorded.
 */
class ProbableDuplicateTest extends ServiceTestBase {
    static final String BROADCAST = """
            {"unitId":"vinh-long.phu-khuong","channel":"RADIO","kind":"BROADCAST","title":"Bản tin CCHC tối thứ Sáu",
             "publishedAt":"2026-03-13T20:15:00+07:00","durationSeconds":900}""";
    /** The same programme entered again by someone else: other title, seconds within the same minute, given in UTC. */
    static final String SAME_PROGRAMME = """
            {"unitId":"vinh-long.phu-khuong","channel":"RADIO","kind":"BROADCAST","title":"Chương trình phát thanh CCHC",
             "publishedAt":"2026-03-13T13:15:42Z","durationSeconds":600%s}""";

    TopicReader topic;

    @BeforeEach
    void setUp() {
        topic = new TopicReader(brokers, PublicationEvents.TOPIC);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    String idOf(Http.Response response) {
        return json.readTree(response.body()).get("id").asString();
    }

    @Test
    void theSameProgrammeWithoutALinkIsRefusedAsAProbableDuplicateNamingTheStoredItem() {
        Http.Response first = Api.postJson(url(), BROADCAST);
        assertThat(first.status()).isEqualTo(201);
        String firstId = idOf(first);

        Http.Response second = Api.postJson(url(), SAME_PROGRAMME.formatted(""));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(second.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://cchc.vn/problems/probable-duplicate");
        assertThat(problem.get("title").asString()).isEqualTo("Probable duplicate");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("detail").asString()).contains("13/03/2026 20:15").contains("confirmDuplicate");
        JsonNode duplicateOf = problem.get("duplicateOf");
        assertThat(duplicateOf.get("id").asString()).isEqualTo(firstId);
        assertThat(duplicateOf.get("title").asString()).isEqualTo("Bản tin CCHC tối thứ Sáu");
        assertThat(duplicateOf.get("channel").asString()).isEqualTo("RADIO");
        assertThat(duplicateOf.get("kind").asString()).isEqualTo("BROADCAST");
        assertThat(duplicateOf.get("publishedAt").asString()).isEqualTo("2026-03-13T13:15:00Z");
        assertThat(duplicateOf.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(repository.count()).isEqualTo(1);
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/prometheus").body()).contains(
                "cchc_publications_recorded_total{application=\"publication-service\",channel=\"RADIO\",outcome=\"probable-duplicate\",source=\"MANUAL\"}");

        // confirmed: recorded as a new item, with its own event; the first stays as it was
        Http.Response confirmed = Api.postJson(url(), SAME_PROGRAMME.formatted(",\"confirmDuplicate\":true"));

        assertThat(confirmed.status()).isEqualTo(201);
        String secondId = idOf(confirmed);
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(json.readTree(confirmed.body()).get("duplicateConfirmed").asBoolean()).isTrue();
        assertThat(repository.count()).isEqualTo(2);
        // exactly one event per stored item: none for the refused submission
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.findAll().stream().allMatch(p -> p.pendingEvents().isEmpty()));
        List<String> keys = await().atMost(Duration.ofSeconds(60)).until(
                () -> topic.poll().stream().map(r -> r.key()).filter(k -> k.equals(firstId) || k.equals(secondId)).toList(),
                k -> k.size() >= 2);
        assertThat(keys).containsExactly(firstId, secondId);

        // a third, unconfirmed, is refused again (the confirmed one or the first: both are the same programme)
        assertThat(Api.postJson(url(), SAME_PROGRAMME.formatted("")).status()).isEqualTo(409);
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void anotherMinuteKindChannelOrUnitOrALinkIsNotAProbableDuplicate() {
        assertThat(Api.postJson(url(), BROADCAST).status()).isEqualTo(201);

        assertThat(Api.postJson(url(), BROADCAST.replace("20:15:00", "20:16:00")).status()).isEqualTo(201);
        assertThat(Api.postJson(url(), BROADCAST.replace("\"BROADCAST\"", "\"AUDIO\"")).status()).isEqualTo(201);
        assertThat(Api.postJson(url(), BROADCAST.replace("\"RADIO\"", "\"LOUDSPEAKER\"")).status()).isEqualTo(201);
        assertThat(Api.postJson(url(), BROADCAST.replace("vinh-long.phu-khuong\"", "vinh-long.phu-khuong.vhxh\"")).status())
                .isEqualTo(201);
        // with a link, the link is the identity
        assertThat(Api.postJson(url(), BROADCAST.replace("\"durationSeconds\"",
                "\"url\":\"https://phukhuong.vinhlong.gov.vn/podcast/13-3\",\"durationSeconds\"")).status()).isEqualTo(201);
        assertThat(repository.count()).isEqualTo(6);
    }

    @Test
    void theSameKeyAndTheSameLinkStillAnswerWithTheFirstRecordAndARetractedItemBlocksNothing() {
        Http.Response first = Api.postJson(url(), BROADCAST, "Idempotency-Key", "form-7");
        // a form re-sending the same submission gets its own record, not a 409
        Http.Response resent = Api.postJson(url(), SAME_PROGRAMME.formatted(""), "Idempotency-Key", "form-7");

        assertThat(resent.status()).isEqualTo(200);
        assertThat(idOf(resent)).isEqualTo(idOf(first));

        String retractUrl = url() + "/" + idOf(first) + "/retraction";
        assertThat(Api.postJson(retractUrl, "{\"reason\":\"Nhập nhầm giờ phát\"}").status()).isEqualTo(200);
        assertThat(repository.findById(idOf(first)).orElseThrow().getDuplicateKey()).isNull();

        // the retracted item no longer makes the same programme a probable duplicate
        Http.Response again = Api.postJson(url(), SAME_PROGRAMME.formatted(""));
        assertThat(again.status()).isEqualTo(201);
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void concurrentIdenticalSubmissionsWithDifferentKeysStoreExactlyOne() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Http.Response>> calls = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Api.postJson(url(), BROADCAST, "Idempotency-Key", "tab-" + i);
        })).toList();
        start.countDown();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Http.Response::status).toList();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        assertThat(repository.count()).isEqualTo(1);
        String stored = repository.findAll().getFirst().getId();
        calls.stream().map(CompletableFuture::join).filter(r -> r.status() == 409)
                .forEach(r -> assertThat(json.readTree(r.body()).get("duplicateOf").get("id").asString()).isEqualTo(stored));
    }

    @Test
    void twoConfirmedItemsCoexistUnderTheSparseUniqueIndex() {
        assertThat(Api.postJson(url(), BROADCAST).status()).isEqualTo(201);
        assertThat(Api.postJson(url(), SAME_PROGRAMME.formatted(",\"confirmDuplicate\":true")).status()).isEqualTo(201);
        assertThat(Api.postJson(url(), BROADCAST.replace("tối thứ Sáu", "(phát lại)")
                .replace("\"durationSeconds\"", "\"confirmDuplicate\":true,\"durationSeconds\"")).status()).isEqualTo(201);

        assertThat(repository.count()).isEqualTo(3);
        assertThat(repository.findAll()).filteredOn(p -> p.getDuplicateKey() != null).hasSize(1);
    }

    @Test
    void aCorrectionOntoAnotherItemsMinuteNeedsConfirmationButATitleFixDoesNot() {
        String first = idOf(Api.postJson(url(), BROADCAST));
        Http.Response laterResponse = Api.postJson(url(), BROADCAST.replace("20:15:00", "21:00:00").replace("tối thứ Sáu", "lúc 21 giờ"));
        String later = idOf(laterResponse);

        Http.Response moved = Api.putJson(url() + "/" + later, BROADCAST.replace("tối thứ Sáu", "lúc 21 giờ"), "If-Match", "\"1\"");

        assertThat(moved.status()).isEqualTo(409);
        assertThat(json.readTree(moved.body()).get("duplicateOf").get("id").asString()).isEqualTo(first);
        assertThat(repository.findById(later).orElseThrow().getRevision()).isEqualTo(1);

        Http.Response confirmed = Api.putJson(url() + "/" + later, BROADCAST.replace("tối thứ Sáu", "lúc 21 giờ")
                .replace("\"durationSeconds\"", "\"confirmDuplicate\":true,\"durationSeconds\""), "If-Match", "\"1\"");
        assertThat(confirmed.status()).isEqualTo(200);
        // the confirmed item's later title fix keeps its identity: no confirmation needed again
        Http.Response titleFix = Api.putJson(url() + "/" + later, BROADCAST.replace("tối thứ Sáu", "lúc 20 giờ 15"),
                "If-Match", "\"2\"");
        assertThat(titleFix.status()).isEqualTo(200);
        assertThat(json.readTree(titleFix.body()).get("duplicateConfirmed").asBoolean()).isTrue();
    }

    @Test
    void aSpreadsheetRowLikeAStoredItemIsReportedAndNotStored() {
        String stored = idOf(Api.postJson(url(), BROADCAST));
        String csv = SpreadsheetImportTest.HEADER
                + ",Đài truyền thanh,Chương trình phát thanh,Bản tin CCHC (nhập từ sổ),,13/03/2026 20:15,15,\n"
                + ",Đài truyền thanh,Chương trình phát thanh,Bản tin lúc 21 giờ,,13/03/2026 21:00,15,\n"
                + ",Đài truyền thanh,Chương trình phát thanh,Bản tin lúc 21 giờ (ghi lại),,13/03/2026 21:00,10,\n";
        for (boolean dryRun : List.of(true, false)) {
            Http.Response response = Api.upload(url() + "/import?unitId=vinh-long.phu-khuong&dryRun=" + dryRun,
                    "so-phat-thanh.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(200);
            JsonNode report = json.readTree(response.body());

            assertThat(SpreadsheetImportTest.statuses(report))
                    .containsExactly("PROBABLE_DUPLICATE", dryRun ? "VALID" : "IMPORTED", "PROBABLE_DUPLICATE");
            assertThat(report.get("probableDuplicates").asInt()).isEqualTo(2);
            JsonNode row2 = report.get("results").get(0);
            assertThat(row2.get("publicationId").asString()).isEqualTo(stored);
            assertThat(row2.get("errors").get(0).get("rule").asString()).isEqualTo("probable-duplicate");
            JsonNode row4 = report.get("results").get(2);
            assertThat(row4.get("duplicateOfRow").asInt()).isEqualTo(3);
            assertThat(row4.get("errors").get(0).get("rule").asString()).isEqualTo("probable-duplicate");
        }
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void theWireServerHoldsTheUniqueSparseIndexThatSettlesRaces() {
        // below the service's check: only the index stands between two unconfirmed items with the same identity
        RecordPublicationRequest programme = RecordPublicationRequest.of("vinh-long.phu-khuong", Channel.RADIO, Kind.BROADCAST,
                "Bản tin", null, java.time.OffsetDateTime.parse("2026-03-13T20:15:10+07:00"), 900).sanitized();
        java.time.Instant now = java.time.Instant.now();
        repository.insert(new Publication("race-a", programme, Publication.Source.MANUAL, now, "a"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.insert(
                        new Publication("race-b", programme, Publication.Source.MANUAL, now, "b")))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        // confirmed items carry no key, so any number of them coexist (sparse)
        repository.insert(new Publication("race-c", programme, Publication.Source.MANUAL, now, "c", true));
        repository.insert(new Publication("race-d", programme, Publication.Source.MANUAL, now, "d", true));

        assertThat(repository.count()).isEqualTo(3);
        assertThat(repository.findById("race-a").orElseThrow().getDuplicateKey())
                .isEqualTo("vinh-long.phu-khuong|RADIO|BROADCAST|2026-03-13T20:15");
    }
}
