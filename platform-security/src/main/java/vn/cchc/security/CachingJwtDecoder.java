package vn.cchc.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the wrapped decoder accepted, so a client sending the same bearer token on every call pays the
 * RSA signature check once, not per request (profiling showed it among the top costs of the gateway and of every
 * service: docs/profiling.md). An entry lives until the token expires, and at most {@code maxAge} (so a key
 * withdrawn from the JWKS stops being trusted after that, as with the JWKS cache itself). Rejected tokens are never
 * cached: each is checked again. The cache is bounded in entries; the key is the token itself (a token is its own
 * proof, and comparing the exact string leaves no room for a hash collision).
 */
public final class CachingJwtDecoder implements JwtDecoder {
    private final JwtDecoder delegate;
    private final Clock clock;
    private final Duration maxAge;
    private final Cache<String, Jwt> accepted;

    public CachingJwtDecoder(JwtDecoder delegate, Clock clock, Duration maxAge, long maxEntries) {
        this.delegate = delegate;
        this.clock = clock;
        this.maxAge = maxAge;
        this.accepted = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = accepted.getIfPresent(token);
        if (cached != null) {
            if (cached.getExpiresAt() == null || clock.instant().isBefore(cached.getExpiresAt())) {
                return cached;
            }
            // past its expiry: the wrapped decoder decides (with its own clock skew), as for a token never seen
            accepted.invalidate(token);
        }
        Jwt jwt = delegate.decode(token); // throws for a bad signature, an expired token, a wrong issuer…
        accepted.put(token, jwt);
        return jwt;
    }

    /** Until the token expires, bounded by {@code maxAge}. */
    private Duration lifetime(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return maxAge;
        }
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    /** Entries currently held (for tests and metrics). */
    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }
}
