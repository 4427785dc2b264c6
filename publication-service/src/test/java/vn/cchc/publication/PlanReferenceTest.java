package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.security.test.TestTokens;

/**
 * A publication's planId is checked against plan-service (a stand-in over real HTTP) with the caller's own token:
 * only a plan the caller may read, issued on the publication unit's line, is accepted; anything else is one 400
 * whether the plan exists or not, and a failing plan-service is a 503. Nothing is stored in either case.
 */
class PlanReferenceTest extends ServiceTestBase {
    static final String PK_EDITOR = TestTokens.token("editor.phu-khuong", List.of("EDITOR"), List.of("vinh-long.phu-khuong"));

    static String item(String unitId, String url, String planField) {
        return """
                {"unitId":"%s","channel":"WEBSITE","kind":"ARTICLE","title":"Tin CCHC","url":"%s",
                 "publishedAt":"2026-03-02T08:00:00+07:00"%s}""".formatted(unitId, url, planField);
    }

    static String plan(String planId) {
        return ",\"planId\":\"" + planId + "\"";
    }

    JsonNode errors(Http.Response response) {
        return json.readTree(response.body()).get("errors");
    }

    @Test
    void anOwnUnitPlanIsAcceptedWithTheCallersTokenRelayed() {
        PlanServiceStandIn.plan("kh-pk-2026", "vinh-long.phu-khuong");

        Http.Response response = Api.as(PK_EDITOR).postJson(url(), item("vinh-long.phu-khuong", "https://pk.vn/tin/1",
                plan("kh-pk-2026")));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(json.readTree(response.body()).get("planId").asString()).isEqualTo("kh-pk-2026");
        assertThat(PlanServiceStandIn.calls())
                .containsExactly(new PlanServiceStandIn.Call("kh-pk-2026", TestTokens.bearer(PK_EDITOR)));
    }

    @Test
    void aUnitAboveOrBeneathThePlansIssuingUnitIsOnItsLine() {
        PlanServiceStandIn.plan("kh-pk-2026", "vinh-long.phu-khuong");

        assertThat(Api.postJson(url(), item("vinh-long.phu-khuong.vhxh", "https://pk.vn/vhxh/1", plan("kh-pk-2026"))
                .replace("WEBSITE", "RADIO").replace("ARTICLE", "BROADCAST").replace("\"title\"", "\"durationSeconds\":600,\"title\""))
                .status()).isEqualTo(201);
        assertThat(Api.postJson(url(), item("vinh-long", "https://vinhlong.gov.vn/tin/1", plan("kh-pk-2026"))
                .replace("WEBSITE", "PROVINCIAL_PORTAL")).status()).isEqualTo(201);
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void anotherCommunesPlanAndAnUnknownPlanGetTheSameAnswerAndNothingIsStored() {
        // readable by the province admin, but issued by Bắc Bình: not on Phú Khương's line
        PlanServiceStandIn.plan("kh-bb-2026", "lam-dong.bac-binh");

        Http.Response foreign = Api.postJson(url(), item("vinh-long.phu-khuong", "https://pk.vn/tin/2", plan("kh-bb-2026")));
        Http.Response unknown = Api.postJson(url(), item("vinh-long.phu-khuong", "https://pk.vn/tin/2", plan("kh-khong-co")));

        assertThat(foreign.status()).as(foreign.body()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(errors(foreign)).hasSize(1);
        assertThat(errors(foreign).get(0).get("field").asString()).isEqualTo("planId");
        assertThat(errors(foreign).get(0).get("rule").asString()).isEqualTo("unknown-plan");
        assertThat(errors(unknown)).isEqualTo(errors(foreign));
        assertThat(repository.count()).isZero();
    }

    @Test
    void aFailingPlanServiceIs503AndNothingIsStored() {
        PlanServiceStandIn.failing("kh-loi");

        Http.Response response = Api.postJson(url(), item("vinh-long.phu-khuong", "https://pk.vn/tin/3", plan("kh-loi")));

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(repository.count()).isZero();
    }

    @Test
    void aPlanServiceThatDoesNotAnswerIs503AfterTheReadTimeout() {
        PlanServiceStandIn.hanging("kh-treo");
        long started = System.nanoTime();
        try {
            Http.Response response = Api.postJson(url(), item("vinh-long.phu-khuong", "https://pk.vn/tin/6", plan("kh-treo")));

            assertThat(response.status()).as(response.body()).isEqualTo(503);
        } finally {
            PlanServiceStandIn.release();
        }
        // the 5 s read timeout ended it, well before the stand-in's own 60 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(40));
        assertThat(repository.count()).isZero();
    }

    @Test
    void withoutAPlanIdPlanServiceIsNotAsked() {
        Http.Response response = Api.as(PK_EDITOR).postJson(url(), item("vinh-long.phu-khuong", "https://pk.vn/tin/4", ""));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(PlanServiceStandIn.calls()).isEmpty();
    }

    @Test
    void aCorrectionCannotAttachAnotherCommunesPlan() {
        PlanServiceStandIn.plan("kh-bb-2026", "lam-dong.bac-binh");
        Http.Response created = Api.postJson(url(), item("vinh-long.phu-khuong", "https://pk.vn/tin/5", plan("plan-pk")));
        String id = json.readTree(created.body()).get("id").asString();
        long revision = repository.findById(id).orElseThrow().getRevision();

        Http.Response corrected = Api.putJson(url() + "/" + id,
                item("vinh-long.phu-khuong", "https://pk.vn/tin/5", plan("kh-bb-2026")));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(400);
        assertThat(errors(corrected).get(0).get("rule").asString()).isEqualTo("unknown-plan");
        assertThat(repository.findById(id).orElseThrow().getPlanId()).isEqualTo("plan-pk");
        assertThat(repository.findById(id).orElseThrow().getRevision()).isEqualTo(revision);
    }

    @Test
    void anImportedRowNamingAnotherCommunesPlanIsRejectedAndPlanServiceIsAskedOncePerPlan() {
        PlanServiceStandIn.plan("kh-bb-2026", "lam-dong.bac-binh");
        String csv = "Đơn vị,Kênh,Loại,Tiêu đề,Đường dẫn,Thời gian đăng,Mã kế hoạch\n"
                + "vinh-long.phu-khuong,WEBSITE,ARTICLE,Tin 1,https://pk.vn/nhap/1,02/03/2026 08:00,plan-pk\n"
                + "vinh-long.phu-khuong,WEBSITE,ARTICLE,Tin 2,https://pk.vn/nhap/2,02/03/2026 09:00,plan-pk\n"
                + "vinh-long.phu-khuong,WEBSITE,ARTICLE,Tin 3,https://pk.vn/nhap/3,02/03/2026 10:00,kh-bb-2026\n";

        Http.Response response = Api.upload(url() + "/import?unitId=vinh-long.phu-khuong", "ds.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode results = json.readTree(response.body()).get("results");
        assertThat(results.valueStream().map(r -> r.get("status").asString()).toList())
                .containsExactly("IMPORTED", "IMPORTED", "REJECTED");
        assertThat(results.get(2).get("errors").get(0).get("field").asString()).isEqualTo("planId");
        assertThat(results.get(2).get("errors").get(0).get("rule").asString()).isEqualTo("unknown-plan");
        assertThat(repository.count()).isEqualTo(2);
        assertThat(PlanServiceStandIn.calls()).extracting(PlanServiceStandIn.Call::planId)
                .containsExactlyInAnyOrder("plan-pk", "kh-bb-2026");
    }
}
