package vn.cchc.platform.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections MongoDB collections whose documents carry a {@code pendingEvents} array
 * @param source      CloudEvents source of this service, e.g. {@code /cchc/publication-service}
 * @param interval    how often the relay looks for pending events
 * @param batchSize   documents handled per pass
 * @param sendTimeout how long to wait for the broker's acknowledgement of one event
 */
@ConfigurationProperties("cchc.outbox")
public record OutboxProperties(List<String> collections, URI source, Duration interval, Integer batchSize,
                               Duration sendTimeout) {
    public OutboxProperties {
        collections = collections == null ? List.of() : collections;
        source = source == null ? URI.create("/cchc") : source;
        interval = interval == null ? Duration.ofMillis(200) : interval;
        batchSize = batchSize == null ? 100 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
    }
}
