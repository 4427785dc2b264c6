package vn.cchc.publication.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches an RSS or Atom feed over HTTP and reads its entries with Rome (which refuses DOCTYPEs, so no XXE).
 * Feed addresses come from users, so by default an address (or a redirect) that resolves to a loopback, private or
 * link-local address is refused: a subscription must not become a way to probe the platform's own network.
 */
@Component
class FeedReader {
    /** One entry as the feed gives it; {@code published} is null when the feed has no date. */
    record Entry(String link, String title, String summary, Instant published) {
    }

    private static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 3;

    private final HttpClient http;
    private final Duration timeout;
    private final boolean allowPrivateAddresses;

    FeedReader(@Value("${cchc.feeds.timeout:PT20S}") Duration timeout,
               @Value("${cchc.feeds.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.timeout = timeout;
        this.allowPrivateAddresses = allowPrivateAddresses;
        // redirects are followed here, one by one, so that each target is checked like the first address
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    List<Entry> read(String feedUrl) throws IOException, InterruptedException {
        URI uri = URI.create(feedUrl);
        HttpResponse<byte[]> response;
        for (int hop = 0; ; hop++) {
            checkAddress(uri);
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("User-Agent", "cchc-publication-service feed capture").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                break;
            }
            if (hop == MAX_REDIRECTS) {
                throw new IOException("More than " + MAX_REDIRECTS + " redirects from " + feedUrl);
            }
            uri = uri.resolve(location);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + feedUrl);
        }
        if (response.body().length > MAX_BYTES) {
            throw new IOException("Feed larger than " + MAX_BYTES + " bytes");
        }
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
        } catch (com.rometools.rome.io.FeedException e) {
            throw new IOException("Not a readable RSS / Atom feed: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink();
            if ((link == null || link.isBlank()) && !entry.getLinks().isEmpty()) {
                link = entry.getLinks().get(0).getHref();
            }
            String summary = entry.getDescription() != null ? entry.getDescription().getValue()
                    : entry.getContents().isEmpty() ? null : entry.getContents().get(0).getValue();
            Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            entries.add(new Entry(link == null ? null : link.strip(), entry.getTitle(), summary,
                    date == null ? null : date.toInstant()));
        }
        return entries;
    }

    /** Refuses addresses inside the platform's own networks unless configured otherwise (tests, intranet feeds). */
    void checkAddress(URI uri) throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IOException("Only http and https feeds are read: " + uri);
        }
        if (allowPrivateAddresses) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                throw new IOException("The feed address " + uri.getHost() + " is on a private network; refused");
            }
        }
    }
}
