package vn.cchc.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens signed out before their expiry, by {@code jti}, kept until they expire (plus the clock skew the
 * decoders allow) and refused by the gateway meanwhile. Bounded: access tokens live minutes, so the list stays short.
 */
public class RevokedTokens {
    private static final Duration SKEW = Duration.ofSeconds(60);
    private final Clock clock;
    private final Cache<String, Instant> revoked;

    public RevokedTokens(Clock clock) {
        this.clock = clock;
        this.revoked = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfter(Expiry.<String, Instant>creating((jti, expiresAt) -> {
                    Duration left = Duration.between(clock.instant(), expiresAt.plus(SKEW));
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
    }

    public void revoke(String jti, Instant expiresAt) {
        if (jti != null && expiresAt != null && expiresAt.plus(SKEW).isAfter(clock.instant())) {
            revoked.put(jti, expiresAt);
        }
    }

    public boolean isRevoked(String jti) {
        return jti != null && revoked.getIfPresent(jti) != null;
    }
}
