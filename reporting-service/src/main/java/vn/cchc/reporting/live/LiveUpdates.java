package vn.cchc.reporting.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.cchc.platform.units.UnitPath;

/**
 * Server-sent events for dashboards: every applied read-model change and every target status change, filtered by
 * the subscriber's unit scope. Fire and forget: a dashboard that misses one reloads the figures from the API.
 */
@Component
public class LiveUpdates {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private record Subscriber(SseEmitter emitter, String scope) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public SseEmitter subscribe(String scope) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, scope);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        try {
            // tells the client the stream is open before any change happens
            emitter.send(SseEmitter.event().name("hello").data(Map.of("scope", scope == null ? "" : scope)));
        } catch (IOException e) {
            subscribers.remove(subscriber);
        }
        return emitter;
    }

    /** Sends {@code data} as event {@code name} to every subscriber whose scope contains {@code unitId}. */
    public void publish(String name, String unitId, Object data) {
        for (Subscriber s : subscribers) {
            if (s.scope() != null && (unitId == null || !UnitPath.within(unitId, s.scope()))) {
                continue;
            }
            try {
                s.emitter().send(SseEmitter.event().name(name).data(data));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }

    public int subscribers() {
        return subscribers.size();
    }
}
