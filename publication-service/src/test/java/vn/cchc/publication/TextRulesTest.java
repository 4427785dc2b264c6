package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;

/**
 * What is stored and what leaves the platform (events, and through them outside subscribers) is plain text: entities
 * are decoded before tags are stripped, so an encoded {@code <script>} never comes out live; control characters are
 * refused with 400 naming the field and the rule, by hand and by spreadsheet alike (feeds: FeedIsolationTest).
 */
class TextRulesTest extends ServiceTestBase {
    static String article(String title, String extra) {
        return """
                {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE","title":"%s",
                 "url":"https://pk.vn/tin/%d","publishedAt":"2026-03-02T08:00:00+07:00"%s}"""
                .formatted(title, Math.abs(title.hashCode()), extra);
    }

    @Test
    void encodedMarkupIsDecodedThenRemovedAndWhatLeavesIsPlainText() {
        try (TopicReader topic = new TopicReader(brokers, PublicationEvents.TOPIC)) {
            Http.Response encoded = Api.postJson(url(), article("&lt;script&gt;alert(1)&lt;/script&gt;Tin CCHC",
                    ",\"summary\":\"&amp;lt;img src=x onerror=alert(1)&amp;gt;Tóm tắt &lt;b&gt;đậm&lt;/b&gt;\","
                            + "\"author\":\"&lt;i&gt;Nguyễn Thị Lan&lt;/i&gt;\""));
            Http.Response text = Api.postJson(url(), article("Tỉ lệ hồ sơ trực tuyến <5% & tăng", ""));

            assertThat(encoded.status()).as(encoded.body()).isEqualTo(201);
            String id = json.readTree(encoded.body()).get("id").asString();
            Publication stored = repository.findById(id).orElseThrow();
            assertThat(stored.getTitle()).isEqualTo("Tin CCHC");
            assertThat(stored.getSummary()).isEqualTo("Tóm tắt đậm");
            assertThat(stored.getAuthor()).isEqualTo("Nguyễn Thị Lan");
            // text that only looks like markup stays as written
            assertThat(json.readTree(text.body()).get("title").asString()).isEqualTo("Tỉ lệ hồ sơ trực tuyến <5% & tăng");

            ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream()
                    .filter(r -> id.equals(r.key())).findFirst(), java.util.Optional::isPresent).get();
            String data = new String(event.value(), StandardCharsets.UTF_8);
            assertThat(data).doesNotContain("<").doesNotContain("&lt;").doesNotContain("\\u003c")
                    .contains("\"title\":\"Tin CCHC\"");
        }
    }

    @Test
    void controlCharactersAreRefusedNamingTheFieldAndTheRule() {
        Http.Response refused = Api.postJson(url(), article("Tin\\u0007 CCHC",
                ",\"summary\":\"Dòng 1\\nDòng 2\\u0000\",\"author\":\"Nguyễn&#27;Lan\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fieldRules(refused)).containsExactly("author/no-control-characters", "summary/no-control-characters",
                "title/no-control-characters");
        assertThat(repository.count()).isZero();

        // tabs and line breaks are fine in a summary (collapsed to spaces when stored), not in a title
        Http.Response lines = Api.postJson(url(), article("Tin CCHC", ",\"summary\":\"Dòng 1\\r\\n\\tDòng 2\""));
        assertThat(lines.status()).isEqualTo(201);
        assertThat(json.readTree(lines.body()).get("summary").asString()).isEqualTo("Dòng 1 Dòng 2");
        assertThat(fieldRules(Api.postJson(url(), article("Tin\\tCCHC", "")))).containsExactly("title/no-control-characters");

        // a retraction reason too, and nothing changes
        String id = json.readTree(lines.body()).get("id").asString();
        Http.Response reason = Api.postJson(url() + "/" + id + "/retraction", "{\"reason\":\"Trùng tin\\u001b[31m\"}");
        assertThat(fieldRules(reason)).containsExactly("reason/no-control-characters");
        assertThat(repository.findById(id).orElseThrow().getStatus()).isEqualTo(Publication.Status.ACTIVE);
    }

    @Test
    void spreadsheetRowsFollowTheSameRules() {
        String csv = "Đơn vị,Kênh,Loại,Tiêu đề,Đường dẫn,Thời gian đăng\n"
                + "vinh-long.phu-khuong,WEBSITE,ARTICLE,&lt;script&gt;x&lt;/script&gt;Tin một,https://pk.vn/a/1,02/03/2026 08:00\n"
                + "vinh-long.phu-khuong,WEBSITE,ARTICLE,Tin\u0001 hai,https://pk.vn/a/2,02/03/2026 08:00\n";

        Http.Response response = Api.upload(url() + "/import?unitId=vinh-long.phu-khuong", "ds.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        JsonNode results = json.readTree(response.body()).get("results");
        assertThat(results.get(0).get("status").asString()).isEqualTo("IMPORTED");
        assertThat(results.get(0).get("title").asString()).isEqualTo("Tin một");
        assertThat(results.get(1).get("status").asString()).isEqualTo("REJECTED");
        assertThat(results.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(results.get(1).get("errors").get(0).get("rule").asString()).isEqualTo("no-control-characters");
        assertThat(repository.count()).isEqualTo(1);
    }

    List<String> fieldRules(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return json.readTree(response.body()).get("errors").valueStream()
                .map(e -> e.get("field").asString() + "/" + e.get("rule").asString()).toList();
    }
}
