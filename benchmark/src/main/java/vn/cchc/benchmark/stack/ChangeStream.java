package vn.cchc.benchmark.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows reporting-service's live stream ({@code GET /api/reports/stream?unitId=…}, server-sent events through the
 * gateway) and remembers when the first {@code change} of each aggregate (publication id) arrived. The server ends a
 * stream after 30 minutes; the reader then reconnects with a fresh token (changes in the gap are missed and reported as
 * such, never guessed).
 */
public final class ChangeStream implements AutoCloseable {
    private final HttpClient http;
    private final String url;
    private final Supplier<String> token;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Instant> firstChange = new ConcurrentHashMap<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final CountDownLatch hello = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean closed;

    public ChangeStream(HttpClient http, String gateway, String unitId, Supplier<String> token) {
        this.http = http;
        this.url = gateway + "/api/reports/stream?unitId=" + unitId;
        this.token = token;
        this.reader = Thread.ofVirtual().name("change-stream-" + unitId).start(this::readForever);
    }

    /** Waits for the stream's {@code hello}, so no change of what follows is missed. */
    public void awaitOpen(long seconds) throws InterruptedException {
        if (!hello.await(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no hello from " + url + " within " + seconds + " s");
        }
    }

    /** When the first change of this publication arrived, or null. */
    public Instant changeOf(String publicationId) {
        return firstChange.get(publicationId);
    }

    public int reconnects() {
        return reconnects.get();
    }

    private void readForever() {
        while (!closed) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get())
                        .header("Accept", "text/event-stream").GET().build();
                HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("stream answered " + response.statusCode());
                }
                String[] event = {null};
                try (Stream<String> lines = response.body()) {
                    lines.forEach(line -> {
                        if (closed) {
                            throw new StreamClosed();
                        }
                        if (line.startsWith("event:")) {
                            event[0] = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            onData(event[0], line.substring(5).trim());
                        } else if (line.isEmpty()) {
                            event[0] = null;
                        }
                    });
                }
            } catch (StreamClosed e) {
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                System.err.println("live stream: " + e + "; reconnecting");
            }
            reconnects.incrementAndGet();
        }
    }

    private void onData(String event, String data) {
        Instant now = Instant.now();
        if ("hello".equals(event)) {
            hello.countDown();
        } else if ("change".equals(event)) {
            JsonNode change = json.readTree(data);
            String id = change.path("aggregateId").asString(null);
            if (id != null) {
                firstChange.putIfAbsent(id, now);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }

    private static final class StreamClosed extends RuntimeException {
    }
}
