package vn.cchc.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker goes away during a burst of writes through the gateway: killed with SIGKILL, or stopped cleanly, then
 * started again. Writes never depend on it (each event waits in its publication's outbox), so every write is accepted
 * while it is down, and once it is back every accepted write is counted exactly once by reporting-service.
 */
@ExtendWith(DrillStack.Started.class)
class KafkaBrokerDrillIT {
    static final int WRITES = 300;

    @Test
    void brokerKilledDuringABurstLosesAndDoublesNothing() {
        drill(2011, true);
    }

    @Test
    void brokerRestartedCleanlyMidFlowLosesAndDoublesNothing() {
        drill(2012, false);
    }

    private void drill(int year, boolean hard) {
        try (Burst burst = Burst.start(year, WRITES, 4)) {
            await().atMost(GroundTruth.PATIENCE).until(() -> burst.accepted() >= WRITES / 5);
            long before = burst.done();
            long down = System.nanoTime();
            if (hard) {
                DrillStack.killHard("kafka");
            } else {
                DrillStack.stop("kafka");
            }
            // writes go on being accepted with the broker gone: they wait in the outbox
            await("writes accepted with the broker down").atMost(GroundTruth.PATIENCE)
                    .until(() -> burst.accepted() >= before + WRITES / 5 || burst.done() == WRITES);
            boolean publicationReadyWhileDown = DrillStack.serviceReady(DrillStack.PUBLICATION_PORT);
            long acceptedWhileDown = burst.accepted() - before;
            long up = System.nanoTime();
            DrillStack.start("kafka");
            long brokerBack = System.nanoTime();
            burst.awaitDone();

            assertThat(burst.writes()).as("every write is accepted, the broker up or down").allMatch(Burst.Write::accepted);
            Duration caughtUp = GroundTruth.assertCounted(burst);
            System.out.printf("[drill] broker %s: %d writes (%s), ≥%d accepted while it was down (%.1f s), publication-service"
                            + " ready while down: %s, broker back in %.1f s, counts = ground truth %.1f s after that%n",
                    hard ? "killed -9" : "stopped", WRITES, burst.summary(), acceptedWhileDown, (up - down) / 1e9,
                    publicationReadyWhileDown, (brokerBack - up) / 1e9, caughtUp.toMillis() / 1e3);
        }
    }
}
