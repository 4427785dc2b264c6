package vn.cchc.system.attacks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Raw HTTP for the attacks: every request has a 10 s deadline (beyond it the attack is a HANG), redirects are not
 * followed, and a probe may send from another loopback address (127.0.0.2, …) so that what the gateway counts per
 * client address (sign-in limits, anonymous rate limits) never falls on 127.0.0.1, where the other system tests sign in.
 */
final class Probe {
    static final Duration DEADLINE = Duration.ofSeconds(10);

    /** No answer in time. */
    static final class NoAnswer extends Exception {
        NoAnswer(String what) {
            super(what);
        }
    }

    /** An answer, with the address it answered (the ids the caller sent are in it). */
    record Reply(int status, String body, HttpHeaders headers, String uri) {
        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        boolean isProblem() {
            return header("Content-Type").startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + header("Content-Type") + " " + (shown.length() > 160 ? shown.substring(0, 160) + "…" : shown);
        }
    }

    private final HttpClient client;

    Probe() {
        this(null);
    }

    /** Sends from {@code localAddress} (a loopback address such as 127.0.0.2), or the default when null. */
    Probe(InetAddress localAddress) {
        this(localAddress, false);
    }

    /** With {@code cookies}, keeps the session cookies it is given, as a browser does (the sign-in form needs them). */
    Probe(InetAddress localAddress, boolean cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        if (cookies) {
            builder.cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL));
        }
        client = builder.build();
    }

    static Probe from(String loopbackAddress) {
        try {
            return new Probe(InetAddress.getByName(loopbackAddress), true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply get(String url, String... headers) throws NoAnswer {
        return send(request(url, headers).GET());
    }

    Reply delete(String url, String... headers) throws NoAnswer {
        return send(request(url, headers).DELETE());
    }

    Reply post(String url, String json, String... headers) throws NoAnswer {
        return send(request(url, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String url, String json, String... headers) throws NoAnswer {
        return send(request(url, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply postForm(String url, String form, String... headers) throws NoAnswer {
        return send(request(url, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A multipart upload of one file part ({@code file}), as a browser's form sends it. */
    Reply upload(String url, String fileName, String content, String... headers) throws NoAnswer {
        String boundary = "----cchc-attack-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(request(url, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(DEADLINE);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                builder.header(headers[i], headers[i + 1]);
            }
        }
        return builder;
    }

    Reply send(HttpRequest.Builder request) throws NoAnswer {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers(), built.uri().toString());
        } catch (HttpTimeoutException e) {
            throw new NoAnswer("no answer within " + DEADLINE.toSeconds() + " s: " + built.method() + " " + shortUri(built));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(built.method() + " " + shortUri(built) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open event stream (or the answer that refused it): the caller must close it. */
    record Stream(int status, InputStream body) implements AutoCloseable {
        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection goes anyway
            }
        }
    }

    /** Opens a server-sent event stream: returns once the status line and headers have arrived. */
    Stream openStream(String url, String... headers) throws NoAnswer {
        HttpRequest built = request(url, headers).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
            return new Stream(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new NoAnswer("no answer within " + DEADLINE.toSeconds() + " s: GET " + shortUri(built));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("GET " + shortUri(built) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String shortUri(HttpRequest request) {
        String uri = request.uri().toString();
        return uri.length() > 120 ? uri.substring(0, 120) + "…" : uri;
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }
}
