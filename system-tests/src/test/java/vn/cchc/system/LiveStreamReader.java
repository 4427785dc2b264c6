package vn.cchc.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A subscriber of the live stream ({@code GET /api/reports/stream}, server-sent events) as a dashboard holds it: a real
 * HTTP connection through the gateway, read line by line on a thread of its own, every complete event kept in arrival
 * order so a test can await the one it expects. Comment lines ({@code :keep-alive}) are skipped. {@link #close()} ends
 * the connection (its own HTTP client, shut down), so nothing is left open after the test.
 */
final class LiveStreamReader implements AutoCloseable {
    /** One server-sent event: its {@code event:} name and its {@code data:} lines joined. */
    record Event(String name, String data) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    private LiveStreamReader(HttpRequest request) {
        reader = Thread.ofPlatform().daemon().name("live-stream-reader").start(() -> read(request));
    }

    /** Opens the stream at {@code url} with {@code authorization}; the answer's headers must come within 60 s. */
    static LiveStreamReader open(String url, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60)) // until the status line and headers: the body is open-ended
                .GET().build();
        return new LiveStreamReader(request);
    }

    /** The HTTP status of the stream's answer, once its headers arrived. */
    int status() throws Exception {
        return status.get(90, TimeUnit.SECONDS);
    }

    /** Every event received so far, oldest first. */
    List<Event> events() {
        return List.copyOf(events);
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            status.complete(response.statusCode());
            lines = response.body();
            String name = null;
            StringBuilder data = null;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) { // a blank line ends an event
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    continue; // a comment: the heartbeat
                } else if (line.startsWith("event:")) {
                    name = field(line, "event:");
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(field(line, "data:"));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            status.completeExceptionally(e); // no effect once the status is known: the stream was closed
        } catch (InterruptedException e) {
            status.completeExceptionally(e);
            Thread.currentThread().interrupt();
        }
    }

    private static String field(String line, String prefix) {
        String value = line.substring(prefix.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() throws InterruptedException {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        client.shutdownNow();
        reader.interrupt();
        reader.join(TimeUnit.SECONDS.toMillis(30));
    }
}
