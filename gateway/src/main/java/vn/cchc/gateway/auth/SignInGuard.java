package vn.cchc.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cchc.gateway.shared.SharedSignInFailures;

/**
 * Failed sign-ins counted per username and per client address, on every door (the token endpoint for scripts, the
 * sign-in form, the OAuth2 token endpoint): after {@code max-failures} consecutive failures the key is locked for
 * {@code lockout}, each further failure doubles it up to {@code max-lockout}. While locked, attempts are refused
 * (429) without looking at the password. Each failure is logged (username, address, never the password) and
 * counted in {@code cchc_auth_signin_failures_total{outcome, endpoint}} (no username tag: unbounded and personal).
 * With the shared store the counts are those of all gateway replicas ({@link SharedSignInFailures}); this replica's
 * own counts are kept as well and used while the store does not answer.
 */
public class SignInGuard {
    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);
    private final AuthProperties.SignIn limits;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Cache<String, Attempts> attempts;
    private final SharedSignInFailures shared;
    private final Duration keep;

    public SignInGuard(AuthProperties.SignIn limits, Clock clock, MeterRegistry meters) {
        this(limits, clock, meters, null);
    }

    public SignInGuard(AuthProperties.SignIn limits, Clock clock, MeterRegistry meters, SharedSignInFailures shared) {
        this.limits = limits;
        this.shared = shared;
        this.clock = clock;
        this.meters = meters;
        // forgotten after a quiet while; the lock itself never outlives max-lockout
        this.keep = limits.getForgetAfter().compareTo(limits.getMaxLockout()) > 0 ? limits.getForgetAfter() : limits.getMaxLockout();
        this.attempts = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(keep).build();
    }

    /** How long the username or the address is still locked (the longer of the two), if at all. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), limits.getMaxFailuresPerUser(), now);
        Duration addr = remaining(addressKey(address), limits.getMaxFailuresPerAddress(), now);
        Duration longest = user.compareTo(addr) >= 0 ? user : addr;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** An attempt refused because of a lock (the password was not checked). */
    public void refusedWhileLocked(String username, String address, String endpoint) {
        log.warn("Sign-in refused while locked: user={} address={} endpoint={}", printable(username), address, endpoint);
        counter("locked", endpoint).increment();
    }

    public void failed(String username, String address, String endpoint) {
        Instant now = clock.instant();
        int userFailures = username == null ? 0 : fail(userKey(username), limits.getMaxFailuresPerUser(), now);
        int addressFailures = fail(addressKey(address), limits.getMaxFailuresPerAddress(), now);
        log.warn("Sign-in failed: user={} address={} endpoint={} consecutive failures: user {}, address {}",
                printable(username), address, endpoint, userFailures, addressFailures);
        counter("bad_credentials", endpoint).increment();
    }

    public void succeeded(String username) {
        if (username != null) {
            attempts.invalidate(userKey(username));
            if (shared != null) {
                shared.clear(userKey(username));
            }
        }
    }

    private int fail(String key, int threshold, Instant now) {
        Attempts updated = attempts.asMap().compute(key, (k, old) -> {
            int failures = (old == null ? 0 : old.failures()) + 1;
            Instant lockedUntil = old == null ? null : old.lockedUntil();
            if (failures >= threshold) {
                lockedUntil = now.plus(lockout(failures - threshold));
            }
            return new Attempts(failures, lockedUntil);
        });
        if (shared != null) {
            var all = shared.fail(key, now, keep);
            if (all.isPresent()) {
                return all.get().failures();
            }
        }
        return updated.failures();
    }

    /** 30 s at the threshold, doubled by each further failure, capped. */
    private Duration lockout(int beyondThreshold) {
        Duration lock = limits.getLockout();
        for (int i = 0; i < beyondThreshold && lock.compareTo(limits.getMaxLockout()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(limits.getMaxLockout()) > 0 ? limits.getMaxLockout() : lock;
    }

    private Duration remaining(String key, int threshold, Instant now) {
        if (key == null) {
            return Duration.ZERO;
        }
        if (shared != null) {
            var all = shared.current(key, now, keep);
            if (all.isPresent()) {
                int failures = all.get().failures();
                if (failures < threshold) {
                    return Duration.ZERO;
                }
                // the lock the last failure set: the same rule as fail() applies locally
                Instant lockedUntil = all.get().lastFailure().plus(lockout(failures - threshold));
                return lockedUntil.isAfter(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
            }
        }
        Attempts current = attempts.getIfPresent(key);
        if (current == null || current.lockedUntil() == null || !current.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, current.lockedUntil());
    }

    private Counter counter(String outcome, String endpoint) {
        return Counter.builder("cchc.auth.signin.failures")
                .description("Failed or refused sign-ins at the built-in issuer")
                .tag("outcome", outcome).tag("endpoint", endpoint)
                .register(meters);
    }

    private static String userKey(String username) {
        return username == null ? null : "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }

    /** For the log: no control characters (no forged log lines), at most 64 characters. */
    static String printable(String username) {
        if (username == null) {
            return "-";
        }
        String clean = username.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }

    /** Seconds for Retry-After, rounded up. */
    public static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private record Attempts(int failures, Instant lockedUntil) {
    }
}
