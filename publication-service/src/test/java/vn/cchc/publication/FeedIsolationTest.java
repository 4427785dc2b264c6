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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.publication.feeds.FeedCapture;
import vn.cchc.publication.feeds.FeedSubscriptionRepository;
import vn.cchc.security.test.TestTokens;

/**
 * One editor's feed cannot hold up the service: addresses inside the platform's network are refused when subscribing
 * (400 on url); a feed dripping a byte at a time is fetched on the feed executor and cut at the deadline (10 s in
 * tests) while the scheduler, the outbox relay and other feeds go on; an oversized feed and a redirect to a private
 * address fail the poll, recorded on the subscription; entries are held to the text rules.
 */
class FeedIsolationTest extends ServiceTestBase {
    static final String EDITOR_PK = TestTokens.editor("vinh-long.phu-khuong");

    @Autowired
    FeedSubscriptionRepository subscriptions;
    @Autowired
    FeedCapture capture;
    @Autowired
    ThreadPoolTaskScheduler scheduler;

    HttpServer site;
    final ExecutorService handlers = Executors.newCachedThreadPool();
    final ScheduledExecutorService drips = Executors.newScheduledThreadPool(2);
    final AtomicBoolean dripping = new AtomicBoolean();

    @BeforeEach
    void serve() throws IOException {
        subscriptions.deleteAll();
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(handlers);
        site.createContext("/rss", exchange -> {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>PK</title>"
                    + "<link>https://pk.vn</link><description>Tin</description>"
                    + "<item><title>Tin nhanh CCHC</title><link>https://pk.vn/nhanh/1</link>"
                    + "<pubDate>Mon, 02 Mar 2026 01:00:00 GMT</pubDate></item>"
                    + "<item><title>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;Tin có mã độc</title>"
                    + "<link>https://pk.vn/nhanh/2</link><pubDate>Mon, 02 Mar 2026 02:00:00 GMT</pubDate></item>"
                    + "<item><title>Tin có &amp;#7; ký tự điều khiển</title><link>https://pk.vn/nhanh/3</link>"
                    + "<pubDate>Mon, 02 Mar 2026 03:00:00 GMT</pubDate></item>"
                    + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            dripping.set(true);
            AtomicBoolean closed = new AtomicBoolean();
            drips.scheduleAtFixedRate(() -> {
                if (closed.get()) {
                    return;
                }
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException cut) {
                    closed.set(true);
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        });
        site.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(new byte[16 * 1024]);
                }
            } catch (IOException aborted) {
                // the reader stopped at its cap
            }
        });
        site.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void stop() throws Exception {
        subscriptions.deleteAll();
        scheduler.submit(() -> { }).get(60, TimeUnit.SECONDS); // a round under way has handed over its polls
        await().atMost(Duration.ofSeconds(60)).until(() -> capture.running() == 0); // the drip is cut at its deadline
        drips.shutdownNow();
        site.stop(0);
        handlers.shutdownNow();
    }

    String feed(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    Http.Response subscribe(String url) {
        return Api.as(EDITOR_PK).postJson(url() + "/feeds", "{\"unitId\":\"vinh-long.phu-khuong\",\"url\":\"" + url + "\"}");
    }

    @Test
    void addressesInsideThePlatformsNetworkAreRefusedWhenSubscribing() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://localhost:27017/",
                "http://127.0.0.2/rss", "http://10.1.2.3/rss", "http://192.168.1.10/rss", "http://[fd00::1]/rss",
                "http://100.64.0.1/rss", "http://[::ffff:169.254.169.254]/rss", "http://[::1]/rss", "http://0.0.0.0/rss",
                "http://224.0.0.251/rss")) {
            Http.Response refused = subscribe(url);
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(url).startsWith("application/problem+json");
            JsonNode error = json.readTree(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).as(url).isEqualTo("url");
            assertThat(error.get("rule").asString()).as(url).isEqualTo("public-address");
        }
        JsonNode port = json.readTree(subscribe("http://8.8.8.8:27017/rss").body()).get("errors").get(0);
        assertThat(port.get("rule").asString()).isEqualTo("allowed-port");
        JsonNode scheme = json.readTree(subscribe("ftp://8.8.8.8/rss").body()).get("errors").get(0);
        assertThat(scheme.get("rule").asString()).isEqualTo("http-url");
        JsonNode control = json.readTree(subscribe("http://8.8.8.8/rss\\u0000").body()).get("errors").get(0);
        assertThat(control.get("rule").asString()).isEqualTo("no-control-characters");
        assertThat(subscriptions.count()).isZero();
    }

    @Test
    void aSlowDripFeedIsCutAtTheDeadlineWhileEverythingElseGoesOn() {
        try (TopicReader topic = new TopicReader(brokers, PublicationEvents.TOPIC)) {
            String drip = json.readTree(subscribe(feed("/drip")).body()).get("id").asString();
            await().atMost(Duration.ofSeconds(60)).untilTrue(dripping); // the scheduled poll is now stuck reading it

            // the scheduler is free …
            assertThat(scheduler.submit(() -> "free")).succeedsWithin(Duration.ofSeconds(60)).isEqualTo("free");
            // … an item recorded now leaves as an event (the outbox relay) …
            Http.Response recorded = Api.postJson(url(), PublicationApiTest.ARTICLE.replace("tin-tuc/1", "tin-tuc/drip"));
            assertThat(recorded.status()).isEqualTo(201);
            String id = json.readTree(recorded.body()).get("id").asString();
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream().anyMatch(r -> id.equals(r.key())));
            // … and another unit's feed is captured on the schedule meanwhile
            subscribe(feed("/rss"));
            await().atMost(Duration.ofSeconds(60)).until(() -> repository.findAll().stream()
                    .anyMatch(p -> "https://pk.vn/nhanh/1".equals(p.getUrl())));

            // the drip itself ends at the deadline, as a failed poll
            JsonNode lastPoll = await().atMost(Duration.ofSeconds(60)).until(
                    () -> json.readTree(Api.get(url() + "/feeds/" + drip).body()).get("lastPoll"),
                    p -> p != null && !p.isNull());
            assertThat(lastPoll.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(lastPoll.get("error").asString()).contains("deadline");
        }
    }

    @Test
    void anOversizedFeedAndARedirectToThePlatformsNetworkFailThePollAndRecordNothing() {
        String huge = json.readTree(subscribe(feed("/huge")).body()).get("id").asString();
        String redirect = json.readTree(subscribe(feed("/to-metadata")).body()).get("id").asString();

        JsonNode hugePoll = json.readTree(Api.as(EDITOR_PK).postJson(url() + "/feeds/" + huge + "/poll", "").body());
        JsonNode redirectPoll = json.readTree(Api.as(EDITOR_PK).postJson(url() + "/feeds/" + redirect + "/poll", "").body());

        assertThat(hugePoll.get("error").asString()).contains("larger than 262144 bytes");
        assertThat(redirectPoll.get("error").asString()).contains("169.254.169.254", "link-local");
        assertThat(json.readTree(Api.get(url() + "/feeds/" + redirect).body()).get("lastPoll").get("outcome").asString())
                .isEqualTo("FAILED");
        assertThat(repository.count()).isZero();
    }

    @Test
    void feedEntriesAreHeldToTheTextRules() {
        String id = json.readTree(subscribe(feed("/rss")).body()).get("id").asString();

        JsonNode poll = json.readTree(Api.as(EDITOR_PK).postJson(url() + "/feeds/" + id + "/poll", "").body());

        assertThat(poll.get("entries").asInt()).isEqualTo(3);
        assertThat(poll.get("recorded").asInt() + poll.get("duplicates").asInt()).isEqualTo(2);
        assertThat(poll.get("rejected").asInt()).isEqualTo(1);
        Publication scripted = repository.findAll().stream().filter(p -> p.getUrl().endsWith("/nhanh/2")).findFirst()
                .orElseThrow();
        assertThat(scripted.getTitle()).isEqualTo("Tin có mã độc"); // the encoded script is decoded, then removed
        JsonNode skipped = json.readTree(Api.get(url() + "/feeds/" + id).body()).get("lastPoll").get("rejectedEntries").get(0);
        assertThat(skipped.get("link").asString()).endsWith("/nhanh/3");
        assertThat(skipped.get("errors").get(0).get("field").asString()).isEqualTo("title");
        assertThat(skipped.get("errors").get(0).get("rule").asString()).isEqualTo("no-control-characters");
    }
}
