package vn.cchc.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import vn.cchc.gateway.shared.SharedRevocations;

/**
 * Access tokens signed out before their expiry, by {@code jti}, kept until they expire (plus the clock skew the
 * decoders allow) and refused by the gateway meanwhile. Bounded: access tokens live minutes, so the list stays short.
 * With the shared store the list is written there too and read from there when this replica has not seen the
 * revocation, so a token signed out through one replica is refused by all; a store that does not answer is read as
 * "not revoked" (fail open: the token's signature and expiry are still checked).
 */
public class RevokedTokens {
    private static final Duration SKEW = Duration.ofSeconds(60);
    private final Clock clock;
    private final Cache<String, Instant> revoked;
    private final SharedRevocations shared;

    public RevokedTokens(Clock clock) {
        this(clock, null);
    }

    public RevokedTokens(Clock clock, SharedRevocations shared) {
        this.clock = clock;
        this.shared = shared;
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
            if (shared != null) {
                shared.revoke(jti, expiresAt.plus(SKEW));
            }
        }
    }

    public boolean isRevoked(String jti) {
        if (jti == null) {
            return false;
        }
        if (revoked.getIfPresent(jti) != null) {
            return true;
        }
        return shared != null && shared.isRevoked(jti).orElse(false);
    }
}
