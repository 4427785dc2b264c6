package vn.cchc.publication.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Fetches an RSS or Atom feed over HTTP and reads its entries with Rome (which refuses DOCTYPEs, so no XXE).
 *
 * <p>Every fetch is bounded whatever the other side does: the address (and every redirect's, at most
 * {@value #MAX_REDIRECTS}) is checked by {@link FeedAddressPolicy} and the connection pinned to the addresses checked
 * (the host is resolved once; the original host name still goes out as Host and TLS SNI, and the certificate is
 * verified for it); the body is counted as it streams in and the fetch aborted past {@code cchc.feeds.max-bytes},
 * whatever Content-Length says (decompressed bytes are counted); and the whole fetch, redirects included, is cut at
 * {@code cchc.feeds.timeout} even if the server keeps dripping a byte at a time.
 */
@Component
class FeedReader implements DisposableBean {
    /** One entry as the feed gives it; {@code published} is null when the feed has no date. */
    record Entry(String link, String title, String summary, Instant published) {
    }

    private record Answer(int status, String location, byte[] body) {
    }

    static final int MAX_REDIRECTS = 3;

    private final FeedAddressPolicy addresses;
    private final Duration deadline;
    private final long maxBytes;
    /** Cancels fetches that reach their deadline; a guard cancelled because its fetch ended is dropped at once. */
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("feed-deadlines").daemon().factory());

    {
        deadlines.setRemoveOnCancelPolicy(true);
    }

    @Autowired
    FeedReader(FeedAddressPolicy addresses, @Value("${cchc.feeds.timeout:PT20S}") Duration deadline,
               @Value("${cchc.feeds.max-bytes:5MB}") DataSize maxBytes) {
        this.addresses = addresses;
        this.deadline = deadline;
        this.maxBytes = maxBytes.toBytes();
    }

    List<Entry> read(String feedUrl) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        URI uri = URI.create(feedUrl.strip());
        Answer answer;
        for (int hop = 0; ; hop++) {
            answer = fetch(uri, end);
            if (answer.status() / 100 != 3 || answer.location() == null) {
                break;
            }
            if (hop == MAX_REDIRECTS) {
                throw new IOException("More than " + MAX_REDIRECTS + " redirects from " + feedUrl);
            }
            uri = uri.resolve(answer.location().strip());
        }
        if (answer.status() != 200) {
            throw new IOException("HTTP " + answer.status() + " from " + uri);
        }
        return entries(answer.body());
    }

    /** One request, to the addresses checked for its host, cancelled at the deadline. */
    private Answer fetch(URI uri, long end) throws IOException {
        InetAddress[] checked;
        try {
            checked = addresses.resolveChecked(uri);
        } catch (FeedAddressPolicy.RefusedAddressException refused) {
            throw new IOException("Refused " + uri + ": " + refused.getMessage(), refused);
        }
        long remaining = end - System.nanoTime();
        if (remaining <= 0) {
            throw deadlineReached();
        }
        Timeout timeout = Timeout.of(remaining, TimeUnit.NANOSECONDS);
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(pinned(uri.getHost(), checked))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setUserAgent("cchc-publication-service feed capture").build()) {
            HttpGet get = new HttpGet(uri);
            java.util.concurrent.atomic.AtomicBoolean cut = new java.util.concurrent.atomic.AtomicBoolean();
            ScheduledFuture<?> guard = deadlines.schedule(() -> {
                cut.set(true);
                get.cancel(); // closes the socket: a blocked read (a server dripping bytes) ends now
            }, remaining, TimeUnit.NANOSECONDS);
            try {
                return exchange(http, get);
            } catch (IOException e) {
                if (cut.get() && !(e instanceof TooLarge)) {
                    throw deadlineReached();
                }
                throw e;
            } finally {
                guard.cancel(false);
            }
        }
    }

    @SuppressWarnings("deprecation") // execute(request) hands the response over unread; its body is read (or not) here
    private Answer exchange(CloseableHttpClient http, HttpGet get) throws IOException {
        org.apache.hc.client5.http.impl.classic.CloseableHttpResponse response = http.execute(get);
        try {
            if (response.getCode() != 200) {
                String location = response.getFirstHeader(HttpHeaders.LOCATION) == null ? null
                        : response.getFirstHeader(HttpHeaders.LOCATION).getValue();
                return new Answer(response.getCode(), location, null);
            }
            return new Answer(200, null, body(response.getEntity(), get));
        } finally {
            // never drain what was not read (closing a response reads the rest of its body to reuse the connection)
            get.cancel();
            try {
                response.close();
            } catch (IOException ignored) {
                // the connection was aborted on purpose
            }
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** The body, counted as it streams in; past the cap the request is aborted, not drained. */
    private byte[] body(HttpEntity entity, HttpGet get) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > maxBytes) {
            get.cancel();
            throw new TooLarge("The feed declares " + entity.getContentLength() + " bytes; at most " + maxBytes + " are read");
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                get.cancel();
                throw new TooLarge("The feed is larger than " + maxBytes + " bytes; reading was stopped there");
            }
            return body;
        }
    }

    private IOException deadlineReached() {
        return new IOException("No complete answer within " + deadline.toSeconds() + " s (deadline); the fetch was cut");
    }

    /** A resolver that knows one host, answering with the addresses already checked: no second lookup. */
    private static DnsResolver pinned(String host, InetAddress[] checked) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                if (!name.equalsIgnoreCase(bare) && !name.equalsIgnoreCase(host)) {
                    throw new UnknownHostException("Not the host checked for this fetch: " + name);
                }
                return checked.clone();
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
    }

    private static List<Entry> entries(byte[] body) throws IOException {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (com.rometools.rome.io.FeedException | IllegalArgumentException e) {
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

    @Override
    public void destroy() {
        deadlines.shutdownNow();
    }
}
