package vn.cchc.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The end of every drill: what the writers were told against what the platform holds. Every write answered 201 is stored
 * (0 lost); nothing is stored that the drill did not write, and nothing it was refused with a definite answer; reporting
 * counts each stored publication exactly once (0 doubled), and the count stays there. What each drill proved is kept
 * per year for {@link BackupRestoreDrillIT}.
 */
final class GroundTruth {
    static final Duration PATIENCE = Duration.ofMinutes(3);
    /** year → publications stored and counted, for the drills run so far. */
    static final Map<Integer, Long> PROVEN = new ConcurrentHashMap<>();

    private GroundTruth() {
    }

    /**
     * Checks the year's publications against the writes' answers, then waits until reporting's count (through the
     * gateway) equals them and stays equal for a few seconds. Returns the time reporting took to get there.
     *
     * @param uncertain links whose write got no definite answer (the connection broke while a process died): they may
     *                  or may not be stored, but may not be counted twice
     */
    static Duration assertCounted(int year, Set<String> accepted, Set<String> uncertain) {
        Set<String> stored = DrillApi.storedUrls(year);
        assertThat(stored).as("every write answered 201 is stored (0 lost)").containsAll(accepted);
        Set<String> extra = new HashSet<>(stored);
        extra.removeAll(accepted);
        assertThat(uncertain).as("what is stored besides the 201s is only writes without a definite answer").containsAll(extra);
        long expected = stored.size();
        long started = System.nanoTime();
        await("reporting counts " + expected + " publications in " + year).atMost(PATIENCE)
                .untilAsserted(() -> assertThat(DrillApi.count(year)).isEqualTo(expected));
        Duration caughtUp = Duration.ofNanos(System.nanoTime() - started);
        // …and no late duplicate moves it afterwards (0 doubled)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(DrillApi.count(year)).isEqualTo(expected));
        PROVEN.put(year, expected);
        return caughtUp;
    }

    static Duration assertCounted(Burst burst) {
        return assertCounted(burst.year(), burst.acceptedUrls(), uncertainOf(burst));
    }

    /** Writes without a definite answer: no response (0) or a 5xx other than the fail-fast 503, which changed nothing. */
    static Set<String> uncertainOf(Burst burst) {
        Set<String> uncertain = new HashSet<>();
        burst.writes().stream().filter(w -> w.status() == 0 || (w.status() >= 500 && w.status() != 503))
                .forEach(w -> uncertain.add(w.url()));
        return uncertain;
    }
}
