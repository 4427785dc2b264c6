package vn.cchc.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code cchc_health_readiness}: 1 while the readiness group (readiness state + MongoDB ping) is UP, else 0. Prometheus
 * sees a service that answers scrapes but refuses traffic, which {@code up} alone does not show (Kubernetes has
 * kube-state-metrics for this; docker-compose and the local stack do not).
 */
public class ReadinessGauge implements MeterBinder {
    private final ObjectProvider<HealthEndpoint> health;

    public ReadinessGauge(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cchc.health.readiness", this, ReadinessGauge::value)
                .description("1 when the service's readiness group is UP").register(registry);
    }

    double value() {
        HealthEndpoint endpoint = health.getIfAvailable();
        if (endpoint == null) {
            return Double.NaN;
        }
        try {
            var readiness = endpoint.healthForPath("readiness");
            return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
