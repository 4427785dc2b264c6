package vn.cchc.system.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backup and restore of the local stack, as docs/operations.md describes it: stop the stack, copy {@code CCHC_HOME/data}
 * (the MongoDB file, the broker's log directories, the gateway's signing keys), restore the copy into a fresh home, start
 * from there: every count is what it was, and the restored stack goes on working (a new write is counted once, so the
 * consumers' committed offsets came back with the topics). The drill stack then runs from the restored home.
 */
@ExtendWith(DrillStack.Started.class)
class BackupRestoreDrillIT {
    static final Path RESTORED_HOME = DrillStack.FIRST_HOME.resolveSibling("drill-stack-restored");

    @Test
    void aCopyOfTheStoppedStacksDataStartsWithEveryCountEqual() throws IOException {
        int year = 2017;
        try (Burst burst = Burst.start(year, 50, 2)) {
            burst.awaitDone();
            GroundTruth.assertCounted(burst);
        }
        Map<Integer, Long> proven = Map.copyOf(GroundTruth.PROVEN);
        Set<String> storedBefore = DrillApi.storedUrls(year);

        long started = System.nanoTime();
        DrillStack.runLocal(Duration.ofMinutes(2), "stop");
        Path backup = Files.createTempDirectory(DrillStack.FIRST_HOME.getParent(), "drill-backup-");
        copy(DrillStack.home().resolve("data"), backup.resolve("data"));
        long copied = System.nanoTime();
        DrillStack.deleteRecursively(RESTORED_HOME);
        copy(backup.resolve("data"), RESTORED_HOME.resolve("data"));
        DrillStack.moveTo(RESTORED_HOME);
        long restored = System.nanoTime();

        proven.forEach((y, n) -> assertThat(DrillApi.count(y)).as("count of %d after the restore", y).isEqualTo(n));
        assertThat(DrillApi.storedUrls(year)).isEqualTo(storedBefore);
        Burst.Write after = Burst.one(DrillStack.GATEWAY, "https://phukhuong.vinhlong.gov.vn/drill/after-restore/" + started, year);
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        await("the write after the restore counted once").atMost(GroundTruth.PATIENCE)
                .untilAsserted(() -> assertThat(DrillApi.count(year)).isEqualTo(proven.get(year) + 1));
        GroundTruth.PROVEN.put(year, proven.get(year) + 1);
        DrillStack.deleteRecursively(backup);
        System.out.printf("[drill] backup: stop and copy %.1f s (MongoDB file %d MB), restore and start %.1f s; counts of %s equal%n",
                (copied - started) / 1e9, Files.size(RESTORED_HOME.resolve("data/mongo.mv")) / 1_000_000, (restored - copied) / 1e9, proven);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
