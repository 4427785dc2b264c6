package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;

/** The list: unit subtree, channel, kind, theme, period (Vietnam days), plan, task, status, and pages. */
class PublicationListTest extends ServiceTestBase {

    void record(String unitId, String channel, String kind, String url, String publishedAt, String extra) {
        String body = """
                {"unitId":"%s","channel":"%s","kind":"%s","title":"Tin CCHC","url":%s,"publishedAt":"%s",
                 "durationSeconds":%s %s}""".formatted(unitId, channel, kind, url == null ? "null" : "\"" + url + "\"",
                publishedAt, "BROADCAST".equals(kind) ? "600" : "null", extra);
        assertThat(Api.postJson(url(), body).status()).isEqualTo(201);
    }

    @BeforeEach
    void items() {
        record("vinh-long.phu-khuong", "WEBSITE", "ARTICLE", "https://pk.vn/1", "2026-01-31T20:00:00+07:00",
                ",\"themes\":[\"PAR_INDEX\"],\"planId\":\"plan-pk\"");
        record("vinh-long.phu-khuong", "WEBSITE", "ARTICLE", "https://pk.vn/2", "2026-02-01T01:30:00+07:00",
                ",\"themes\":[\"SIPAS\"],\"planId\":\"plan-pk\",\"taskId\":\"task-1\"");
        record("vinh-long.phu-khuong.vhxh", "RADIO", "BROADCAST", null, "2026-02-10T20:15:00+07:00", "");
        record("lam-dong.bac-binh", "RADIO", "BROADCAST", null, "2026-02-11T20:15:00+07:00", "");
    }

    JsonNode list(String query) {
        Http.Response response = Api.get(url() + "?" + query);
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void filtersByUnitSubtreeChannelKindThemePlanAndTask() {
        assertThat(list("unit=vinh-long").get("total").asLong()).isEqualTo(3);
        assertThat(list("unit=vinh-long.phu-khuong.vhxh").get("total").asLong()).isEqualTo(1);
        assertThat(list("unit=vinh-long.phu").get("total").asLong()).isZero(); // whole segments only
        assertThat(list("channel=RADIO").get("total").asLong()).isEqualTo(2);
        assertThat(list("kind=ARTICLE&unit=lam-dong").get("total").asLong()).isZero();
        assertThat(list("theme=SIPAS").get("items").get(0).get("url").asString()).isEqualTo("https://pk.vn/2");
        assertThat(list("planId=plan-pk").get("total").asLong()).isEqualTo(2);
        assertThat(list("taskId=task-1").get("total").asLong()).isEqualTo(1);
        assertThat(list("status=RETRACTED").get("total").asLong()).isZero();
    }

    @Test
    void periodsAreWholeDaysInVietnamTime() {
        // 20:00 on 31 January in Vietnam is January, whatever the server's zone; 01:30 on 1 February is February
        JsonNode january = list("from=2026-01-01&to=2026-01-31");
        assertThat(january.get("total").asLong()).isEqualTo(1);
        assertThat(january.get("items").get(0).get("url").asString()).isEqualTo("https://pk.vn/1");
        assertThat(list("from=2026-02-01&to=2026-02-10").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void pagesAreOrderedNewestFirstAndBounded() {
        JsonNode first = list("page=0&size=3");
        JsonNode second = list("page=1&size=3");
        assertThat(first.get("total").asLong()).isEqualTo(4);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("items").get(0).get("unitId").asString()).isEqualTo("lam-dong.bac-binh");
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("url").asString()).isEqualTo("https://pk.vn/1");

        Http.Response tooBig = Api.get(url() + "?size=201");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(json.readTree(tooBig.body()).get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(Api.get(url() + "?unit=Not%20A%20Unit").status()).isEqualTo(400);
        assertThat(Api.get(url() + "?from=2026-03-01&to=2026-02-01").status()).isEqualTo(400);
    }
}
