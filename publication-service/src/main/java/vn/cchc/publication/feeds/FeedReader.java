package vn.cchc.publication.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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

/** Fetches an RSS or Atom feed over HTTP and reads its entries with Rome (which refuses DOCTYPEs, so no XXE). */
@Component
class FeedReader {
    /** One entry as the feed gives it; {@code published} is null when the feed has no date. */
    record Entry(String link, String title, String summary, Instant published) {
    }

    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    FeedReader(@Value("${cchc.feeds.timeout:PT20S}") Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    List<Entry> read(String feedUrl) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(feedUrl)).timeout(timeout)
                .header("User-Agent", "cchc-publication-service feed capture").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
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
}
