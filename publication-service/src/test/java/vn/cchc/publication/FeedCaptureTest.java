package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.publication.feeds.FeedSubscriptionRepository;
import vn.cchc.security.test.TestTokens;

/** A unit's website feed, served by a JDK HttpServer in the test, captured on the schedule (1 s in tests). */
class FeedCaptureTest extends ServiceTestBase {
    HttpServer site;
    final List<String> rssItems = new CopyOnWriteArrayList<>();
    @Autowired
    FeedSubscriptionRepository subscriptions;
    @Autowired
    org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler scheduler;
    @Autowired
    vn.cchc.publication.feeds.FeedCapture capture;

    static String item(String title, String link, String pubDate) {
        return "<item><title>" + title + "</title><link>" + link + "</link><description><![CDATA[<p>Nội dung <b>"
                + title + "</b></p>]]></description><pubDate>" + pubDate + "</pubDate></item>";
    }

    @BeforeEach
    void serveFeeds() throws IOException {
        subscriptions.deleteAll();
        rssItems.add(item("Phường Phú Khương công bố thủ tục hành chính mới", "https://phukhuong.vinhlong.gov.vn/tin/101",
                "Mon, 02 Mar 2026 01:00:00 GMT"));
        rssItems.add(item("Hội nghị đối thoại về CCHC", "https://phukhuong.vinhlong.gov.vn/tin/102",
                "Tue, 03 Mar 2026 02:00:00 GMT"));
        rssItems.add(item("Tin đăng hẹn giờ", "https://phukhuong.vinhlong.gov.vn/tin/999", "Fri, 01 Jan 2100 00:00:00 GMT"));
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/rss", exchange -> respond(exchange, "application/rss+xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Phường Phú Khương</title>"
                        + "<link>https://phukhuong.vinhlong.gov.vn</link><description>Tin tức</description>"
                        + String.join("", rssItems) + "</channel></rss>"));
        site.createContext("/atom", exchange -> respond(exchange, "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Phú Khương</title><id>urn:pk</id><updated>2026-03-04T00:00:00Z</updated>
                <entry><title>Hội nghị đối thoại về CCHC</title><id>urn:pk:102</id>
                  <link href="https://phukhuong.vinhlong.gov.vn/tin/102"/><updated>2026-03-03T02:00:00Z</updated></entry>
                <entry><title>Chuyển đổi số ở khu phố</title><id>urn:pk:103</id>
                  <link href="https://phukhuong.vinhlong.gov.vn/tin/103"/><published>2026-03-04T03:00:00Z</published>
                  <updated>2026-03-04T03:00:00Z</updated><summary>Người dân dùng VNeID</summary></entry>
                </feed>"""));
        site.start();
    }

    static void respond(com.sun.net.httpserver.HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() throws Exception {
        subscriptions.deleteAll(); // no later scheduled poll finds a subscription …
        afterRunningPoll();
        site.stop(0);
    }

    String feedUrl(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    Http.Response subscribe(String unitId, String path) {
        return subscribe(Api.ADMIN, unitId, path);
    }

    Http.Response subscribe(String token, String unitId, String path) {
        return Api.as(token).postJson(url() + "/feeds", "{\"unitId\":\"" + unitId + "\",\"url\":\"" + feedUrl(path) + "\"}");
    }

    @Test
    void newEntriesAreRecordedOnTheScheduleAsArticlesOncePerLink() {
        // subscribed by the ward's editor: the system records the entries on the editor's behalf
        Http.Response created = subscribe(TestTokens.editor("vinh-long.phu-khuong"), "vinh-long.phu-khuong", "/rss");
        assertThat(created.status()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("createdBy").asString()).isEqualTo("editor-vinh-long.phu-khuong");
        assertThat(subscribe("vinh-long.phu-khuong", "/rss").status()).isEqualTo(200); // same feed again

        // no manual trigger: the scheduler polls
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.count() == 2);
        Publication first = repository.findAll().stream().filter(p -> p.getUrl().endsWith("/101")).findFirst().orElseThrow();
        assertThat(first.getKind()).isEqualTo(Kind.ARTICLE);
        assertThat(first.getChannel()).isEqualTo(Channel.WEBSITE);
        assertThat(first.getSource()).isEqualTo(Publication.Source.FEED);
        assertThat(first.getSummary()).isEqualTo("Nội dung Phường Phú Khương công bố thủ tục hành chính mới");
        assertThat(first.getPublishedAt()).hasToString("2026-03-02T01:00:00Z");
        assertThat(first.getRecordedBy()).isEqualTo("editor-vinh-long.phu-khuong");

        rssItems.add(item("Kết quả chỉ số SIPAS", "https://phukhuong.vinhlong.gov.vn/tin/104", "Wed, 04 Mar 2026 05:00:00 GMT"));
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.count() == 3);

        // an Atom feed with an entry already captured from RSS: recorded once by link
        String atomId = json.readTree(subscribe("vinh-long.phu-khuong", "/atom").body()).get("id").asString();
        JsonNode poll = json.readTree(Api.postJson(url() + "/feeds/" + atomId + "/poll", "").body());
        assertThat(poll.get("entries").asInt()).isEqualTo(2);
        assertThat(poll.get("duplicates").asInt() + poll.get("recorded").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.count() == 4);
        assertThat(repository.findAll()).extracting(Publication::getUrl).doesNotHaveDuplicates()
                .noneMatch(u -> u.endsWith("/999")); // the entry dated in the future is not recorded
    }

    @Test
    void aSubscriptionNeedsAnActiveUnitOperatingTheWebsiteAndAnHttpLink() {
        Http.Response unknown = subscribe("ha-noi.ba-dinh", "/rss");
        Http.Response noWebsite = subscribe("lam-dong.bac-binh", "/rss");
        Http.Response notHttp = Api.postJson(url() + "/feeds", "{\"unitId\":\"vinh-long.phu-khuong\",\"url\":\"file:///etc/passwd\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).get("errors").get(0).get("rule").asString()).isEqualTo("unknown-unit");
        assertThat(json.readTree(noWebsite.body()).get("errors").get(0).get("rule").asString()).isEqualTo("channel-not-operated");
        assertThat(notHttp.status()).isEqualTo(400);
        assertThat(subscriptions.count()).isZero();
    }

    @Test
    void anUnreachableFeedIsReportedOnTheSubscriptionAndRecordsNothing() {
        String id = json.readTree(subscribe("vinh-long.phu-khuong", "/missing").body()).get("id").asString();

        JsonNode poll = json.readTree(Api.postJson(url() + "/feeds/" + id + "/poll", "").body());

        assertThat(poll.get("error").asString()).contains("404");
        JsonNode subscription = json.readTree(Api.get(url() + "/feeds/" + id).body());
        assertThat(subscription.get("lastError").asString()).contains("404");
        assertThat(repository.count()).isZero();
        assertThat(Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/feeds/" + id)).DELETE())
                .status()).isEqualTo(204);
        assertThat(subscriptions.findById(id).orElseThrow().isActive()).isFalse();
    }

    /**
     * Any poll queued or running now has finished once this returns. The scheduled round only hands polls to the
     * feed executor, one round at a time on Boot's one scheduler thread: a no-op submitted there runs once a round
     * under way has handed over its polls; then the executor is waited for.
     */
    void afterRunningPoll() throws Exception {
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).as("scheduler threads").isEqualTo(1);
        scheduler.submit(() -> { }).get(60, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> capture.running() == 0);
    }

    @Test
    void theListShowsWhatTheLastPollFoundIncludingWhyEntriesWereSkipped() {
        String id = json.readTree(subscribe("vinh-long.phu-khuong", "/rss").body()).get("id").asString();

        JsonNode subscription = await().atMost(Duration.ofSeconds(60)).until(
                () -> json.readTree(Api.get(url() + "/feeds?unit=vinh-long").body()).get(0),
                s -> s.hasNonNull("lastPoll"));

        assertThat(subscription.get("id").asString()).isEqualTo(id);
        assertThat(subscription.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(subscription.get("lastPolledAt").asString()).isEqualTo(subscription.get("lastPoll").get("at").asString());
        JsonNode lastPoll = subscription.get("lastPoll");
        assertThat(lastPoll.get("outcome").asString()).isEqualTo("OK");
        assertThat(lastPoll.get("entries").asInt()).isEqualTo(3);
        assertThat(lastPoll.get("recorded").asInt() + lastPoll.get("duplicates").asInt()).isEqualTo(2);
        assertThat(lastPoll.get("rejected").asInt()).isEqualTo(1);
        assertThat(lastPoll.get("error").isNull()).isTrue();
        JsonNode skipped = lastPoll.get("rejectedEntries").get(0);
        assertThat(skipped.get("link").asString()).endsWith("/tin/999");
        assertThat(skipped.get("title").asString()).isEqualTo("Tin đăng hẹn giờ");
        assertThat(skipped.get("errors").get(0).get("rule").asString()).isEqualTo("not-in-future");
        assertThat(subscription.get("entriesRecorded").asLong()).isEqualTo(2);

        // a feed that cannot be read: FAILED with the error text
        String missing = json.readTree(subscribe("vinh-long.phu-khuong", "/missing").body()).get("id").asString();
        Api.postJson(url() + "/feeds/" + missing + "/poll", "");
        JsonNode failed = json.readTree(Api.get(url() + "/feeds/" + missing).body()).get("lastPoll");
        assertThat(failed.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("404");
    }

    @Test
    void aPausedFeedIsNotPolledUntilResumedAndARemovedOneIsNoLongerListed() throws Exception {
        String id = json.readTree(subscribe("vinh-long.phu-khuong", "/rss").body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.count() == 2);

        Http.Response paused = Api.postJson(url() + "/feeds/" + id + "/pause", "");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(json.readTree(paused.body()).get("status").asString()).isEqualTo("PAUSED");
        afterRunningPoll();
        rssItems.add(item("Tin mới khi tạm dừng", "https://phukhuong.vinhlong.gov.vn/tin/105", "Wed, 04 Mar 2026 05:00:00 GMT"));
        // several scheduled rounds (1 s) pass without recording it
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).until(() -> repository.count() == 2);
        assertThat(json.readTree(Api.get(url() + "/feeds/" + id).body()).get("status").asString()).isEqualTo("PAUSED");

        Http.Response resumed = Api.postJson(url() + "/feeds/" + id + "/resume", "");
        assertThat(json.readTree(resumed.body()).get("status").asString()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(60)).until(() -> repository.count() == 3);

        assertThat(Api.as(Api.ADMIN).delete(url() + "/feeds/" + id).status()).isEqualTo(204);
        assertThat(json.readTree(Api.get(url() + "/feeds?unit=vinh-long").body()).size()).isZero();
        assertThat(Api.get(url() + "/feeds/" + id).status()).isEqualTo(404);
        assertThat(Api.postJson(url() + "/feeds/" + id + "/poll", "").status()).isEqualTo(404);
        assertThat(Api.postJson(url() + "/feeds/" + id + "/resume", "").status()).isEqualTo(404);
        assertThat(repository.count()).isEqualTo(3); // what was recorded stays

        // subscribing to the same feed again brings it back
        Http.Response again = subscribe("vinh-long.phu-khuong", "/rss");
        assertThat(again.status()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("id").asString()).isEqualTo(id);
        assertThat(json.readTree(Api.get(url() + "/feeds?unit=vinh-long").body()).size()).isEqualTo(1);
    }

    @Test
    void onlyAWriterOfTheUnitMayPauseOrResume() {
        String id = json.readTree(subscribe("vinh-long.phu-khuong", "/rss").body()).get("id").asString();

        // another unit's subscription is not revealed (404); a viewer of the unit lacks the role (403)
        assertThat(Api.as(TestTokens.editor("lam-dong.bac-binh")).postJson(url() + "/feeds/" + id + "/pause", "").status())
                .isEqualTo(404);
        assertThat(Api.as(TestTokens.viewer("vinh-long")).postJson(url() + "/feeds/" + id + "/resume", "").status())
                .isEqualTo(403);
        assertThat(subscriptions.findById(id).orElseThrow().isActive()).isTrue();
    }
}
