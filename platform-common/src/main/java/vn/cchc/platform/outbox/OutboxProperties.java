package vn.cchc.platform.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections MongoDB collections whose documents carry a {@code pendingEvents} array
 * @param source      CloudEvents source of this service, e.g. {@code /cchc/publication-service}
 * @param interval    how soon the relay's full pass over the collections comes again after one that left events
 *                    pending (a failed send), and the first step of its back-off otherwise
 * @param maxInterval the longest wait between full passes while they find nothing to retry (the events this process
 *                    writes are published right after the write, see {@link OutboxWrites}; a pass finds the rest)
 * @param batchSize   documents handled per pass
 * @param sendTimeout how long to wait for the broker's acknowledgement of one event
 * @param fullPassGrace how old a document's first pending event must be before a full pass sends it: younger ones are
 *                    being sent by the process that wrote them (wake on write), and sending them twice is what we avoid
 * @param lease       how long one replica holds a collection's full passes ({@link OutboxLease}); another takes over
 *                    when the holder has not renewed it for this long
 */
@ConfigurationProperties("cchc.outbox")
public record OutboxProperties(List<String> collections, URI source, Duration interval, Duration maxInterval,
                               Integer batchSize, Duration sendTimeout, Duration fullPassGrace, Duration lease) {
    public OutboxProperties {
        collections = collections == null ? List.of() : collections;
        source = source == null ? URI.create("/cchc") : source;
        interval = interval == null ? Duration.ofMillis(200) : interval;
        maxInterval = maxInterval == null ? Duration.ofSeconds(2) : maxInterval;
        batchSize = batchSize == null ? 100 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        fullPassGrace = fullPassGrace == null ? Duration.ofSeconds(10) : fullPassGrace;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
    }
}
