package vn.cchc.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.cchc.plan.plans.PlanApiTest.PK;
import static vn.cchc.plan.plans.PlanApiTest.TARGETS;
import static vn.cchc.plan.plans.PlanApiTest.TASKS;
import static vn.cchc.plan.plans.PlanApiTest.plan;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
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
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.plan.units.Unit;
import vn.cchc.plan.units.UnitEvents;
import vn.cchc.plan.units.UnitRepository;
import vn.cchc.plan.units.UnitStatus;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.security.test.TestTokens;

/**
 * Issue 7 for plan-service, through real HTTP with real signed tokens: the service checks every token itself
 * (401), writes outside the caller's role or units are 403 and change nothing (store and topics checked), reads
 * never show other units' plans or units, and every change is audited with who, when and what.
 */
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {PlanEvents.TOPIC, UnitEvents.TOPIC})
class PlanSecurityTest {
    static final String TM = "hai-phong.tien-minh";
    static final String ADMIN = TestTokens.token("admin", List.of("PROVINCE_ADMIN"), List.of("vinh-long", "hai-phong"));
    static final String ADMIN_VL = TestTokens.provinceAdmin("vinh-long");
    static final String ADMIN_HP = TestTokens.provinceAdmin("hai-phong");
    static final String COORD_PK = TestTokens.coordinator(PK);
    static final String COORD_TM = TestTokens.coordinator(TM);
    static final String EDITOR_PK = TestTokens.editor(PK);
    static final String VIEWER_HP = TestTokens.viewer("hai-phong");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("plan-security-test"));
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    PlanRepository plans;
    @Autowired
    UnitRepository units;
    @Autowired
    JsonMapper json;
    TopicReader planTopic;
    TopicReader unitTopic;

    @BeforeEach
    void setUp() {
        plans.deleteAll();
        units.deleteAll();
        for (String[] unit : new String[][]{{"vinh-long", "Tỉnh Vĩnh Long", "PROVINCE"}, {PK, "Phường Phú Khương", "WARD"},
                {PK + ".vhxh", "Phòng Văn hóa - Xã hội", "OFFICE"}, {PK + ".ttdvth", "Trung tâm Dịch vụ tổng hợp", "CENTRE"},
                {"hai-phong", "Thành phố Hải Phòng", "PROVINCE"}, {TM, "Xã Tiên Minh", "COMMUNE"},
                {TM + ".ttdvth", "Trung tâm Dịch vụ tổng hợp xã Tiên Minh", "CENTRE"}}) {
            Http.Response added = post("/api/units", """
                    {"unitId":"%s","name":"%s","kind":"%s"}""".formatted(unit[0], unit[1], unit[2]), ADMIN);
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        planTopic = new TopicReader(brokers, PlanEvents.TOPIC);
        unitTopic = new TopicReader(brokers, UnitEvents.TOPIC);
    }

    @AfterEach
    void tearDown() {
        planTopic.close();
        unitTopic.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    Http.Response get(String path, String token) {
        return Http.get(url(path), "Authorization", TestTokens.bearer(token));
    }

    Http.Response post(String path, String body, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Http.send(request, with(token, headers));
    }

    Http.Response send(String method, String path, String body, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return Http.send(request, with(token, headers));
    }

    static String[] with(String token, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = TestTokens.bearer(token);
        return all;
    }

    JsonNode body(Http.Response response) {
        return json.readTree(response.body());
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    String createDraft(String issuer, String token) {
        Http.Response created = post("/api/plans", issuer.equals(PK) ? plan(PK, TARGETS, TASKS) : plan(issuer, "[]", "[]"), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return body(created).get("id").asString();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    List<ConsumerRecord<String, byte[]>> eventsOf(TopicReader topic, String key, int atLeast) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> topic.poll().stream().filter(r -> key.equals(r.key())).toList(), list -> list.size() >= atLeast);
    }

    @Test
    void everyApiCallNeedsAValidTokenCheckedByTheServiceItself() {
        for (String path : List.of("/api/plans", "/api/units", "/api/units/" + PK)) {
            Http.Response anonymous = Http.get(url(path));
            assertProblem(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        }
        List<String> roles = List.of("PROVINCE_ADMIN");
        List<String> scope = List.of("vinh-long");
        for (String bad : List.of(TestTokens.expired("admin", roles, scope), TestTokens.wronglySigned("admin", roles, scope),
                TestTokens.tampered("x", roles, scope), TestTokens.malformed())) {
            assertProblem(get("/api/plans", bad), 401);
            assertProblem(post("/api/plans", plan(PK, TARGETS, TASKS), bad), 401);
            assertProblem(post("/api/units", "{\"unitId\":\"" + PK + ".thon-1\",\"name\":\"Thôn 1\",\"kind\":\"VILLAGE\"}", bad), 401);
        }
        assertProblem(Http.postJson(url("/api/plans"), plan(PK, TARGETS, TASKS)), 401);
        assertThat(plans.count()).isZero();
        assertThat(units.count()).isEqualTo(7);

        // OPS reads no business data; docs and health stay open
        assertProblem(get("/api/plans", TestTokens.ops()), 403);
        assertThat(Http.get(url("/v3/api-docs")).status()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/health")).status()).isNotIn(401, 403);
    }

    @Test
    void aCoordinatorCannotCreateEditIssueAmendOrCloseAnotherCommunesPlanAndNothingChanges() {
        String id = createDraft(PK, COORD_PK);
        Plan before = plans.findById(id).orElseThrow();
        String etag = "\"" + before.getVersion() + "\"";
        String content = body(get("/api/plans/" + id, COORD_PK)).get("plan").toString();

        assertProblem(post("/api/plans", plan(PK, TARGETS, TASKS), COORD_TM), 403);
        assertProblem(post("/api/plans", plan(PK, TARGETS, TASKS), EDITOR_PK), 403);      // editors record publications only
        assertProblem(post("/api/plans", plan(PK, TARGETS, TASKS), ADMIN_HP), 403);       // another province
        assertProblem(post("/api/plans", plan(PK, TARGETS, TASKS), VIEWER_HP), 403);
        // another unit's plan is answered as if it did not exist (404, as on reads); a role problem on the caller's own
        // units stays 403
        assertProblem(send("PUT", "/api/plans/" + id, content, COORD_TM, "If-Match", etag), 404);
        assertProblem(send("PUT", "/api/plans/" + id, content.replace(PK, TM), COORD_TM, "If-Match", etag), 404);
        assertProblem(post("/api/plans/" + id + "/issue", null, COORD_TM, "If-Match", etag), 404);
        assertProblem(post("/api/plans/" + id + "/issue", null, EDITOR_PK), 403);
        assertProblem(post("/api/plans/" + id + "/issue", null, TestTokens.viewer(PK)), 403);
        assertProblem(post("/api/plans/" + id + "/issue", null, ADMIN_HP), 404);
        assertProblem(post("/api/plans/" + id + "/close", null, COORD_TM), 404);
        Http.Response foreign = post("/api/plans/" + id + "/close", null, COORD_TM);
        Http.Response absent = post("/api/plans/" + java.util.UUID.randomUUID() + "/close", null, COORD_TM);
        assertThat(body(foreign).get("title").asString()).isEqualTo(body(absent).get("title").asString());
        assertThat(absent.status()).isEqualTo(404);
        // a coordinator cannot move its own draft to another commune either
        assertProblem(send("PUT", "/api/plans/" + id, content.replace("\"issuingUnitId\":\"" + PK + "\"",
                "\"issuingUnitId\":\"" + TM + "\""), COORD_PK, "If-Match", etag), 403);

        Plan unchanged = plans.findById(id).orElseThrow();
        assertThat(plans.count()).isEqualTo(1);
        assertThat(unchanged.getVersion()).isEqualTo(before.getVersion());
        assertThat(unchanged.getStatus()).isEqualTo(PlanStatus.DRAFT);
        assertThat(unchanged.getContent()).isEqualTo(before.getContent());
        assertThat(unchanged.getAudit()).hasSize(1);

        // its own coordinator issues it; then the other commune's coordinator can neither amend nor close it
        Http.Response issued = post("/api/plans/" + id + "/issue", null, COORD_PK, "If-Match", etag);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String amendment = "{\"plan\":" + body(issued).get("plan").toString().replace("\"minimum\":2", "\"minimum\":9") + "}";
        assertProblem(post("/api/plans/" + id + "/amendments", amendment, COORD_TM, "If-Match", issued.header("ETag")), 404);
        assertProblem(post("/api/plans/" + id + "/amendments", amendment, EDITOR_PK, "If-Match", issued.header("ETag")), 403);
        assertProblem(post("/api/plans/" + id + "/close", null, COORD_TM), 404);
        assertThat(plans.findById(id).orElseThrow().getRevision()).isEqualTo(1);
        assertThat(post("/api/plans/" + id + "/close", null, COORD_PK).status()).isEqualTo(200);

        // on the topic: issued, then closed, and nothing from the refused calls in between
        List<ConsumerRecord<String, byte[]>> events = eventsOf(planTopic, id, 2);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(PlanEvents.ISSUED, PlanEvents.CLOSED);
        assertThat(events).extracting(r -> json.readTree(TopicReader.value(r)).get("revision").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void unitsAreChangedOnlyByAProvinceAdminWithinTheirSubtreeAndRefusalsChangeNothing() {
        String thon = "{\"unitId\":\"" + PK + ".thon-1\",\"name\":\"Thôn 1\",\"kind\":\"VILLAGE\"}";
        String team = PK + ".vhxh.to-1"; // only this test has it, so its events on the topic are this test's
        assertThat(post("/api/units", "{\"unitId\":\"" + team + "\",\"name\":\"Tổ 1\",\"kind\":\"OTHER\"}", ADMIN_VL).status())
                .isEqualTo(201);
        assertProblem(post("/api/units", thon, COORD_PK), 403);
        assertProblem(post("/api/units", thon, EDITOR_PK), 403);
        assertProblem(post("/api/units", thon, ADMIN_HP), 403);
        assertProblem(post("/api/units", "{\"unitId\":\"lam-dong\",\"name\":\"Tỉnh Lâm Đồng\",\"kind\":\"PROVINCE\"}", ADMIN_HP), 403);
        assertProblem(send("PATCH", "/api/units/" + team, "{\"name\":\"Đổi tên\"}", COORD_PK), 403);
        assertProblem(send("PATCH", "/api/units/" + team, "{\"name\":\"Đổi tên\"}", ADMIN_HP), 404); // not its province
        assertProblem(post("/api/units/" + team + "/retire", null, ADMIN_HP), 404);
        assertProblem(post("/api/units/" + team + "/retire", null, COORD_PK), 403);

        assertThat(units.count()).isEqualTo(8);
        Unit unchanged = units.findById(team).orElseThrow();
        assertThat(unchanged.getName()).isEqualTo("Tổ 1");
        assertThat(unchanged.getStatus()).isEqualTo(UnitStatus.ACTIVE);
        assertThat(unchanged.getRevision()).isEqualTo(1);
        assertThat(unchanged.getAudit()).hasSize(1);

        // the province admin may; the audit says who did what
        assertThat(post("/api/units", thon, ADMIN_VL).status()).isEqualTo(201);
        assertThat(send("PATCH", "/api/units/" + PK + ".thon-1", "{\"name\":\"Thôn Bình Minh\"}", ADMIN_VL).status()).isEqualTo(200);
        assertThat(post("/api/units/" + PK + ".thon-1/retire", null, ADMIN_VL).status()).isEqualTo(200);
        assertThat(send("PATCH", "/api/units/" + team, "{\"name\":\"Tổ Một\"}", ADMIN_VL).status()).isEqualTo(200);

        JsonNode audit = body(get("/api/units/" + PK + ".thon-1/audit", COORD_PK));
        assertThat(audit.findValuesAsString("action")).containsExactly("ADDED", "UPDATED", "RETIRED");
        assertThat(audit.findValuesAsString("by")).containsOnly("admin-vinh-long");
        assertThat(audit.get(1).get("changed").toString()).isEqualTo("[\"name\"]");
        assertThat(audit.get(1).get("note").asString()).isEqualTo("name: Thôn 1 → Thôn Bình Minh");
        JsonNode retired = body(get("/api/units/" + PK + ".thon-1", COORD_PK));
        assertThat(audit.get(2).get("at").asString()).isEqualTo(retired.get("changedAt").asString());
        assertProblem(get("/api/units/" + PK + ".thon-1/audit", COORD_TM), 404);

        // on the topic: the team's first event, then the rename by the admin; nothing from the refusals
        List<ConsumerRecord<String, byte[]>> events = eventsOf(unitTopic, team, 2);
        assertThat(events).extracting(r -> json.readTree(TopicReader.value(r)).get("name").asString())
                .containsExactly("Tổ 1", "Tổ Một");
    }

    @Test
    void readsNeverShowOtherUnitsPlansOrUnits() {
        String pkPlan = createDraft(PK, ADMIN);
        assertThat(post("/api/plans/" + pkPlan + "/issue", null, ADMIN).status()).isEqualTo(200);
        String tmPlan = createDraft(TM, COORD_TM);

        for (String token : List.of(COORD_TM, VIEWER_HP, ADMIN_HP)) {
            JsonNode list = body(get("/api/plans?size=200", token));
            assertThat(list.get("total").asLong()).isEqualTo(1);
            assertThat(ids(list)).containsExactly(tmPlan);
            assertThat(body(get("/api/plans?unitId=vinh-long&subtree=true", token)).get("total").asLong()).isZero();
            assertThat(body(get("/api/plans?unitId=" + PK, token)).get("items").size()).isZero();
            for (String path : List.of("", "/revisions", "/revisions/1", "/audit")) {
                assertProblem(get("/api/plans/" + pkPlan + path, token), 404);
            }
            assertThat(get("/api/plans/" + tmPlan, token).status()).isEqualTo(200);

            JsonNode unitList = body(get("/api/units?size=1000", token));
            assertThat(unitList.get("items").findValuesAsString("unitId")).isNotEmpty()
                    .allSatisfy(unit -> assertThat(unit).startsWith("hai-phong"));
            assertThat(body(get("/api/units?within=vinh-long", token)).get("total").asLong()).isZero();
            assertProblem(get("/api/units/" + PK, token), 404);
            assertProblem(get("/api/units/" + PK + "/audit", token), 404);
        }
        assertThat(ids(body(get("/api/plans", COORD_PK)))).containsExactly(pkPlan);
        assertThat(body(get("/api/plans", TestTokens.viewer("vinh-long", "hai-phong"))).get("total").asLong()).isEqualTo(2);
        assertThat(body(get("/api/units", COORD_PK)).get("items").findValuesAsString("unitId"))
                .containsExactly(PK, PK + ".ttdvth", PK + ".vhxh");
        // a scope on whole segments: "hai-phong.tien" is not "hai-phong.tien-minh"
        assertThat(body(get("/api/plans", TestTokens.viewer("hai-phong.tien"))).get("total").asLong()).isZero();
    }

    @Test
    void theAuditTellsWhoChangedWhatAndWhenAndRefusedChangesLeaveNoTrace() {
        String id = createDraft(PK, COORD_PK);
        Http.Response draft = get("/api/plans/" + id, COORD_PK);
        ObjectNode content = (ObjectNode) body(draft).get("plan");
        content.put("number", "12/KH-UBND");
        Http.Response updated = send("PUT", "/api/plans/" + id, content.toString(), COORD_PK, "If-Match", draft.header("ETag"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(send("PUT", "/api/plans/" + id, content.toString(), COORD_PK, "If-Match", draft.header("ETag")).status())
                .isEqualTo(412);
        Http.Response issued = post("/api/plans/" + id + "/issue", null, COORD_PK, "If-Match", updated.header("ETag"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String amendment = "{\"plan\":" + body(issued).get("plan").toString().replace("\"minimum\":2", "\"minimum\":3")
                + ",\"note\":\"Tăng số tin phát thanh\"}";
        Http.Response amended = post("/api/plans/" + id + "/amendments", amendment, ADMIN, "If-Match", issued.header("ETag"));
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        Http.Response closed = post("/api/plans/" + id + "/close", null, COORD_PK);
        assertThat(closed.status()).isEqualTo(200);

        Http.Response response = get("/api/plans/" + id + "/audit", TestTokens.viewer("vinh-long"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode audit = body(response);
        assertThat(audit.findValuesAsString("action")).containsExactly("CREATED", "UPDATED", "ISSUED", "AMENDED", "CLOSED");
        String coordinator = "coordinator-" + PK;
        assertThat(audit.findValuesAsString("by")).containsExactly(coordinator, coordinator, coordinator, "admin", coordinator);
        assertThat(audit.findValues("revision")).extracting(JsonNode::asLong).containsExactly(0L, 0L, 1L, 2L, 3L);
        assertThat(audit.get(0).get("changed").toString()).contains("\"issuingUnitId\"", "\"targets\"", "\"tasks\"");
        assertThat(audit.get(1).get("changed").toString()).isEqualTo("[\"number\"]");
        assertThat(audit.get(3).get("changed").toString()).isEqualTo("[\"targets\"]");
        assertThat(audit.get(3).get("note").asString()).isEqualTo("Tăng số tin phát thanh");
        // times come from the service's clock, the same that stamps the plan
        JsonNode plan = body(closed);
        assertThat(audit.get(0).get("at").asString()).isEqualTo(plan.get("createdAt").asString());
        assertThat(audit.get(2).get("at").asString()).isEqualTo(plan.get("issuedAt").asString());
        assertThat(audit.get(4).get("at").asString()).isEqualTo(plan.get("closedAt").asString());
        // the trail is in the plan's own document, not in lists
        assertThat(plans.findById(id).orElseThrow().getAudit()).hasSize(5);
        assertThat(body(get("/api/plans", COORD_PK)).get("items").get(0).has("audit")).isFalse();
    }
}
