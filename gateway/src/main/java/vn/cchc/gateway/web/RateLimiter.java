package vn.cchc.gateway.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The token buckets (bucket4j) behind the gateway's rate limits, one per caller: {@code user:<sub>} for a signed-in
 * caller, {@code ip:<address>} for an anonymous one. Password attempts at {@code POST /api/auth/token} and at the
 * sign-in form share the address's bucket, so neither door is a way round the other.
 */
@Component
public class RateLimiter {
    // bounded: at most this many distinct callers are tracked before the map is reset (a reset only forgives)
    private static final int MAX_TRACKED = 100_000;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayProperties.RateLimit limit;

    public RateLimiter(GatewayProperties properties) {
        this.limit = properties.getRateLimit();
    }

    public ConsumptionProbe consume(String caller) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(caller, key -> newBucket()).tryConsumeAndReturnRemaining(1);
    }

    static String byAddress(HttpServletRequest request) {
        return "ip:" + request.getRemoteAddr();
    }

    static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.getCapacity())
                        .refillGreedy(limit.getCapacity(), limit.getPeriod()).build())
                .build();
    }
}
