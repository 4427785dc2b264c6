package vn.cchc.platform.availability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * With MongoDB down the driver waits 30 s by default for a server before giving up, so a request hung longer than the
 * gateway's patience and the readiness probe hung with it. A short server-selection timeout makes both fail fast
 * ({@code cchc.mongo.server-selection-timeout}, 2 s): the request gets 503 ({@link DataStoreUnavailableAdvice}), the
 * readiness group goes DOWN, and both recover by themselves when the server is back. Connect and heartbeat timeouts
 * stay the driver's (10 s): shorter ones would mark a busy but healthy server unknown and drop its connection pool.
 */
public final class MongoFailFast implements MongoClientSettingsBuilderCustomizer {
    private final Duration serverSelectionTimeout;

    public MongoFailFast(Duration serverSelectionTimeout) {
        this.serverSelectionTimeout = serverSelectionTimeout;
    }

    @Override
    public void customize(com.mongodb.MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster ->
                cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
