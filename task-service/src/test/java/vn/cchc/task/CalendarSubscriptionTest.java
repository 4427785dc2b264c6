package vn.cchc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.security.test.TestTokens;

/**
 * Calendar subscriptions by secret address over real HTTP (embedded Kafka, the Mongo wire server): created by a token
 * holder for a unit within their units, fetched with no token at all, listed and revoked only by their owner, stored
 * as a hash, dead once revoked or expired.
 */
class CalendarSubscriptionTest extends ServiceTestBase {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String COLLECTION = "calendar_subscriptions";
    static final String BAC_BINH = "lam-dong.bac-binh";
    static final String RADIO_UNIT = "lam-dong.bac-binh.dai-truyen-thanh";
    static final String COORDINATOR = TestTokens.token("coordinator.bac-binh", List.of("COORDINATOR"), List.of(BAC_BINH));
    /** Another person with the very same units: still not allowed to see or revoke the coordinator's subscriptions. */
    static final String COLLEAGUE = TestTokens.token("coordinator2.bac-binh", List.of("COORDINATOR"), List.of(BAC_BINH));
    static final String RADIO_EDITOR = TestTokens.token("editor.dai-truyen-thanh", List.of("EDITOR"), List.of(RADIO_UNIT));
    static final String OTHER_COMMUNE = TestTokens.token("coordinator.tien-minh", List.of("COORDINATOR"),
            List.of("hai-phong.tien-minh"));
    static final String VIEWER = TestTokens.token("viewer.bac-binh", List.of("VIEWER"), List.of(BAC_BINH));

    String feeds() {
        return api() + "/calendar/feeds";
    }

    /** The absolute address of a feed path as the service gives it ({@code /api/tasks/calendar/feeds/<key>.ics}). */
    String url(String feedPath) {
        return "http://127.0.0.1:" + port + feedPath;
    }

    @BeforeEach
    void noSubscriptions() {
        mongo.remove(new Query(), COLLECTION);
    }

    void issueBacBinh() {
        String planId = unique("bac-binh");
        sendPlan("vn.cchc.plan.issued.v1", plan("bac-binh-2026.issued.json", planId, 1));
        await().atMost(WAIT).until(() -> tasks.findByPlanId(planId).size() == 15);
    }

