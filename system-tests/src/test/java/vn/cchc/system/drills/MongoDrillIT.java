package vn.cchc.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cchc.platform.test.TopicReader;

/**
 * The MongoDB wire server is killed with SIGKILL during a burst of writes and started again. While it is gone a write
 * is answered 503 Problem Details within about two seconds (nothing changed, send it again) and the services' readiness
 * goes DOWN; when it is back they recover by themselves, without a restart, and every write answered 201 - before,
 * during or after - is stored and counted exactly once. The local wire server commits each write before acknowledging
 * it (local-stack's DurableH2Backend), so a SIGKILL loses nothing it acknowledged, as a journaling MongoDB would.
 */
@ExtendWith(DrillStack.Started.class)
class MongoDrillIT {
    static final int WRITES = 300;
    static final String DEAD_LETTERS = "cchc.publication.events.reporting-service.dlq";

    @Test
    void mongoKilledDuringABurstFailsFastThenRecoversWithoutRestarts() {
        int year = 2014;
        Set<String> probes = new HashSet<>();
        try (Burst burst = Burst.start(year, WRITES, 4)) {
            await().atMost(GroundTruth.PATIENCE).until(() -> burst.accepted() >= WRITES / 4);
            long killed = System.nanoTime();
            DrillStack.killHard("mongo");

            // a write now: 503 Problem Details, quickly (MongoFailFast), and not stored
            Burst.Write refused = Burst.one(DrillStack.GATEWAY, "https://phukhuong.vinhlong.gov.vn/drill/refused/" + killed, year);
            probes.add(refused.url());
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).contains("\"status\":503");
            assertThat(refused.millis()).as("answered within the fail-fast time (2 s) and some slack for a loaded machine")
                    .isLessThan(5000);
            await("publication-service not ready").atMost(Duration.ofSeconds(60)).until(() -> !DrillStack.serviceReady(DrillStack.PUBLICATION_PORT));
            long notReady = System.nanoTime();

            long restarting = System.nanoTime();
            DrillStack.start("mongo");
            await("publication-service ready again, not restarted").atMost(GroundTruth.PATIENCE)
                    .until(() -> DrillStack.serviceReady(DrillStack.PUBLICATION_PORT));
            long ready = System.nanoTime();
            await("a write accepted again").atMost(GroundTruth.PATIENCE).until(() -> {
                Burst.Write again = Burst.one(DrillStack.GATEWAY, "https://phukhuong.vinhlong.gov.vn/drill/again/" + System.nanoTime(), year);
                probes.add(again.url());
                return again.accepted();
            });
            long accepting = System.nanoTime();
            burst.awaitDone();

            Set<String> accepted = new HashSet<>(burst.acceptedUrls());
            Set<String> stored = DrillApi.storedUrls(year);
            probes.stream().filter(stored::contains).forEach(accepted::add); // the retry probe that got 201
            long refusedWrites = burst.writes().stream().filter(w -> w.status() == 503).count();
            System.out.printf("[drill] MongoDB killed -9: a write refused 503 in %d ms, publication-service not ready %.1f s"
                            + " after the kill; server restarted, ready again %.1f s and writes accepted %.1f s after its start;"
                            + " burst %s (%d refused 503)%n",
                    refused.millis(), (notReady - killed) / 1e9, (ready - restarting) / 1e9, (accepting - restarting) / 1e9,
                    burst.summary(), refusedWrites);
            assertThat(stored).as("the refused probe changed nothing").doesNotContain(refused.url());
            // a valid event whose projection failed because MongoDB was away must wait for it, not be dead-lettered:
            // nothing would count it until someone replays the dead-letter topic
            assertThat(deadLettered(year)).as("valid events of this drill put on " + DEAD_LETTERS + " during the outage").isEmpty();
            Duration caughtUp = GroundTruth.assertCounted(year, accepted, GroundTruth.uncertainOf(burst));
            System.out.printf("[drill] MongoDB: counts = ground truth %.1f s after the checks began%n", caughtUp.toMillis() / 1e3);
        }
    }

    /** The drill's events on reporting-service's dead-letter topic, with the reason each was put there. */
    private static java.util.List<String> deadLettered(int year) {
        try (TopicReader reader = new TopicReader(DrillStack.BROKERS, DEAD_LETTERS)) {
            return reader.pollToEnd(Duration.ofSeconds(30)).stream()
                    .filter(r -> TopicReader.value(r).contains("/drill/" + year + "/"))
                    .map(r -> TopicReader.header(r, "ce_id") + ": " + TopicReader.header(r, "x-exception-message"))
                    .toList();
        } catch (IllegalStateException noTopic) { // never created: nothing was dead-lettered
            return java.util.List.of();
        }
    }
}
