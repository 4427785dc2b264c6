package vn.cchc.reporting.live;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.cchc.reporting.access.UnitAccess;

/**
 * Server-sent events for dashboards: every applied read-model change and every target status change, sent only to
 * subscribers whose unit scopes contain the changed unit (a change without a unit goes to nobody). Fire and forget: a
 * dashboard that misses one reloads the figures from the API.
 *
 * <p>A comment line every {@code cchc.reporting.live.heartbeat} (default 15 s) keeps an idle stream open through the
 * gateway, which cuts 30 s of silence. A stream ends after 30 minutes or when the subscriber's token expires, whichever
 * comes first; the client reconnects with a fresh token.
 */
@Component
public class LiveUpdates {
    static final Duration MAX_STREAM = Duration.ofMinutes(30);

    /** {@code onEnd} runs once the stream is gone, however it ended (frees its {@link LiveStreamLimits} slot). */
    private record Subscriber(SseEmitter emitter, List<String> scopes, Runnable onEnd) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sse-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public LiveUpdates(@Value("${cchc.reporting.live.heartbeat:PT15S}") Duration heartbeat) {
        heartbeats.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A stream of the changes inside {@code scopes} (never empty: the caller checked them against the token), open until
     * {@code tokenExpiresAt} at the latest (null: {@link #MAX_STREAM}).
     */
    public SseEmitter subscribe(List<String> scopes, Instant tokenExpiresAt) {
        return subscribe(scopes, tokenExpiresAt, () -> { });
    }

    /**
     * As {@link #subscribe(List, Instant)}; {@code onEnd} runs once when the stream ends: completed, timed out, or the
     * client gone (noticed at the latest by the next heartbeat, whose write fails).
     */
    public SseEmitter subscribe(List<String> scopes, Instant tokenExpiresAt, Runnable onEnd) {
        long timeout = MAX_STREAM.toMillis();
        if (tokenExpiresAt != null) {
            timeout = Math.max(1, Math.min(timeout, Duration.between(Instant.now(), tokenExpiresAt).toMillis()));
        }
        SseEmitter emitter = new SseEmitter(timeout);
        Subscriber subscriber = new Subscriber(emitter, List.copyOf(scopes), onEnd);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> drop(subscriber));
        emitter.onTimeout(() -> {
            drop(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> drop(subscriber));
        try {
            // tells the client the stream is open before any change happens, and what it covers
            emitter.send(SseEmitter.event().name("hello").data(Map.of("scopes", subscriber.scopes())));
        } catch (IOException e) {
            drop(subscriber);
        }
        return emitter;
    }

    /** Sends {@code data} as event {@code name} to every subscriber whose scopes contain {@code unitId}. */
    public void publish(String name, String unitId, Object data) {
        for (Subscriber s : subscribers) {
            if (UnitAccess.inside(unitId, s.scopes())) {
                send(s, SseEmitter.event().name(name).data(data));
            }
        }
    }

    /** A comment line ({@code :keep-alive}) to every subscriber; clients ignore it, proxies see traffic. */
    void heartbeat() {
        for (Subscriber s : subscribers) {
            try {
                send(s, SseEmitter.event().comment("keep-alive"));
            } catch (RuntimeException e) {
                // an exception escaping a scheduled task would cancel every later heartbeat
                drop(s);
            }
        }
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // the client is gone: end the stream on our side too, so its request and its slot are freed
            drop(s);
            try {
                s.emitter().completeWithError(e);
            } catch (RuntimeException alreadyDone) {
                // completed meanwhile
            }
        }
    }

    private void drop(Subscriber s) {
        subscribers.remove(s);
        s.onEnd().run();
    }

    public int subscribers() {
        return subscribers.size();
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }
}