    JsonNode create(String token, String unitId) {
        Http.Response response = Http.postJson(feeds(), "{\"unitId\":\"" + unitId + "\"}", as(token));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).contains("no-store");
        return json.readTree(response.body());
    }

    static Http.Response delete(String url, String... headers) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).DELETE(), headers);
    }

    static List<VEvent> events(Http.Response feed) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar.getComponents("VEVENT");
    }

    static String summary(VEvent event) {
        return event.getProperty(Property.SUMMARY).orElseThrow().getValue();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aSubscriptionIsFetchedWithoutATokenAndItsKeyIsStoredOnlyAsAHash() throws Exception {
        issueBacBinh();
        JsonNode created = create(COORDINATOR, BAC_BINH);
        String key = created.get("key").asString();
        assertThat(key).matches("[A-Za-z0-9_-]{43}"); // 256 random bits
        assertThat(created.get("feedPath").asString()).isEqualTo("/api/tasks/calendar/feeds/" + key + ".ics");
        assertThat(created.get("unitId").asString()).isEqualTo(BAC_BINH);
        assertThat(Instant.parse(created.get("expiresAt").asString())).isEqualTo(TestClock.START.plus(Duration.ofDays(365)));

        Document stored = mongo.findById(created.get("id").asString(), Document.class, COLLECTION);
        assertThat(stored.getString("keyHash")).isEqualTo(sha256(key));
        assertThat(stored.toJson()).doesNotContain(key);
        assertThat(stored.getString("owner")).isEqualTo("coordinator.bac-binh");
        assertThat(stored.getList("scopes", String.class)).containsExactly(BAC_BINH);
        assertThat(stored.get("lastUsedAt")).isNull();

        // no Authorization header at all, as a calendar app sends it
        clock.set(TestClock.START.plus(Duration.ofHours(1)));
        Http.Response feed = Http.get(url(created.get("feedPath").asString()));
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        List<VEvent> events = events(feed);
        assertThat(events).as("11 programmes + 2 dated catalogue tasks; undated ones are not in a calendar").hasSize(13);
        assertThat(events).filteredOn(e -> summary(e).contains("Đối thoại về cải cách hành chính")).hasSize(11);
        assertThat(mongo.findById(created.get("id").asString(), Document.class, COLLECTION).getDate("lastUsedAt").toInstant())
                .isEqualTo(TestClock.START.plus(Duration.ofHours(1)));

        // the owner's list shows it, without the key
        Http.Response mine = Http.get(feeds(), as(COORDINATOR));
        assertThat(mine.status()).isEqualTo(200);
        JsonNode list = json.readTree(mine.body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asString()).isEqualTo(created.get("id").asString());
        assertThat(list.get(0).get("key").isNull()).isTrue();
        assertThat(mine.body()).doesNotContain(key);
    }

    @Test
    void theFeedShowsOnlyTheSubscribedUnitsDatedTasks() throws Exception {
        issueBacBinh();
        JsonNode created = create(RADIO_EDITOR, RADIO_UNIT);
        List<VEvent> events = events(Http.get(url(created.get("feedPath").asString())));
        assertThat(events).hasSize(11).allSatisfy(e -> assertThat(summary(e)).contains("Đối thoại về cải cách hành chính"));
        assertThat(events).allSatisfy(e -> assertThat(e.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains(RADIO_UNIT));
    }

    @Test
    void onlyTheOwnerListsAndRevokesAndARevokedKeyIsABare404() {
        issueBacBinh();
        JsonNode created = create(COORDINATOR, BAC_BINH);
        String id = created.get("id").asString();
        String feed = url(created.get("feedPath").asString());

        Http.Response colleagueList = Http.get(feeds(), as(COLLEAGUE));
        assertThat(colleagueList.status()).isEqualTo(200);
        assertThat(json.readTree(colleagueList.body())).isEmpty();
        Http.Response colleagueRevoke = delete(feeds() + "/" + id, as(COLLEAGUE));
        assertThat(colleagueRevoke.status()).isEqualTo(404);
        assertThat(delete(feeds() + "/" + id, as(OTHER_COMMUNE)).status()).isEqualTo(404);
        assertThat(delete(feeds() + "/" + id).status()).as("no token").isEqualTo(401);
        assertThat(Http.get(feed).status()).as("still alive").isEqualTo(200);

        assertThat(delete(feeds() + "/" + id, as(COORDINATOR)).status()).isEqualTo(204);
        Http.Response gone = Http.get(feed);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEmpty();
        assertThat(json.readTree(Http.get(feeds(), as(COORDINATOR)).body())).isEmpty();
        assertThat(delete(feeds() + "/" + id, as(COORDINATOR)).status()).as("revoked twice").isEqualTo(404);
        assertThat(mongo.count(new Query(), COLLECTION)).isZero();
    }

    @Test
    void unknownMalformedAndExpiredKeysAreBare404s() {
        issueBacBinh();
        JsonNode created = create(COORDINATOR, BAC_BINH);
        String feed = url(created.get("feedPath").asString());
        for (String path : List.of("/api/tasks/calendar/feeds/" + "A".repeat(43) + ".ics",
                "/api/tasks/calendar/feeds/short.ics", "/api/tasks/calendar/feeds/" + "A".repeat(44) + ".ics")) {
            Http.Response response = Http.get(url(path));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEmpty();
        }
        clock.set(TestClock.START.plus(Duration.ofDays(365)).minusSeconds(1));
        assertThat(Http.get(feed).status()).isEqualTo(200);
        clock.set(TestClock.START.plus(Duration.ofDays(365)));
        Http.Response expired = Http.get(feed);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.body()).isEmpty();
        assertThat(json.readTree(Http.get(feeds(), as(COORDINATOR)).body())).as("an expired one is not listed").isEmpty();
    }

    @Test
    void aUnitOutsideTheCallersUnitsOrABadRequestStoresNothing() {
        Http.Response foreign = Http.postJson(feeds(), "{\"unitId\":\"hai-phong.tien-minh\"}", as(COORDINATOR));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        // the radio editor's units do not cover the commune above it
        assertThat(Http.postJson(feeds(), "{\"unitId\":\"" + BAC_BINH + "\"}", as(RADIO_EDITOR)).status()).isEqualTo(403);
        // a look-alike id is another unit, not a part of Bắc Bình
        assertThat(Http.postJson(feeds(), "{\"unitId\":\"lam-dong.bac-binh-2\"}", as(COORDINATOR)).status()).isEqualTo(403);

        Http.Response missing = Http.postJson(feeds(), "{}", as(COORDINATOR));
        assertThat(missing.status()).isEqualTo(400);
        JsonNode error = json.readTree(missing.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("unitId");
        assertThat(error.get("rule").asString()).isEqualTo("required");
        Http.Response malformed = Http.postJson(feeds(), "{\"unitId\":\"Bắc Bình\"}", as(COORDINATOR));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("errors").get(0).get("rule").asString()).isEqualTo("pattern");

        assertThat(Http.postJson(feeds(), "{\"unitId\":\"" + BAC_BINH + "\"}").status()).as("no token").isEqualTo(401);
        assertThat(Http.postJson(feeds(), "{\"unitId\":\"" + BAC_BINH + "\"}", as(VIEWER)).status())
                .as("creating is a write: viewers download the file instead").isEqualTo(403);
        assertThat(mongo.count(new Query(), COLLECTION)).isZero();
    }

    @Test
    void theTokenProtectedDownloadStillNeedsItsToken() {
        assertThat(Http.get(api() + "/calendar/" + BAC_BINH + ".ics").status()).isEqualTo(401);
        assertThat(Http.get(api() + "/calendar/" + BAC_BINH + ".ics", as(COORDINATOR)).status()).isEqualTo(200);
        assertThat(Http.get(feeds()).status()).as("the list needs a token").isEqualTo(401);
    }
}
