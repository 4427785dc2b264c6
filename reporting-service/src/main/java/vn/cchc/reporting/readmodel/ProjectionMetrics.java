package vn.cchc.reporting.readmodel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Projection metrics for Prometheus. Tags are bounded: projection (4 values) and outcome (applied / rejected).
 * {@code cchc.projection.lag} is event time → applied, as a histogram so p95/p99 can be computed across pods.
 */
@Component
public class ProjectionMetrics {
    private final MeterRegistry meters;
    private final Clock clock;

    public ProjectionMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    public void applied(String projection, Instant eventTime) {
        counter(projection, "applied").increment();
        if (eventTime != null) {
            Duration lag = Duration.between(eventTime, clock.instant());
            Timer.builder("cchc.projection.lag").description("Time from an event's ce_time to its application")
                    .tag("projection", projection).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                    .register(meters).record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    /** A duplicate or an older revision than the one held. */
    public void rejected(String projection) {
        counter(projection, "rejected").increment();
    }

    private Counter counter(String projection, String outcome) {
        return Counter.builder("cchc.projection.events").description("Events seen by a projection, by outcome")
                .tag("projection", projection).tag("outcome", outcome).register(meters);
    }
}
