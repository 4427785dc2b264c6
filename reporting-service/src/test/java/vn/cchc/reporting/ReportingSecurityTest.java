package vn.cchc.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.reporting.readmodel.ReadModels;
import vn.cchc.reporting.rebuild.RebuildService;
import vn.cchc.security.test.TestTokens;

/**
 * The service checks tokens itself and shows each caller only its units. Three wards with the same scripted year:
 * Phú Khương and Tân Hạnh (Vĩnh Long) and Tiên Minh (Hải Phòng); callers of one must never see the others' figures
 * in counts, compliance, the province roll-up, task progress, periodic reports (JSON, DOCX, XLSX), score or the live
 * stream. Real HTTP against the whole service on an embedded broker and the Mongo wire server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", "server.shutdown=immediate",
                TestTokens.PUBLIC_KEY_PROPERTY, "cchc.reporting.live.heartbeat=PT0.2S"})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events",
        "cchc.publication.events", "cchc.compliance.events"},
        brokerProperties = "log.message.timestamp.after.max.ms=9223372036854775807")
class ReportingSecurityTest {
    static final String PK = Scenario.WARD;
    static final String TH = "vinh-long.tan-hanh";
    static final String TM = "hai-phong.tien-minh";
    static final String[] CONSUMED = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events", "cchc.publication.events"};
    static final List<String> READS = List.of("/counts?year=2026&includeSubunits=true", "/compliance?year=2026", "/tasks",
            "/periodic/2026-Q1", "/periodic/2026-Q1.docx", "/periodic/2026-Y.xlsx", "/score?year=2026", "/overview?year=2026");

    static volatile boolean loaded;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("reporting-security-test"));
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
    ReadModels models;
    @Autowired
    RebuildService rebuild;
    @Autowired
    MongoTemplate mongo;

    final List<HttpResponse<Stream<String>>> streams = new ArrayList<>();

    static String[] auth(String token) {
        return new String[] {"Authorization", TestTokens.bearer(token)};
    }

    static final String[] ADMIN_VL = auth(TestTokens.provinceAdmin("vinh-long"));
    static final String[] COORD_PK = auth(TestTokens.coordinator(PK));

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    JsonNode getJson(String path, String... headers) {
        Http.Response response = Http.get(url(path), headers);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    List<Scenario.Event> events(String ward) {
        return switch (ward) {
            case PK -> new Scenario(json).events();
            case TH -> new Scenario(json, TH, "Phường Tân Hạnh", "Tỉnh Vĩnh Long", "kh-th-2026", "th-").events();
            default -> new Scenario(json, TM, "Xã Tiên Minh", "Thành phố Hải Phòng", "kh-tm-2026", "tm-").events();
        };
    }

    @BeforeEach
    void loadThreeWardsOnce() {
        if (loaded) {
            return;
        }
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            for (String ward : List.of(PK, TH, TM)) {
                for (Scenario.Event e : events(ward)) {
                    sender.send(e.topic(), e.type(), e.key(), e.json());
                }
            }
        }
        String[] everyone = auth(TestTokens.viewer("vinh-long", "hai-phong"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String ward : List.of(PK, TH, TM)) {
                assertThat(getJson("/api/reports/units/" + ward + "/periodic/2026-H1", everyone).get("items")).hasSize(11);
                assertThat(getJson("/api/reports/units/" + ward + "/tasks", everyone).at("/all/total").asInt()).isEqualTo(4);
            }
        });
        // every event of the three wards applied, unit events included (the roll-ups name the communes from them)
        awaitConsumersCaughtUp();
        loaded = true;
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(s -> s.body().close());
    }

    @Test
    void everyApiCallNeedsAValidToken() {
        List<String> paths = new ArrayList<>();
        READS.forEach(r -> paths.add("/api/reports/units/" + PK + r));
        paths.add("/api/reports/stream");
        paths.add("/api/reports/admin/rebuild");
        List<String> roles = List.of("PROVINCE_ADMIN");
        List<String> units = List.of("vinh-long");
        List<String[]> bad = List.of(new String[0], auth(TestTokens.expired("admin", roles, units)),
                auth(TestTokens.wronglySigned("admin", roles, units)), auth(TestTokens.malformed()),
                auth(TestTokens.tampered("someone", roles, units)));
        for (String path : paths) {
            for (String[] headers : bad) {
                Http.Response response = Http.get(url(path), headers);
                assertThat(response.status()).as(path).isEqualTo(401);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
                assertThat(response.body()).doesNotContain("Phú Khương", "kh-pk-2026");
            }
        }
        assertThat(Http.postJson(url("/api/reports/admin/rebuild"), "{}").status()).isEqualTo(401);
        assertThat(Http.postJson(url("/api/reports/admin/rebuild"), "{}",
                auth(TestTokens.expired("admin", roles, units))).status()).isEqualTo(401);
        // health and metrics stay open (not routed by the gateway; scraped inside the cluster)
        assertThat(Http.get(url("/actuator/health")).status()).isNotEqualTo(401); // 200 or 503 (the test broker's binder)
        assertThat(Http.get(url("/actuator/prometheus")).status()).isEqualTo(200);
    }

    @Test
    void aUnitOutsideTheCallersScopesIsNotFoundLikeAUnitThatDoesNotExist() {
        for (String read : READS) {
            for (String unit : List.of(TH, TM, "vinh-long.khong-ton-tai", "vinh-long", "hai-phong")) {
                if (unit.equals("vinh-long") && (read.startsWith("/compliance") || read.startsWith("/overview"))) {
                    continue; // the province roll-up and overview answer with the caller's communes, below
                }
                Http.Response response = Http.get(url("/api/reports/units/" + unit + read), COORD_PK);
                assertThat(response.status()).as(unit + read).isEqualTo(404);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.body()).doesNotContain("Tân Hạnh", "Tiên Minh", "kh-th-2026", "kh-tm-2026");
            }
        }
        // the same answer whether the unit exists or not: nothing is revealed
        String existing = json.readTree(Http.get(url("/api/reports/units/" + TH + "/score?year=2026"), COORD_PK).body())
                .get("detail").asString().replace(TH, "X");
        String missing = json.readTree(Http.get(url("/api/reports/units/vinh-long.khong-ton-tai/score?year=2026"), COORD_PK).body())
                .get("detail").asString().replace("vinh-long.khong-ton-tai", "X");
        assertThat(existing).isEqualTo(missing);
        // an editor of one office: its office only, not the ward above it
        String[] editor = auth(TestTokens.editor(Scenario.OFFICE));
        assertThat(Http.get(url("/api/reports/units/" + Scenario.OFFICE + "/counts?year=2026"), editor).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/reports/units/" + PK + "/counts?year=2026"), editor).status()).isEqualTo(404);
        // a unit whose id merely starts with the caller's is another unit
        assertThat(Http.get(url("/api/reports/units/vinh-long.phu-khuong-2/counts?year=2026"), COORD_PK).status()).isEqualTo(404);
        // OPS reads no business data at all
        assertThat(Http.get(url("/api/reports/units/" + PK + "/counts?year=2026"), auth(TestTokens.ops())).status()).isEqualTo(403);
    }

    @Test
    void readsInsideTheScopeShowOnlyTheCallersUnits() {
        for (String read : READS) {
            Http.Response response = Http.get(url("/api/reports/units/" + PK + read), COORD_PK);
            assertThat(response.status()).as(read).isEqualTo(200);
            if (!read.contains(".docx") && !read.contains(".xlsx")) {
                assertThat(response.body()).as(read).doesNotContain("tan-hanh", "tien-minh", "th-", "tm-", "kh-th", "kh-tm");
            }
        }
        JsonNode q1 = getJson("/api/reports/units/" + PK + "/periodic/2026-Q1", COORD_PK);
        assertThat(q1.get("items")).hasSize(7).allSatisfy(i -> assertThat(i.get("unitId").asString()).startsWith(PK));
        assertThat(getJson("/api/reports/units/" + PK + "/counts?year=2026&includeSubunits=true", COORD_PK).get("total").asLong())
                .isEqualTo(getJson("/api/reports/units/" + TH + "/counts?year=2026&includeSubunits=true", ADMIN_VL).get("total").asLong());
        // a province admin sees the whole province, and not the other one
        assertThat(getJson("/api/reports/units/vinh-long/counts?year=2026&includeSubunits=true", ADMIN_VL).get("total").asLong())
                .isEqualTo(2 * getJson("/api/reports/units/" + PK + "/counts?year=2026&includeSubunits=true", COORD_PK).get("total").asLong());
        assertThat(Http.get(url("/api/reports/units/" + TM + "/compliance?year=2026"), ADMIN_VL).status()).isEqualTo(404);
        assertThat(getJson("/api/reports/units/" + TM + "/compliance?year=2026", auth(TestTokens.provinceAdmin("hai-phong")))
                .get("targets")).hasSize(2);
    }

    @Test
    void theProvinceRollUpShowsOnlyTheCallersCommunes() {
        JsonNode whole = getJson("/api/reports/units/vinh-long/compliance?year=2026", ADMIN_VL);
        assertThat(communes(whole)).containsExactly(PK, TH);
        assertThat(total(whole)).isEqualTo(4);

        JsonNode own = getJson("/api/reports/units/vinh-long/compliance?year=2026", COORD_PK);
        assertThat(communes(own)).containsExactly(PK);
        assertThat(total(own)).isEqualTo(2);
        assertThat(own.get("ownTargets")).isEmpty();
        assertThat(own.at("/communes/0/tasks/total").asInt()).isEqualTo(4);
        assertThat(own.toString()).doesNotContain("tan-hanh", "Tân Hạnh", "kh-th-2026", "th-task");

        // a viewer of two wards in two provinces: each province's roll-up has its own ward only
        String[] viewer = auth(TestTokens.viewer(PK, TM));
        assertThat(communes(getJson("/api/reports/units/vinh-long/compliance?year=2026", viewer))).containsExactly(PK);
        assertThat(communes(getJson("/api/reports/units/hai-phong/compliance?year=2026", viewer))).containsExactly(TM);
        // another province entirely: 404
        Http.Response other = Http.get(url("/api/reports/units/hai-phong/compliance?year=2026"), COORD_PK);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("Tiên Minh");
    }

    @Test
    void theProvinceOverviewFollowsTheRollUpsRules() {
        JsonNode whole = getJson("/api/reports/units/vinh-long/overview?year=2026", ADMIN_VL);
        assertThat(overviewCommunes(whole)).containsExactly(PK, TH);
        assertThat(whole.at("/communes/0/targets")).hasSize(2);
        assertThat(whole.get("trend")).hasSize(12);

        JsonNode own = getJson("/api/reports/units/vinh-long/overview?year=2026", COORD_PK);
        assertThat(overviewCommunes(own)).containsExactly(PK);
        assertThat(own.toString()).doesNotContain("tan-hanh", "Tân Hạnh", "kh-th-2026");
        // the trend counts the caller's commune targets only: two a month
        own.get("trend").forEach(point -> assertThat(total(point)).isEqualTo(2));

        String[] viewer = auth(TestTokens.viewer(PK, TM));
        assertThat(overviewCommunes(getJson("/api/reports/units/hai-phong/overview?year=2026", viewer))).containsExactly(TM);
        assertThat(Http.get(url("/api/reports/units/hai-phong/overview?year=2026"), COORD_PK).status()).isEqualTo(404);
        // a commune id: that commune alone, for its coordinator
        JsonNode commune = getJson("/api/reports/units/" + PK + "/overview?year=2026&asOf=2026-06-30", COORD_PK);
        assertThat(overviewCommunes(commune)).containsExactly(PK);
        assertThat(commune.get("trend")).hasSize(6);
        // bad input: Problem Details naming the parameter
        Http.Response badYear = Http.get(url("/api/reports/units/" + PK + "/overview?year=1999"), COORD_PK);
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badYear.body()).contains("year");
    }

    @Test
    void publicFiguresAreOffByDefault() {
        for (String path : List.of("/api/public/provinces/vinh-long/transparency?year=2026",
                "/api/public/provinces/vinh-long/transparency.csv", "/api/public/provinces/hai-phong/transparency")) {
            // no token needed to ask, and a stray token changes nothing: nobody gets figures that were not published
            for (String[] headers : List.of(new String[0], ADMIN_VL, auth(TestTokens.malformed()))) {
                Http.Response response = Http.get(url(path), headers);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.body()).doesNotContain("Phú Khương", "Tân Hạnh");
            }
        }
    }

    static Set<String> overviewCommunes(JsonNode overview) {
        Set<String> ids = new TreeSet<>();
        overview.get("communes").forEach(c -> ids.add(c.get("unitId").asString()));
        return ids;
    }

    static Set<String> communes(JsonNode rollUp) {
        Set<String> ids = new TreeSet<>();
        rollUp.get("communes").forEach(c -> ids.add(c.get("communeId").asString()));
        return ids;
    }

    static int total(JsonNode rollUp) {
        int n = 0;
        for (JsonNode count : rollUp.get("summary")) {
            n += count.asInt();
        }
        return n;
    }

    @Test
    void rebuildIsForProvinceAdminsAndOpsAndA403ChangesNothing() {
        // the baseline is taken once every event sent so far (by the setup or an earlier test) has been applied and the
        // compliance events it caused have left: what happens afterwards is the refused rebuild's doing, or nothing
        awaitConsumersCaughtUp();
        int generation = models.active();
        Set<String> generations = generationCollections();
        Document meta = generationsMeta();
        TopicReader complianceTopic = new TopicReader(brokers, "cchc.compliance.events");
        long complianceEvents = settledCount(complianceTopic);
        for (String[] caller : List.of(COORD_PK, auth(TestTokens.editor(PK)), auth(TestTokens.viewer("vinh-long")))) {
            Http.Response response = Http.postJson(url("/api/reports/admin/rebuild"), "{}", caller);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Http.get(url("/api/reports/admin/rebuild"), caller).status()).isEqualTo(403);
        }
        // a rebuild, had one started, would open a new generation at once and emit on its own thread: nothing, for a while
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(rebuild.status()).isNull();
            assertThat(models.active()).isEqualTo(generation);
            assertThat(models.building()).isNull();
            assertThat(generationCollections()).isEqualTo(generations);
            assertThat(generationsMeta()).isEqualTo(meta);
            assertThat(complianceTopic.poll()).hasSize((int) complianceEvents);
        });
        complianceTopic.close();

        // OPS runs the platform: it may rebuild (calling the service directly; the gateway keeps OPS off /api/**)
        String[] ops = auth(TestTokens.ops());
        assertThat(Http.postJson(url("/api/reports/admin/rebuild"), "{}", ops).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(getJson("/api/reports/admin/rebuild", ops).get("state").asString()).isEqualTo("DONE"));
        assertThat(models.active()).isEqualTo(generation + 1);
        assertThat(getJson("/api/reports/admin/rebuild", ADMIN_VL).get("state").asString()).isEqualTo("DONE");
        // and the rebuilt models are scoped like the old ones
        assertThat(communes(getJson("/api/reports/units/vinh-long/compliance?year=2026", COORD_PK))).containsExactly(PK);
    }

    void awaitConsumersCaughtUp() {
        ConsumerGroups.awaitCaughtUp(brokers, "reporting-service", CONSUMED);
    }

    /**
     * The generation-specific read-model collections ({@code units}, {@code units_g1}, ...), the ones a rebuild creates
     * and drops; other collections (outbox state, compliance) come and go with the live consumers.
     */
    Set<String> generationCollections() {
        Set<String> names = new TreeSet<>();
        for (String name : mongo.getCollectionNames()) {
            for (String base : ReadModels.ALL) {
                if (name.equals(base) || name.matches(java.util.regex.Pattern.quote(base) + "_g[0-9]+")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The document that records the active and the building generation (absent until the first rebuild). */
    Document generationsMeta() {
        return mongo.findById("generations", Document.class, "read_model_meta");
    }

    /** The number of records on the topic once the outbox has nothing left to send and the count stops moving. */
    long settledCount(TopicReader reader) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !mongo.exists(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("pendingEvents.0").exists(true)), "target_status"));
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long n = reader.poll().size();
            boolean settled = n > 0 && n == last[0];
            last[0] = n;
            return settled;
        });
        return last[0];
    }

    List<String> stream(String query, String[] auth) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/api/reports/stream" + query))).header(auth[0], auth[1])
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        streams.add(response);
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        return lines;
    }

    @Test
    void theLiveStreamCarriesOnlyChangesInsideTheCallersScopesAndKeepsAlive() throws Exception {
        List<String> coordinator = stream("", COORD_PK);
        List<String> coordinatorOfProvince = stream("?unitId=vinh-long", COORD_PK);
        List<String> admin = stream("?unitId=vinh-long", ADMIN_VL);
        List<String> haiPhong = stream("", auth(TestTokens.viewer("hai-phong")));
        for (String outside : List.of("?unitId=" + TH, "?unitId=hai-phong", "?unitId=vinh-long.khong-ton-tai")) {
            Http.Response response = Http.get(url("/api/reports/stream" + outside), COORD_PK[0], COORD_PK[1],
                    "Accept", "text/event-stream");
            assertThat(response.status()).as(outside).isEqualTo(404);
        }

        // one new item in each ward
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            for (String ward : List.of(TH, TM, PK)) {
                Scenario.Event e = events(ward).stream().filter(x -> x.key().endsWith("w14")).findFirst().orElseThrow();
                String live = e.json().replace("w14", "live").replace("2026-12-15T02:00:00Z", "2026-12-16T02:00:00Z");
                sender.send(e.topic(), e.type(), e.key().replace("w14", "live"), live);
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(changedUnits(admin)).contains(PK + ".vhxh", TH + ".vhxh");
            assertThat(changedUnits(haiPhong)).contains(TM + ".vhxh");
            assertThat(changedUnits(coordinator)).contains(PK + ".vhxh");
            assertThat(changedUnits(coordinatorOfProvince)).contains(PK + ".vhxh");
        });
        // every live event (changes and the target statuses they move) is published while its record is handled: once
        // the consumers have caught up, all have been sent; a misrouted one would show within the heartbeat's time
        awaitConsumersCaughtUp();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (List<String> own : List.of(coordinator, coordinatorOfProvince)) {
                assertThat(changedUnits(own)).allSatisfy(u -> assertThat(u).startsWith(PK));
                assertThat(String.join("\n", own)).doesNotContain("tan-hanh", "tien-minh");
            }
            assertThat(changedUnits(haiPhong)).allSatisfy(u -> assertThat(u).startsWith("hai-phong."));
            assertThat(changedUnits(admin)).allSatisfy(u -> assertThat(u).startsWith("vinh-long."));
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(coordinator).contains("event:hello").contains(":keep-alive");
            assertThat(haiPhong).contains(":keep-alive");
        });
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/api/reports/stream")))
                        .header("Authorization", TestTokens.bearer(expiringIn(Duration.ofSeconds(10)))).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        streams.add(response);
        // the server completes the stream at the token's expiry (well before the 30-minute limit): reading ends
        List<String> lines = java.util.concurrent.CompletableFuture.supplyAsync(() -> response.body().toList())
                .get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(lines).contains("event:hello", ":keep-alive");
    }

    /** A viewer token of Phú Khương, signed with the test key, that expires soon (TestTokens' last an hour). */
    static String expiringIn(Duration life) throws Exception {
        String pem;
        try (var in = TestTokens.class.getResourceAsStream("/cchc-security-test/private.pem")) {
            pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        }
        java.security.PrivateKey key = java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("viewer")
                .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .claim("preferred_username", "viewer").claim("roles", List.of("VIEWER")).claim("units", List.of(PK))
                .issueTime(new java.util.Date()).expirationTime(java.util.Date.from(Instant.now().plus(life))).build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).keyID("cchc-test").build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt.serialize();
    }

    /** The unitId of every change and target-status event received. */
    List<String> changedUnits(List<String> lines) {
        List<String> units = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("data:") && line.contains("\"unitId\"")) {
                units.add(json.readTree(line.substring(5)).get("unitId").asString());
            }
        }
        return units;
    }
}
