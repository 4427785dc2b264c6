package vn.cchc.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;

/**
 * reporting-service dies while it works: killed with SIGKILL while it catches up a backlog (its offsets and read models
 * part-written), and restarted while it rebuilds its read models from the topics. Either way, once it is back (and a
 * rebuild has completed), its counts equal the ground truth. (Killing it at a chosen point of a batch's writes would
 * need a hook in the service; it is killed as soon as its committed offset shows a first batch of a 1,200-event
 * backlog applied, while it applies the next.)
 */
@ExtendWith(DrillStack.Started.class)
class ReportingDrillIT {
    static final String REPORTING = "reporting-service";

    @Test
    void killedMidBatchWhileCatchingUpABacklogCountsEachWriteOnce() throws Exception {
        int year = 2013;
        int writes = 1200; // more than two polls (max.poll.records 500): a backlog applied batch after batch
        DrillStack.killHard(REPORTING);
        Burst burst = Burst.start(year, writes, 4);
        try (burst) {
            burst.awaitDone();
        }
        assertThat(burst.writes()).as("writes do not need reporting-service").allMatch(Burst.Write::accepted);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, DrillStack.BROKERS))) {
            long committedBefore = committed(admin);
            long end = committedBefore + writes;
            DrillStack.runLocal(Duration.ofMinutes(1), "start", REPORTING, "--no-wait");
            // kill it as soon as it has committed a first batch of the backlog, while it applies the next
            await("reporting commits a first batch of the backlog").atMost(GroundTruth.PATIENCE).pollInterval(Duration.ofMillis(50))
                    .until(() -> committed(admin) > committedBefore);
            DrillStack.killHard(REPORTING);
            long atKill = committed(admin) - committedBefore;
            long restarted = System.nanoTime();
            DrillStack.start(REPORTING);
            long ready = System.nanoTime();
            Duration caughtUp = GroundTruth.assertCounted(burst);
            System.out.printf("[drill] reporting-service killed -9 with %d of the %d events of the backlog committed (end offset %d);"
                    + " ready again in %.1f s, counts = ground truth %.1f s later%n", atKill, writes, end,
                    (ready - restarted) / 1e9, caughtUp.toMillis() / 1e3);
            assertThat(atKill).as("killed before the end of the backlog").isLessThan(writes);
        }
    }

    /** reporting-service's committed offsets on the publication topic, all partitions. */
    private static long committed(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets("reporting-service").partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .entrySet().stream().filter(e -> e.getKey().topic().equals("cchc.publication.events") && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    @Test
    void restartedDuringARebuildThenRebuiltCountsEqualTheGroundTruth() {
        int year = 2015;
        try (Burst burst = Burst.start(year, 100, 4)) {
            burst.awaitDone();
            GroundTruth.assertCounted(burst);
        }
        Map<Integer, Long> proven = Map.copyOf(GroundTruth.PROVEN);

        Http.Response started = Http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(DrillStack.GATEWAY + "/api/reports/admin/rebuild")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()),
                "Authorization", DrillApi.admin());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String stateAtRestart = rebuildState();
        DrillStack.stop(REPORTING);
        DrillStack.start(REPORTING);
        // the abandoned rebuild changed nothing: the old generation serves
        proven.forEach((y, n) -> assertThat(DrillApi.count(y)).as("count of %d after the restart", y).isEqualTo(n));

        long rebuilding = System.nanoTime();
        await("a new rebuild is accepted").atMost(GroundTruth.PATIENCE).until(() -> Http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(DrillStack.GATEWAY + "/api/reports/admin/rebuild")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()),
                "Authorization", DrillApi.admin()).status() == 202);
        await("the rebuild is done").atMost(GroundTruth.PATIENCE).until(() -> "DONE".equals(rebuildState()));
        long rebuilt = System.nanoTime();
        proven.forEach((y, n) -> assertThat(DrillApi.count(y)).as("count of %d after the rebuild", y).isEqualTo(n));
        System.out.printf("[drill] reporting-service restarted during a rebuild (state then: %s); the next rebuild took %.1f s,"
                + " counts of %s = ground truth%n", stateAtRestart, (rebuilt - rebuilding) / 1e9, proven);
    }

    private static String rebuildState() {
        Http.Response response = Http.get(DrillStack.GATEWAY + "/api/reports/admin/rebuild", "Authorization", DrillApi.admin());
        if (response.status() != 200 || response.body().isBlank()) {
            return null;
        }
        JsonNode state = DrillApi.JSON.readTree(response.body()).get("state");
        return state == null ? null : state.asString();
    }
}
