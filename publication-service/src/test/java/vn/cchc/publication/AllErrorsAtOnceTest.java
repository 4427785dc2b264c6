package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;

/**
 * A form learns every mistake in one answer: values that cannot be read, annotations and the domain rules (link, not in
 * the future, unit directory, channel operated, broadcast duration) come in ONE 400, errors sorted by field.
 */
class AllErrorsAtOnceTest extends ServiceTestBase {

    List<String> fieldRules(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://cchc.vn/problems/validation");
        return problem.get("errors").valueStream().map(e -> e.get("field").asString() + "/" + e.get("rule").asString()
                + (e.get("message").asString().isBlank() ? "/no-message" : "")).toList();
    }

    @Test
    void recordingReportsEveryBrokenRuleTogetherSortedByField() {
        Http.Response response = Api.postJson(url(), """
                {"unitId":"vinh-long.khong-co","channel":"WEBSITE","kind":"BROADCAST","title":"<b></b>",
                 "url":"ftp://phukhuong.vinhlong.gov.vn/x","publishedAt":"2099-01-01T00:00:00+07:00",
                 "themes":["PAR_INDEX","CHU_DE_LA"],"engagement":{"views":-1}}""");

        assertThat(fieldRules(response)).containsExactly("durationSeconds/required", "engagement.views/positive-or-zero",
                "publishedAt/not-in-future", "themes[1]/format", "title/not-blank", "unitId/unknown-unit", "url/http-url");
        assertThat(repository.count()).isZero();
    }

    @Test
    void unreadableValuesComeWithTheDomainRulesOfTheRest() {
        Http.Response response = Api.postJson(url(), """
                {"unitId":"lam-dong.bac-binh","channel":"FACEBOOK","kind":"VIDEO","title":"Video CCHC",
                 "publishedAt":"hôm qua","durationSeconds":"mười phút","summary":"%s","confirmDuplicate":"có"}"""
                .formatted("x".repeat(2001)));

        assertThat(fieldRules(response)).containsExactly("channel/channel-not-operated", "confirmDuplicate/type",
                "durationSeconds/format", "publishedAt/format", "summary/size", "url/required");
        assertThat(repository.count()).isZero();
    }

    @Test
    void anUnknownEnumValueNamesTheAcceptedValues() {
        Http.Response response = Api.postJson(url(), PublicationApiTest.ARTICLE.replace("\"WEBSITE\"", "\"TELEGRAPH\"")
                .replace("\"ARTICLE\"", "\"NOVEL\""));

        assertThat(fieldRules(response)).containsExactly("channel/format", "kind/format");
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.get(0).get("message").asString()).contains("WEBSITE", "RADIO", "LOUDSPEAKER");
    }

    @Test
    void aCorrectionReportsEveryErrorAndChangesNothing() {
        String id = json.readTree(Api.postJson(url(), PublicationApiTest.ARTICLE).body()).get("id").asString();

        Http.Response response = Api.putJson(url() + "/" + id, """
                {"unitId":"vinh-long.phu-khuong","channel":"RADIO","kind":"BROADCAST","title":"",
                 "url":"javascript:alert(1)","publishedAt":"2099-01-01T00:00:00+07:00","planId":"kế hoạch 1"}""",
                "If-Match", "\"1\"");

        assertThat(fieldRules(response)).containsExactly("durationSeconds/required", "planId/pattern",
                "publishedAt/not-in-future", "title/not-blank", "url/http-url");
        Publication unchanged = repository.findById(id).orElseThrow();
        assertThat(unchanged.getRevision()).isEqualTo(1);
        assertThat(unchanged.getChannel()).isEqualTo(Channel.WEBSITE);
    }

    @Test
    void engagementAndRetractionReportEveryError() {
        String id = json.readTree(Api.postJson(url(), PublicationApiTest.ARTICLE).body()).get("id").asString();

        assertThat(fieldRules(Api.putJson(url() + "/" + id + "/engagement", "{\"views\":\"nhiều\",\"interactions\":-5}")))
                .containsExactly("interactions/positive-or-zero", "views/format");
        assertThat(fieldRules(Api.postJson(url() + "/" + id + "/retraction", "{\"reason\":\"   \"}")))
                .containsExactly("reason/not-blank");
        assertThat(fieldRules(Api.postJson(url() + "/" + id + "/retraction", "{}"))).containsExactly("reason/not-blank");
        assertThat(fieldRules(Api.postJson(url() + "/" + id + "/retraction", "{\"reason\":\"<p> </p>\"}")))
                .containsExactly("reason/not-blank");
        assertThat(fieldRules(Api.postJson(url() + "/" + id + "/retraction", "{\"reason\":\"%s\"}".formatted("x".repeat(1001)))))
                .containsExactly("reason/size");
        assertThat(repository.findById(id).orElseThrow().getRevision()).isEqualTo(1);
    }

    @Test
    void aFeedSubscriptionReportsEveryError() {
        Http.Response response = Api.postJson(url() + "/feeds",
                "{\"unitId\":\"lam-dong.bac-binh\",\"url\":\"file:///etc/passwd\",\"channel\":\"FACEBOOK\"}");

        assertThat(fieldRules(response)).containsExactly("channel/channel-not-operated", "channel/feed-channel", "url/http-url");
        assertThat(fieldRules(Api.postJson(url() + "/feeds", "{\"channel\":\"RSS\"}")))
                .containsExactly("channel/format", "unitId/not-blank", "url/not-blank");
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneError() {
        assertThat(fieldRules(Api.postJson(url(), "[1,2]"))).containsExactly("/type");
        assertThat(fieldRules(Api.postJson(url(), "{\"unitId\":"))).hasSize(1);
    }

    @Test
    void theApiDescriptionStillShowsTheRequestBodies() {
        // the bodies are read field by field (as JSON trees), so their schemas are declared on the endpoints
        JsonNode api = json.readTree(Http.get("http://127.0.0.1:" + port + "/v3/api-docs").body());
        JsonNode post = api.get("paths").get("/api/publications").get("post");
        assertThat(post.get("requestBody").toString()).contains("RecordPublicationRequest");
        assertThat(api.get("components").get("schemas").get("RecordPublicationRequest").get("properties").has("publishedAt")).isTrue();
        assertThat(api.get("paths").get("/api/publications/{id}/retraction").get("post").get("requestBody").toString())
                .contains("RetractionRequest");
    }
}
