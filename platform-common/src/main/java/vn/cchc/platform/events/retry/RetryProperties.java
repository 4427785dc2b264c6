package vn.cchc.platform.events.retry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The back-off of a record that waits for a transient failure to pass ({@code cchc.events.retry.*}): the first retry
 * after {@code initialInterval}, each next one {@code multiplier} times later, never more than {@code maxInterval}
 * apart (well under the consumer's {@code max.poll.interval.ms}, so the consumer keeps its partitions while waiting),
 * for as long as it takes. Failures that are neither refusals nor transient follow the binding's own
 * {@code max-attempts} and back-off properties.
 */
@ConfigurationProperties("cchc.events.retry")
public record RetryProperties(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2") double multiplier,
                              @DefaultValue("30s") Duration maxInterval) {
}
