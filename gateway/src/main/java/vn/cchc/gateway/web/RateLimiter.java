package vn.cchc.gateway.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.cchc.gateway.shared.SharedRateWindows;

/**
 * The token buckets (bucket4j) behind the gateway's rate limits, one per caller: {@code user:<sub>} for a signed-in
 * caller, {@code ip:<address>} for an anonymous one. Password attempts at {@code POST /api/auth/token} and at the
 * sign-in form share the address's bucket, so neither door is a way round the other. With the shared store
 * (MongoDB, {@link SharedRateWindows}) the count is one for all gateway replicas; while the store does not answer,
 * each replica falls back to its own bucket (fail open: N replicas then allow up to N times the limit).
 */
@Component
public class RateLimiter {
    // bounded: at most this many distinct callers are tracked before the map is reset (a reset only forgives)
    private static final int MAX_TRACKED = 100_000;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayProperties.RateLimit limit;
    private final SharedRateWindows shared;

    public RateLimiter(GatewayProperties properties, ObjectProvider<SharedRateWindows> shared) {
        this.limit = properties.getRateLimit();
        this.shared = shared.getIfAvailable();
    }

    public Allowance consume(String caller) {
        if (shared != null) {
            var window = shared.consume(caller, limit.getCapacity(), limit.getPeriod());
            if (window.isPresent()) {
                return new Allowance(window.get().allowed(), window.get().remaining(),
                        Math.max(1, (window.get().untilNextWindow().toMillis() + 999) / 1000));
            }
        }
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(caller, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return new Allowance(probe.isConsumed(), probe.getRemainingTokens(), retryAfterSeconds(probe));
    }

    /** One request's outcome: allowed or not, what is left, and (when refused) the seconds for Retry-After. */
    public record Allowance(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    static String byAddress(HttpServletRequest request) {
        return "ip:" + request.getRemoteAddr();
    }

    private static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.getCapacity())
                        .refillGreedy(limit.getCapacity(), limit.getPeriod()).build())
                .build();
    }
}
