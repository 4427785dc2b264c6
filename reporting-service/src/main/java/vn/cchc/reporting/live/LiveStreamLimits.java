package vn.cchc.reporting.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many live streams may be open at once: at most {@code cchc.reporting.live.max-streams-per-user} (default 20: tabs, windows, and closed streams not noticed before the next heartbeat) per
 * user (the token's {@code sub}) and {@code cchc.reporting.live.max-streams} (default 200) per instance. A stream holds a
 * connection of the gateway and of this service for up to 30 minutes, so one user opening many would starve everyone;
 * a request over a cap is refused at once ({@link TooManyStreamsException}, 429) instead of being held open.
 * A slot is freed when its stream ends for any reason (completed, timed out, client gone: see {@link LiveUpdates}).
 */
@Component
public class LiveStreamLimits {
    private final int perUser;
    private final int overall;
    private final Duration retryAfter;
    private final Map<String, Integer> openByUser = new HashMap<>();
    private int open;
    private final Counter refused;

    public LiveStreamLimits(@Value("${cchc.reporting.live.max-streams-per-user:20}") int perUser,
                            @Value("${cchc.reporting.live.max-streams:200}") int overall,
                            @Value("${cchc.reporting.live.retry-after:PT30S}") Duration retryAfter,
                            MeterRegistry meters) {
        this.perUser = perUser;
        this.overall = overall;
        this.retryAfter = retryAfter;
        this.refused = Counter.builder("cchc.reporting.live.refused")
                .description("Live streams refused because a per-user or per-instance cap was reached").register(meters);
        Gauge.builder("cchc.reporting.live.streams", this, LiveStreamLimits::open)
                .description("Live streams open on this instance").register(meters);
    }

    /** A slot for one more stream of {@code user}; 429 when the user or the instance is at its cap. */
    public synchronized Slot acquire(String user) {
        int ofUser = openByUser.getOrDefault(user, 0);
        if (ofUser >= perUser) {
            refused.increment();
            throw new TooManyStreamsException("You already have " + ofUser + " live streams open (at most " + perUser
                    + "); close one (e.g. another browser tab) and try again.", retryAfter);
        }
        if (open >= overall) {
            refused.increment();
            throw new TooManyStreamsException("This server holds as many live streams as it can (" + overall
                    + "); try again later.", retryAfter);
        }
        openByUser.put(user, ofUser + 1);
        open++;
        return new Slot(user);
    }

    public synchronized int open() {
        return open;
    }

    public synchronized int openOf(String user) {
        return openByUser.getOrDefault(user, 0);
    }

    private synchronized void release(String user) {
        openByUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
        open = Math.max(0, open - 1);
    }

    /** One open stream's place; {@link #release()} may be called from every way a stream ends, it counts once. */
    public final class Slot {
        private final String user;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String user) {
            this.user = user;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                LiveStreamLimits.this.release(user);
            }
        }
    }
}
