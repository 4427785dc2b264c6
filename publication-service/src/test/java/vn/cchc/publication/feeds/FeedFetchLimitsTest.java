package vn.cchc.publication.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Every fetch is bounded whatever the server does, against real local HTTP servers: a server dripping a byte every
 * 200 ms is cut at the deadline, an endless body at the byte cap, a declared huge body before reading it; redirects
 * to refused addresses are not followed; and the connection goes to the address that was checked (no DNS rebinding).
 */
class FeedFetchLimitsTest {
    static final Duration DEADLINE = Duration.ofSeconds(3);
    static final int MAX_BYTES = 64 * 1024;
    static final String RSS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>PK</title>"
            + "<link>https://pk.vn</link><description>Tin</description><item><title>Tin 1</title>"
            + "<link>https://pk.vn/tin/1</link></item></channel></rss>";

    HttpServer site;
    final ExecutorService handlers = Executors.newCachedThreadPool();
    final ScheduledExecutorService drips = Executors.newSingleThreadScheduledExecutor();
    final AtomicBoolean dripping = new AtomicBoolean();
    final AtomicBoolean dripCut = new AtomicBoolean();
    final AtomicBoolean endlessCut = new AtomicBoolean();
    final AtomicReference<String> lastHost = new AtomicReference<>();
    final FeedReader reader = new FeedReader(new FeedAddressPolicy(List.of("127.0.0.1/32"), Set.of(80, 443),
            InetAddress::getAllByName), DEADLINE, DataSize.ofBytes(MAX_BYTES));

    @BeforeEach
    void serve() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(handlers);
        site.createContext("/rss", exchange -> {
            lastHost.set(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.createContext("/drip", this::drip);
        site.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length at all
            byte[] chunk = "<rss><channel>".repeat(600).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException aborted) {
                endlessCut.set(true);
            }
        });
        site.createContext("/declares-10gb", exchange -> {
            exchange.sendResponseHeaders(200, 10L * 1024 * 1024 * 1024);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(new byte[8192]);
                }
            } catch (IOException aborted) {
                // the reader refused it by its length
            }
        });
        redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        redirect("/to-other-loopback", "http://127.0.0.2:" + site.getAddress().getPort() + "/rss");
        redirect("/to-file", "file:///etc/passwd");
        redirect("/relative", "/rss");
        site.start();
    }

    void redirect(String path, String location) {
        site.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    /** One byte every 200 ms, forever: no read ever waits long enough for a socket timeout. */
    void drip(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
        out.flush();
        dripping.set(true);
        drips.scheduleAtFixedRate(() -> {
            if (dripCut.get()) {
                return;
            }
            try {
                out.write(' ');
                out.flush();
            } catch (IOException closedByReader) {
                dripCut.set(true);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        drips.shutdownNow();
        site.stop(0);
        handlers.shutdownNow();
    }

    String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    @Test
    void aServerDrippingOneByteAtATimeIsCutAtTheDeadline() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> reader.read(url("/drip"))).hasMessageContaining("deadline");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(dripping).isTrue();
        assertThat(took).isGreaterThanOrEqualTo(DEADLINE).isLessThan(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).untilTrue(dripCut); // the connection was closed, not left dripping
    }

    @Test
    void aBodyPastTheCapIsAbortedWhateverItsLengthSays() {
        assertThatThrownBy(() -> reader.read(url("/endless"))).hasMessageContaining("larger than " + MAX_BYTES);
        await().atMost(Duration.ofSeconds(60)).untilTrue(endlessCut); // aborted, not drained
        assertThatThrownBy(() -> reader.read(url("/declares-10gb"))).hasMessageContaining("declares 10737418240 bytes");
    }

    @Test
    void redirectsToRefusedAddressesAreNotFollowed() throws IOException {
        assertThatThrownBy(() -> reader.read(url("/to-metadata"))).hasMessageContaining("Refused")
                .hasMessageContaining("169.254.169.254").hasMessageContaining("link-local");
        assertThatThrownBy(() -> reader.read(url("/to-other-loopback"))).hasMessageContaining("127.0.0.2")
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> reader.read(url("/to-file"))).hasMessageContaining("http");
        assertThat(reader.read(url("/relative"))).extracting(FeedReader.Entry::link).containsExactly("https://pk.vn/tin/1");
    }

    @Test
    void theConnectionGoesToTheAddressCheckedWithTheOriginalHostName() throws IOException {
        // a rebinding name: 127.0.0.1 (allowed here) for the first lookup, a private address for every later one
        AtomicInteger lookups = new AtomicInteger();
        FeedAddressPolicy rebinding = new FeedAddressPolicy(List.of("127.0.0.1/32"), Set.of(80, 443), host ->
                new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "10.0.0.7")});
        FeedReader pinned = new FeedReader(rebinding, DEADLINE, DataSize.ofBytes(MAX_BYTES));
        int port = site.getAddress().getPort();

        List<FeedReader.Entry> entries = pinned.read("http://feed.example:" + port + "/rss");

        assertThat(entries).extracting(FeedReader.Entry::title).containsExactly("Tin 1");
        assertThat(lookups.get()).as("one lookup per fetch: the connection used its answer").isEqualTo(1);
        assertThat(lastHost.get()).isEqualTo("feed.example:" + port);
        // the next fetch resolves again, gets the private address, and is refused before connecting
        assertThatThrownBy(() -> pinned.read("http://feed.example:" + port + "/rss")).hasMessageContaining("10.0.0.7");
    }
}
