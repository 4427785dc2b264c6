package vn.cchc.plan.plans;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.plan.units.UnitEvents;
import vn.cchc.plan.units.UnitRepository;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.security.test.TestTokens;

/** The plan lifecycle and the unit directory through real HTTP, MongoDB wire server and an embedded KRaft broker. */
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {PlanEvents.TOPIC, UnitEvents.TOPIC})
class PlanApiTest {
    static final String PK = "vinh-long.phu-khuong";
    static final String TM_FOR_REFERENCES = "hai-phong.tien-minh";
    /** Admin of both provinces of this test: may do everything the tests below do. */
    static final String ADMIN = TestTokens.token("admin", List.of("PROVINCE_ADMIN"), List.of("vinh-long", "hai-phong"));

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("plan-api-test"));
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

    @BeforeEach
    void setUp() {
        plans.deleteAll();
        units.deleteAll();
        for (String[] unit : new String[][]{{"vinh-long", "Tỉnh Vĩnh Long", "PROVINCE"}, {PK, "Phường Phú Khương", "WARD"},
                {PK + ".vhxh", "Phòng Văn hóa - Xã hội", "OFFICE"}, {PK + ".ttdvth", "Trung tâm Dịch vụ tổng hợp", "CENTRE"},
                {"hai-phong", "Thành phố Hải Phòng", "PROVINCE"}, {"hai-phong.tien-minh", "Xã Tiên Minh", "COMMUNE"}}) {
            Http.Response added = postJson("/api/units", """
                    {"unitId":"%s","name":"%s","kind":"%s"}""".formatted(unit[0], unit[1], unit[2]));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        planTopic = new TopicReader(brokers, PlanEvents.TOPIC);
    }

    @AfterEach
    void tearDown() {
        planTopic.close();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The headers with the admin's token in front, unless they carry their own Authorization. */
    static String[] auth(String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                return headers;
            }
        }
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = TestTokens.bearer(ADMIN);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    static String[] as(String token) {
        return new String[]{"Authorization", TestTokens.bearer(token)};
    }

    Http.Response get(String path, String... headers) {
        return Http.get(base() + path, auth(headers));
    }

    Http.Response postJson(String path, String body, String... headers) {
        return Http.postJson(base() + path, body, auth(headers));
    }

    Http.Response putJson(String path, String body, String... headers) {
        return Http.putJson(base() + path, body, auth(headers));
    }

    Http.Response send(HttpRequest.Builder request, String... headers) {
        return Http.send(request, auth(headers));
    }

    static String plan(String issuer, String targets, String tasks) {
        return """
                {"issuingUnitId":"%s","number":null,"title":"Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026",
                 "year":2026,"place":"Phú Khương","issuedOn":"2026-01-15",
                 "parentPlan":{"planId":null,"number":"125/KH-UBND","date":"2025-12-29","issuer":"Ủy ban nhân dân tỉnh Vĩnh Long"},
                 "themes":["PAR INDEX","Dịch vụ công trực tuyến"],
                 "targets":%s,
                 "scheduledItems":[{"title":"Đối thoại về cải cách hành chính","date":"2026-03-13","startTime":"20:15","endTime":"20:45",
                   "unitId":"%s.ttdvth","channel":"RADIO","kind":"BROADCAST"}],
                 "tasks":%s,
                 "reportingDuties":[{"period":"QUARTER","recipient":"Sở Nội vụ tỉnh Vĩnh Long"}]}"""
                .formatted(issuer, targets, issuer, tasks);
    }

    static final String TARGETS = """
            [{"description":"Tối thiểu 12 tin/bài trong năm trên Trang thông tin điện tử phường","kinds":["ARTICLE"],"channels":["WEBSITE"],
              "minimum":12,"period":"YEAR","scope":"SUBTREE"},
             {"description":"Ít nhất 02 tin/bài mỗi tháng trên Đài truyền thanh","kinds":[],"channels":["RADIO"],
              "minimum":2,"period":"MONTH","scope":"SUBTREE","unitId":"vinh-long.phu-khuong"}]""";
    static final String TASKS = """
            [{"number":"1","title":"Viết tin, bài về CCHC","leadUnitId":"vinh-long.phu-khuong.vhxh","coordinatingUnitIds":["vinh-long.phu-khuong"],
              "timeFrame":{"type":"ONGOING"},"products":["Tin, bài"]}]""";

    JsonNode body(Http.Response response) {
        return json.readTree(response.body());
    }

    Http.Response post(String path, String ifMatch, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody());
        return ifMatch == null ? send(request, headers) : send(request, concat(headers, "If-Match", ifMatch));
    }

    static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    List<ConsumerRecord<String, byte[]>> eventsOf(String planId, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> planTopic.poll().stream().filter(r -> planId.equals(r.key())).toList(), list -> list.size() >= count);
    }

    @Test
    void draftIssueAmendCloseWithETagsRevisionsAndValidEvents() {
        Http.Response created = postJson("/api/plans", plan(PK, TARGETS, TASKS));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/plans/" + id);
        assertThat(body(created).get("status").asString()).isEqualTo("DRAFT");
        JsonNode target = body(created).get("plan").get("targets").get(0);
        assertThat(target.get("id").asString()).startsWith("tg-");
        assertThat(target.get("unitId").asString()).isEqualTo(PK);
        assertThat(body(created).get("plan").get("tasks").get(0).get("timeFrame").get("text").asString()).isEqualTo("Thường xuyên");

        // drafts are private: nothing is published
        Http.Response read = get("/api/plans/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo(created.header("ETag")).matches("\"\\d+\"");

        // updating a draft needs If-Match: 428 without, 412 when stale
        String edited = plan(PK, TARGETS, TASKS).replace("\"number\":null", "\"number\":\"12/KH-UBND\"");
        Http.Response missing = putJson("/api/plans/" + id, edited);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        Http.Response updated = putJson("/api/plans/" + id, edited, "If-Match", etag);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(body(updated).get("plan").get("number").asString()).isEqualTo("12/KH-UBND");
        // entries sent without ids get new ones; the amendment below sends them back and they are kept
        String targetId = body(updated).get("plan").get("targets").get(0).get("id").asString();
        Http.Response stale = putJson("/api/plans/" + id, edited, "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);

        Http.Response issued = post("/api/plans/" + id + "/issue", updated.header("ETag"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(body(issued).get("status").asString()).isEqualTo("ISSUED");
        assertThat(body(issued).get("revision").asLong()).isEqualTo(1);
        assertThat(putJson("/api/plans/" + id, edited, "If-Match", issued.header("ETag")).status()).isEqualTo(409);

        // amend: keep the first target (by id), raise the radio minimum, drop nothing else
        JsonNode current = body(issued).get("plan");
        String amendedPlan = current.toString().replace("\"minimum\":2", "\"minimum\":3");
        Http.Response amendNoIfMatch = postJson("/api/plans/" + id + "/amendments", "{\"plan\":" + amendedPlan + "}");
        assertThat(amendNoIfMatch.status()).isEqualTo(428);
        Http.Response amended = postJson("/api/plans/" + id + "/amendments",
                "{\"plan\":" + amendedPlan + ",\"note\":\"Tăng số tin phát thanh\"}", "If-Match", issued.header("ETag"));
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(body(amended).get("status").asString()).isEqualTo("AMENDED");
        assertThat(body(amended).get("revision").asLong()).isEqualTo(2);
        assertThat(body(amended).get("plan").get("targets").findValuesAsString("id"))
                .isEqualTo(current.get("targets").findValuesAsString("id"))
                .contains(targetId);

        Http.Response closed = post("/api/plans/" + id + "/close", null);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(body(closed).get("revision").asLong()).isEqualTo(3);
        Http.Response amendClosed = postJson("/api/plans/" + id + "/amendments",
                "{\"plan\":" + amendedPlan + "}", "If-Match", closed.header("ETag"));
        assertThat(amendClosed.status()).isEqualTo(409);
        assertThat(body(amendClosed).get("detail").asString()).contains("closed");
        assertThat(post("/api/plans/" + id + "/close", null).status()).isEqualTo(409);

        // earlier revisions stay readable
        JsonNode revisions = body(get("/api/plans/" + id + "/revisions"));
        assertThat(revisions.findValuesAsString("status")).containsExactly("ISSUED", "AMENDED", "CLOSED");
        JsonNode first = body(get("/api/plans/" + id + "/revisions/1"));
        assertThat(first.get("plan").get("targets").get(1).get("minimum").asInt()).isEqualTo(2);
        assertThat(get("/api/plans/" + id + "/revisions/9").status()).isEqualTo(404);

        // exactly three events, in order, each valid against its published schema
        List<ConsumerRecord<String, byte[]>> events = eventsOf(id, 3);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .containsExactly(PlanEvents.ISSUED, PlanEvents.AMENDED, PlanEvents.CLOSED);
        for (ConsumerRecord<String, byte[]> event : events) {
            String type = TopicReader.header(event, "ce_type");
            assertThat(ContractSchemas.validate(type, TopicReader.value(event))).as(type).isEmpty();
            assertThat(TopicReader.header(event, "ce_source")).isEqualTo("/cchc/plan-service");
            assertThat(TopicReader.header(event, "ce_subject")).isEqualTo(id);
        }
        JsonNode issuedData = json.readTree(TopicReader.value(events.get(0)));
        assertThat(issuedData.get("revision").asLong()).isEqualTo(1);
        assertThat(issuedData.get("number").asString()).isEqualTo("12/KH-UBND");
        assertThat(issuedData.get("unitPath").get("commune").asString()).isEqualTo(PK);
        assertThat(issuedData.get("scheduledItems").get(0).get("startTime").asString()).isEqualTo("20:15");
        assertThat(issuedData.get("parentPlan").get("date").asString()).isEqualTo("2025-12-29");
        JsonNode amendedData = json.readTree(TopicReader.value(events.get(1)));
        assertThat(amendedData.get("amendmentNote").asString()).isEqualTo("Tăng số tin phát thanh");
        assertThat(amendedData.get("targets").get(1).get("minimum").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(60)).until(() -> plans.findById(id).orElseThrow().pendingEvents().isEmpty());
    }

    @Test
    void rejectsBadPlansNamingEachFieldAndStoresNothing() {
        Http.Response zeroMinimum = postJson("/api/plans",
                plan(PK, TARGETS.replace("\"minimum\":12", "\"minimum\":0"), TASKS));
        assertThat(zeroMinimum.status()).isEqualTo(400);
        assertThat(zeroMinimum.header("Content-Type")).startsWith("application/problem+json");
        assertThat(body(zeroMinimum).get("errors").get(0).get("field").asString()).isEqualTo("targets[0].minimum");
        assertThat(body(zeroMinimum).get("errors").get(0).get("rule").asString()).isEqualTo("min");

        Http.Response unknownLead = postJson("/api/plans",
                plan(PK, TARGETS, TASKS.replace(PK + ".vhxh", PK + ".khong-ton-tai")));
        assertThat(unknownLead.status()).isEqualTo(400);
        assertThat(body(unknownLead).get("errors").get(0).get("field").asString()).isEqualTo("tasks[0].leadUnitId");
        assertThat(body(unknownLead).get("errors").get(0).get("rule").asString()).isEqualTo("unknown-unit");

        Http.Response unknownIssuer = postJson("/api/plans", plan("vinh-long.khong-co", "[]", "[]")
                .replace("vinh-long.khong-co.ttdvth", PK + ".ttdvth"));
        assertThat(unknownIssuer.status()).isEqualTo(400);
        assertThat(body(unknownIssuer).get("errors").findValuesAsString("field")).contains("issuingUnitId");

        Http.Response outOfScope = postJson("/api/plans", plan(PK, TARGETS, TASKS), as(TestTokens.provinceAdmin("hai-phong")));
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(outOfScope.header("Content-Type")).startsWith("application/problem+json");

        Http.Response unknownChannel = postJson("/api/plans", plan(PK, TARGETS.replace("\"WEBSITE\"", "\"TELEGRAPH\""), TASKS));
        assertThat(unknownChannel.status()).isEqualTo(400);

        Http.Response noTitle = postJson("/api/plans", plan(PK, TARGETS, TASKS).replace(
                "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026", " "));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(body(noTitle).get("errors").get(0).get("field").asString()).isEqualTo("title");

        Http.Response unknownParent = postJson("/api/plans", plan(PK, TARGETS, TASKS)
                .replace("\"planId\":null", "\"planId\":\"khong-co\""));
        assertThat(unknownParent.status()).isEqualTo(400);
        assertThat(body(unknownParent).get("errors").get(0).get("field").asString()).isEqualTo("parentPlan.planId");
        assertThat(body(unknownParent).get("errors").get(0).get("rule").asString()).isEqualTo("unknown-plan");

        assertThat(plans.count()).isZero();
    }

    @Test
    void aCommunePlanLinksToItsProvincePlanById() {
        String province = body(postJson("/api/plans", plan("vinh-long", "[]", "[]")
                .replace("\"unitId\":\"vinh-long.ttdvth\"", "\"unitId\":\"" + PK + ".ttdvth\""))).get("id").asString();
        Http.Response commune = postJson("/api/plans", plan(PK, TARGETS, TASKS)
                .replace("\"planId\":null", "\"planId\":\"" + province + "\""));

        assertThat(commune.status()).as(commune.body()).isEqualTo(201);
        assertThat(body(commune).get("plan").get("parentPlan").get("planId").asString()).isEqualTo(province);
        assertThat(body(commune).get("plan").get("parentPlan").get("number").asString()).isEqualTo("125/KH-UBND");
    }

    @Test
    void aPlanCannotLinkToAnotherCommunesPlanAsParentOrBasisAndTheAnswerIsThatOfAnAbsentPlan() {
        String otherCommune = body(postJson("/api/plans", plan(TM_FOR_REFERENCES, "[]", "[]")
                .replace("\"unitId\":\"" + TM_FOR_REFERENCES + ".ttdvth\"", "\"unitId\":\"" + TM_FOR_REFERENCES + "\"")))
                .get("id").asString();
        long before = plans.count();
        Http.Response underForeign = postJson("/api/plans", plan(PK, TARGETS, TASKS)
                .replace("\"planId\":null", "\"planId\":\"" + otherCommune + "\""), as(TestTokens.coordinator(PK)));
        Http.Response underAbsent = postJson("/api/plans", plan(PK, TARGETS, TASKS)
                .replace("\"planId\":null", "\"planId\":\"" + java.util.UUID.randomUUID() + "\""), as(TestTokens.coordinator(PK)));
        for (Http.Response refused : List.of(underForeign, underAbsent)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("parentPlan.planId");
            assertThat(body(refused).get("errors").get(0).get("rule").asString()).isEqualTo("unknown-plan");
        }
        // even a province admin who sees both cannot hang one commune's plan under another's: plans form a tree
        Http.Response lateral = postJson("/api/plans", plan(PK, TARGETS, TASKS)
                .replace("\"planId\":null", "\"planId\":\"" + otherCommune + "\""));
        assertThat(lateral.status()).as(lateral.body()).isEqualTo(400);
        assertThat(plans.count()).isEqualTo(before);
    }

    @Test
    void aRetiredUnitCannotIssueAndNothingIsPublished() {
        Http.Response created = postJson("/api/plans", plan(PK, TARGETS, TASKS));
        String id = body(created).get("id").asString();
        // retire the lead unit of the task after the draft was saved
        assertThat(post("/api/units/" + PK + ".vhxh/retire", null).status()).isEqualTo(200);

        Http.Response issue = post("/api/plans/" + id + "/issue", null);

        assertThat(issue.status()).isEqualTo(400);
        assertThat(body(issue).get("errors").get(0).get("rule").asString()).isEqualTo("retired-unit");
        assertThat(plans.findById(id).orElseThrow().getStatus()).isEqualTo(PlanStatus.DRAFT);
        Http.Response retiredIssuer = postJson("/api/plans", plan(PK, "[]", "[]"));
        assertThat(retiredIssuer.status()).isEqualTo(201); // the ward itself is still active
    }

    @Test
    void plansOfAnotherUnitAreInvisibleOutsideTheCallersScope() {
        String id = body(postJson("/api/plans", plan(PK, TARGETS, TASKS))).get("id").asString();

        assertThat(get("/api/plans/" + id, as(TestTokens.viewer("vinh-long"))).status()).isEqualTo(200);
        assertThat(get("/api/plans/" + id, as(TestTokens.viewer("hai-phong"))).status()).isEqualTo(404);
        assertThat(body(get("/api/plans", as(TestTokens.viewer("hai-phong")))).get("total").asLong()).isZero();
    }

    @Test
    void listsByUnitSubtreeYearAndStatusWithPagination() {
        String first = body(postJson("/api/plans", plan(PK, TARGETS, TASKS))).get("id").asString();
        postJson("/api/plans", plan(PK, "[]", "[]").replace("\"year\":2026", "\"year\":2027")
                .replace("2026-03-13", "2027-03-13"));
        postJson("/api/plans", plan("hai-phong.tien-minh", "[]", "[]")
                .replace("\"unitId\":\"hai-phong.tien-minh.ttdvth\"", "\"unitId\":\"hai-phong.tien-minh\""));
        assertThat(post("/api/plans/" + first + "/issue", null).status()).isEqualTo(200);

        assertThat(body(get("/api/plans")).get("total").asLong()).isEqualTo(3);
        assertThat(body(get("/api/plans?unitId=vinh-long")).get("total").asLong()).isZero();
        assertThat(body(get("/api/plans?unitId=vinh-long&subtree=true")).get("total").asLong()).isEqualTo(2);
        assertThat(body(get("/api/plans?unitId=" + PK + "&year=2026")).get("total").asLong()).isEqualTo(1);
        JsonNode issued = body(get("/api/plans?status=ISSUED"));
        assertThat(issued.get("items").size()).isEqualTo(1);
        assertThat(issued.get("items").get(0).get("id").asString()).isEqualTo(first);
        JsonNode page = body(get("/api/plans?size=2&page=1"));
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(body(get("/api/plans?size=2&page=0")).get("items").get(0).get("plan").get("year").asInt()).isEqualTo(2027);
        assertThat(get("/api/plans?size=0").status()).isEqualTo(400);
        assertThat(get("/api/plans?status=FINISHED").status()).isEqualTo(400);
    }

    @Test
    void unitDirectoryAddRenameRetireWithEvents() {
        TopicReader unitTopic = new TopicReader(brokers, UnitEvents.TOPIC);
        try {
            Http.Response orphan = postJson("/api/units", """
                    {"unitId":"vinh-long.khong-co.vhxh","name":"Phòng Văn hóa - Xã hội","kind":"OFFICE"}""");
            assertThat(orphan.status()).isEqualTo(400);
            assertThat(body(orphan).get("errors").get(0).get("rule").asString()).isEqualTo("unknown-parent");
            assertThat(postJson("/api/units", """
                    {"unitId":"vinh-long.phu-khuong","name":"Phường Phú Khương","kind":"WARD"}""").status()).isEqualTo(409);
            assertThat(postJson("/api/units", """
                    {"unitId":"Lam Dong","name":"Lâm Đồng","kind":"PROVINCE"}""").status()).isEqualTo(400);

            Http.Response added = postJson("/api/units", """
                    {"unitId":"vinh-long.phu-khuong.truong-thcs","name":"Trường THCS","kind":"SCHOOL",
                     "channels":[{"channel":"FACEBOOK","name":"Fanpage nhà trường","url":"https://facebook.com/thcs"}]}""");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            String unit = base() + "/api/units/" + PK + ".truong-thcs";
            Http.Response renamed = send(HttpRequest.newBuilder(URI.create(unit)).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Trường THCS Phú Khương\"}")));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            assertThat(body(renamed).get("name").asString()).isEqualTo("Trường THCS Phú Khương");
            assertThat(body(renamed).get("channels").get(0).get("channel").asString()).isEqualTo("FACEBOOK");
            Http.Response stale = send(HttpRequest.newBuilder(URI.create(unit)).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Tên cũ\"}")), "If-Match", added.header("ETag"));
            assertThat(stale.status()).isEqualTo(412);

            assertThat(post("/api/units/" + PK + "/retire", null).status()).isEqualTo(409); // has active units beneath
            assertThat(post("/api/units/" + PK + ".truong-thcs/retire", null).status()).isEqualTo(200);
            assertThat(post("/api/units/" + PK + ".truong-thcs/retire", null).status()).isEqualTo(409);
            JsonNode retired = body(Http.get(unit, auth()));
            assertThat(retired.get("status").asString()).isEqualTo("RETIRED");
            assertThat(retired.get("revision").asLong()).isEqualTo(3);
            assertThat(body(get("/api/units?within=" + PK + "&status=ACTIVE")).get("items").findValuesAsString("unitId"))
                    .containsExactly(PK, PK + ".ttdvth", PK + ".vhxh");

            List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(60)).until(
                    () -> unitTopic.poll().stream().filter(r -> (PK + ".truong-thcs").equals(r.key())).toList(), l -> l.size() >= 3);
            for (ConsumerRecord<String, byte[]> event : events) {
                assertThat(TopicReader.header(event, "ce_type")).isEqualTo(UnitEvents.CHANGED);
                assertThat(ContractSchemas.validate(UnitEvents.CHANGED, TopicReader.value(event))).isEmpty();
            }
            assertThat(events).extracting(e -> json.readTree(TopicReader.value(e)).get("status").asString())
                    .containsExactly("ACTIVE", "ACTIVE", "RETIRED");
            assertThat(json.readTree(TopicReader.value(events.get(0))).get("parentId").asString()).isEqualTo(PK);
        } finally {
            unitTopic.close();
        }
    }

    @Test
    void servesItsOpenApiDescription() {
        Http.Response docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(body(docs).get("paths").has("/api/plans/{id}/amendments")).isTrue();
        assertThat(body(docs).get("paths").has("/api/units/{id}/retire")).isTrue();
        assertThat(body(docs).get("paths").has("/api/plans/{id}/audit")).isTrue();
        assertThat(body(docs).get("paths").has("/api/units/{id}/audit")).isTrue();
        assertThat(body(docs).get("paths").has("/api/plans/{id}/duties/{dutyId}/task")).isTrue();
        // the caller comes from the token, never from a parameter
        assertThat(docs.body()).doesNotContain("X-Unit-Scope").doesNotContain("CurrentUser");
    }
    /** A plan as Tiên Minh writes it: date line without a day, several legal bases, lettered duties, a group-led task. */
    static String richPlan() {
        return """
                {"issuingUnitId":"vinh-long.phu-khuong","number":null,"title":"Kế hoạch tuyên truyền CCHC năm 2026","year":2026,
                 "place":"Phú Khương","issuingBody":"Ủy ban nhân dân phường Phú Khương",
                 "issuedDate":{"year":2026,"month":3,"day":null,"text":"ngày    tháng 3 năm 2026"},
                 "legalBases":[
                   {"kind":"DECISION","number":"08/QĐ-UBND","date":"2026-01-07","issuer":"Ủy ban nhân dân phường","title":"Kế hoạch CCHC năm 2026"},
                   {"kind":"PLAN","number":"125/KH-UBND","date":"2025-12-29","issuer":"Ủy ban nhân dân tỉnh Vĩnh Long"},
                   {"kind":"RESOLUTION","number":"76/NQ-CP","date":"2021-07-15","issuer":"Chính phủ"}],
                 "channels":["RADIO","LOUDSPEAKER","MEETING"],
                 "signatory":{"position":"PHÓ CHỦ TỊCH","name":"Phạm Thị Xuân","mandates":["TM. ỦY BAN NHÂN DÂN","KT. CHỦ TỊCH"]},
                 "targets":[{"description":"Ít nhất 02 tin/bài mỗi tháng","channels":["RADIO"],"minimum":2,"period":"MONTH","scope":"SUBTREE",
                   "responsible":{"unitId":null,"name":"Đài Truyền thanh phường"},"subject":"CCHC"}],
                 "tasks":[{"number":"1","title":"Triển khai kế hoạch đến các đơn vị","lead":{"unitId":null,"name":"Các cơ quan, đơn vị có liên quan"},
                   "coordinators":[{"unitId":"vinh-long.phu-khuong.vhxh","name":"Phòng Văn hóa - Xã hội"}],
                   "timeFrame":{"type":"RANGE","fromMonth":3,"toMonth":6}}],
                 "responsibilities":[
                   {"unit":{"unitId":"vinh-long.phu-khuong.vhxh","name":"Phòng Văn hóa - Xã hội phường"},"duties":[
                     {"label":"a","text":"Tham mưu Ủy ban nhân dân phường triển khai thực hiện kế hoạch."},
                     {"label":"c","text":"Tăng cường viết tin, bài về CCHC và phát sóng định kỳ hàng tháng."}]},
                   {"unit":{"unitId":null,"name":"Ủy ban Mặt trận Tổ quốc Việt Nam phường"},"requested":true,"duties":[
                     {"text":"Vận động Nhân dân tham gia giám sát việc thực hiện cải cách hành chính."}]}],
                 "milestones":[{"title":"Cuộc thi phát thanh viên","kind":"CONTEST","date":{"year":2026,"month":11},"scale":"01 cuộc"}],
                 "reportingDuties":[{"periodic":true,"onRequest":true,"reporter":{"unitId":"vinh-long.phu-khuong.vhxh","name":null},
                   "chain":[{"unitId":null,"name":"Sở Nội vụ tỉnh Vĩnh Long"}]},
                   {"recipient":"Ủy ban nhân dân phường","deadline":"2026-01-20"}]}""";
    }

    @Test
    void aPlanWithAPartialDateSeveralLegalBasesAndAGroupLedTaskRoundTripsAndIsPublished() {
        Http.Response created = postJson("/api/plans", richPlan());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asString();
        JsonNode plan = body(get("/api/plans/" + id)).get("plan");
        assertThat(plan.get("issuedOn").isNull()).isTrue();
        assertThat(plan.get("issuedDate").get("month").asInt()).isEqualTo(3);
        assertThat(plan.get("issuedDate").get("day").isNull()).isTrue();
        assertThat(plan.get("legalBases").findValuesAsString("number")).containsExactly("08/QĐ-UBND", "125/KH-UBND", "76/NQ-CP");
        assertThat(plan.get("parentPlan").get("number").asString()).isEqualTo("125/KH-UBND"); // the first PLAN basis
        JsonNode task = plan.get("tasks").get(0);
        assertThat(task.get("leadUnitId").isNull()).isTrue();
        assertThat(task.get("lead").get("name").asString()).isEqualTo("Các cơ quan, đơn vị có liên quan");
        assertThat(task.get("coordinatingUnitIds").get(0).asString()).isEqualTo(PK + ".vhxh");
        assertThat(task.get("timeFrame").get("text").asString()).isEqualTo("Từ tháng 3 đến tháng 6/2026");
        assertThat(plan.get("responsibilities").get(0).get("id").asString()).startsWith("rs-");
        assertThat(plan.get("responsibilities").get(0).get("duties").findValuesAsString("id")).allMatch(d -> d.startsWith("du-"));
        assertThat(plan.get("milestones").get(0).get("id").asString()).startsWith("ms-");
        assertThat(plan.get("signatory").get("authority").asString()).isEqualTo("KT. CHỦ TỊCH");

        // sending the stored content back changes nothing: ids and normalised parts are kept
        Http.Response same = putJson("/api/plans/" + id, plan.toString(), "If-Match", created.header("ETag"));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(body(same).get("plan")).isEqualTo(plan);

        Http.Response issued = post("/api/plans/" + id + "/issue", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        ConsumerRecord<String, byte[]> event = eventsOf(id, 1).get(0);
        assertThat(ContractSchemas.validate(PlanEvents.ISSUED, TopicReader.value(event))).isEmpty();
        JsonNode data = json.readTree(TopicReader.value(event));
        assertThat(data.get("effectiveFrom").asString()).isEqualTo("2026-03-01");
        assertThat(data.get("issuedOn").isNull()).isTrue();
        assertThat(data.get("issuedDate").get("day").isNull()).isTrue();
        assertThat(data.get("legalBases").size()).isEqualTo(3);
        assertThat(data.get("tasks").get(0).get("leadUnitId").isNull()).isTrue();
        assertThat(data.get("tasks").get(0).get("lead").get("name").asString()).isEqualTo("Các cơ quan, đơn vị có liên quan");
        assertThat(data.get("tasks").get(0).get("timeFrame").get("fromMonth").asInt()).isEqualTo(3);
        assertThat(data.get("targets").get(0).get("subject").asString()).isEqualTo("CCHC");
        assertThat(data.get("reportingDuties").get(0).get("period").isNull()).isTrue();
        assertThat(data.get("reportingDuties").get(0).get("recipient").asString()).isEqualTo("Sở Nội vụ tỉnh Vĩnh Long");
        assertThat(data.get("reportingDuties").get(1).get("deadline").asString()).isEqualTo("2026-01-20");
        assertThat(data.get("responsibilities").get(1).get("requested").asBoolean()).isTrue();
        assertThat(data.get("milestones").get(0).get("date").get("month").asInt()).isEqualTo(11);
        assertThat(data.get("channels").toString()).isEqualTo("[\"RADIO\",\"LOUDSPEAKER\",\"MEETING\"]");
        assertThat(data.get("signatory").get("mandates").size()).isEqualTo(2);
    }

    @Test
    void rejectsTheNewPartsNamingFieldAndRule() {
        Http.Response bad = postJson("/api/plans", richPlan()
                .replace("\"day\":null", "\"day\":31").replace("\"month\":3,", "\"month\":2,")
                .replace("\"fromMonth\":3,\"toMonth\":6", "\"fromMonth\":6,\"toMonth\":3")
                .replace("{\"unitId\":null,\"name\":\"Các cơ quan, đơn vị có liên quan\"}", "{\"unitId\":null,\"name\":null}")
                .replace("\"recipient\":\"Ủy ban nhân dân phường\",\"deadline\":\"2026-01-20\"", "\"text\":\"?\"")
                .replace("\"requested\":true,\"duties\":[", "\"requested\":true,\"duties\":[{\"text\":\"x\",\"taskId\":\"tk-khong-co\"},"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        List<String> errors = new java.util.ArrayList<>();
        body(bad).get("errors").forEach(e -> errors.add(e.get("field").asString() + " " + e.get("rule").asString()));
        assertThat(errors).containsExactlyInAnyOrder("issuedDate date", "tasks[0].timeFrame.toMonth range", "tasks[0].lead required",
                "reportingDuties[1] required", "responsibilities[1].duties[0].taskId unknown-task");
        Http.Response lateStart = postJson("/api/plans", richPlan().replace("\"place\"", "\"effectiveFrom\":\"2025-12-01\",\"place\""));
        assertThat(body(lateStart).get("errors").get(0).get("rule").asString()).isEqualTo("plan-year");
        assertThat(plans.count()).isZero();
    }

    String dutyId(JsonNode plan, int responsibility, int duty) {
        return plan.get("responsibilities").get(responsibility).get("duties").get(duty).get("id").asString();
    }

    @Test
    void aDutyOfADraftBecomesATaskByAnEdit() {
        Http.Response created = postJson("/api/plans", richPlan());
        String id = body(created).get("id").asString();
        String duty = dutyId(body(created).get("plan"), 0, 1);

        Http.Response tracked = post("/api/plans/" + id + "/duties/" + duty + "/task", created.header("ETag"));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
        assertThat(tracked.header("ETag")).isNotEqualTo(created.header("ETag"));
        JsonNode plan = body(tracked).get("plan");
        assertThat(body(tracked).get("status").asString()).isEqualTo("DRAFT");
        assertThat(body(tracked).get("revision").asLong()).isZero();
        JsonNode task = plan.get("tasks").get(1);
        assertThat(task.get("number").asString()).isEqualTo("2");
        assertThat(task.get("title").asString()).isEqualTo("Tăng cường viết tin, bài về CCHC và phát sóng định kỳ hàng tháng.");
        assertThat(task.get("leadUnitId").asString()).isEqualTo(PK + ".vhxh");
        assertThat(task.get("timeFrame").get("type").asString()).isEqualTo("RECURRING");
        assertThat(plan.get("responsibilities").get(0).get("duties").get(1).get("taskId").asString()).isEqualTo(task.get("id").asString());

        assertThat(post("/api/plans/" + id + "/duties/" + duty + "/task", null).status()).isEqualTo(409);
        assertThat(post("/api/plans/" + id + "/duties/du-khong-co/task", null).status()).isEqualTo(404);
        assertThat(post("/api/plans/" + id + "/duties/" + dutyId(plan, 0, 0) + "/task", created.header("ETag")).status()).isEqualTo(412);
        JsonNode audit = body(get("/api/plans/" + id + "/audit"));
        assertThat(audit.get(1).get("action").asString()).isEqualTo("UPDATED");
        List<String> changed = new java.util.ArrayList<>();
        audit.get(1).get("changed").forEach(c -> changed.add(c.asString()));
        assertThat(changed).containsExactly("tasks", "responsibilities");
        // a requested body's duty is led by the body as written
        Http.Response front = post("/api/plans/" + id + "/duties/" + dutyId(plan, 1, 0) + "/task", null);
        assertThat(front.status()).as(front.body()).isEqualTo(200);
        assertThat(body(front).get("plan").get("tasks").get(2).get("lead").get("name").asString())
                .isEqualTo("Ủy ban Mặt trận Tổ quốc Việt Nam phường");
        assertThat(body(front).get("plan").get("tasks").get(2).get("leadUnitId").isNull()).isTrue();
        assertThat(planTopic.poll().stream().filter(r -> id.equals(r.key()))).isEmpty(); // drafts are private
    }

    @Test
    void aDutyOfAnIssuedPlanBecomesATaskByAnAmendment() {
        String id = body(postJson("/api/plans", richPlan())).get("id").asString();
        Http.Response issued = post("/api/plans/" + id + "/issue", null);
        String duty = dutyId(body(issued).get("plan"), 0, 0);
        String other = TestTokens.coordinator("hai-phong.tien-minh");
        Plan before = plans.findById(id).orElseThrow();

        Http.Response refused = post("/api/plans/" + id + "/duties/" + duty + "/task", null, as(other));
        assertThat(refused.status()).as("another commune's plan is not revealed").isEqualTo(404);
        Plan unchanged = plans.findById(id).orElseThrow();
        assertThat(unchanged.getVersion()).isEqualTo(before.getVersion());
        assertThat(unchanged.getContent()).isEqualTo(before.getContent());
        assertThat(unchanged.getAudit()).hasSize(before.getAudit().size());

        Http.Response tracked = post("/api/plans/" + id + "/duties/" + duty + "/task", issued.header("ETag"),
                as(TestTokens.coordinator(PK)));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
        assertThat(body(tracked).get("status").asString()).isEqualTo("AMENDED");
        assertThat(body(tracked).get("revision").asLong()).isEqualTo(2);
        assertThat(post("/api/plans/" + id + "/duties/" + duty + "/task", null).status()).isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> events = eventsOf(id, 2);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type")).containsExactly(PlanEvents.ISSUED, PlanEvents.AMENDED);
        assertThat(ContractSchemas.validate(PlanEvents.AMENDED, TopicReader.value(events.get(1)))).isEmpty();
        JsonNode data = json.readTree(TopicReader.value(events.get(1)));
        assertThat(data.get("revision").asLong()).isEqualTo(2);
        assertThat(data.get("amendmentNote").asString()).isEqualTo("Theo dõi nhiệm vụ: a) Tham mưu Ủy ban nhân dân phường triển khai thực hiện kế hoạch.");
        JsonNode task = data.get("tasks").get(1);
        assertThat(task.get("leadUnitId").asString()).isEqualTo(PK + ".vhxh");
        assertThat(task.get("timeFrame").get("type").asString()).isEqualTo("ONGOING");
        assertThat(data.get("responsibilities").get(0).get("duties").get(0).get("taskId").asString()).isEqualTo(task.get("id").asString());
        JsonNode audit = body(get("/api/plans/" + id + "/audit"));
        assertThat(audit.get(audit.size() - 1).get("action").asString()).isEqualTo("AMENDED");
        assertThat(audit.get(audit.size() - 1).get("by").asString()).isEqualTo("coordinator-" + PK);

        assertThat(post("/api/plans/" + id + "/close", null).status()).isEqualTo(200);
        assertThat(post("/api/plans/" + id + "/duties/" + dutyId(body(tracked).get("plan"), 1, 0) + "/task", null).status()).isEqualTo(409);
    }
}
