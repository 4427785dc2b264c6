package vn.cchc.system.drills;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.cchc.platform.test.Http;
import vn.cchc.system.LocalStack;

/**
 * The fault drills' own local stack: {@code ./run-local.sh --detach} with a second {@code CCHC_HOME} and port set, so
 * killing its processes never disturbs the stack the other system tests share ({@link LocalStack}). Ports from the
 * system properties {@code cchc.drill.port-base} (8280: gateway, services base+1..base+4, replicas base+5, base+6,
 * the gateway's management port base+90), {@code cchc.drill.mongo-port} (27037), {@code cchc.drill.kafka-port} (19102).
 * Started at the first drill class ({@code @ExtendWith(DrillStack.Started.class)}), stopped when the run ends.
 * The gateway's rate limit is lifted on it: a drill writes hundreds of publications as one editor in seconds.
 */
public final class DrillStack {
    public static final int PORT_BASE = Integer.getInteger("cchc.drill.port-base", 8280);
    public static final int MONGO_PORT = Integer.getInteger("cchc.drill.mongo-port", 27037);
    public static final int KAFKA_PORT = Integer.getInteger("cchc.drill.kafka-port", 19102);
    public static final String GATEWAY = "http://127.0.0.1:" + PORT_BASE;
    public static final int PUBLICATION_PORT = PORT_BASE + 3;
    public static final int REPORTING_PORT = PORT_BASE + 4;
    /** Where the second instances of {@link ReplicasDrillIT} listen. */
    public static final int PUBLICATION_REPLICA_PORT = PORT_BASE + 5;
    public static final int REPORTING_REPLICA_PORT = PORT_BASE + 6;
    public static final String BROKERS = "127.0.0.1:" + KAFKA_PORT;
    static final Path FIRST_HOME = Path.of(System.getProperty("cchc.drill.home", "target/drill-stack")).toAbsolutePath();
    private static final Map<String, String> ENV = Map.of("CCHC_RATE_LIMIT", "1000000");

    /** The CCHC_HOME the stack runs from: the backup drill moves it to the home it restored into. */
    private static volatile Path home = FIRST_HOME;

    private DrillStack() {
    }

    static Path home() {
        return home;
    }

    static void runLocal(Duration timeout, String... args) {
        runLocal(home, timeout, args);
    }

    static void runLocal(Path where, Duration timeout, String... args) {
        try {
            LocalStack.runLocal(where, PORT_BASE, MONGO_PORT, KAFKA_PORT, ENV, timeout, args);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code ./run-local.sh kill name}: SIGTERM, waits for the exit. */
    static void stop(String name) {
        runLocal(Duration.ofMinutes(1), "kill", name);
    }

    /** {@code ./run-local.sh kill name --hard}: SIGKILL, a crash. */
    static void killHard(String name) {
        runLocal(Duration.ofMinutes(1), "kill", name, "--hard");
    }

    /** {@code ./run-local.sh start name}: the same command as the first start; returns when it is ready. */
    static void start(String name) {
        runLocal(Duration.ofMinutes(5), "start", name);
    }

    /** {@code ./run-local.sh replica service port}: returns when the second instance is ready. */
    static void replica(String service, int port) {
        runLocal(Duration.ofMinutes(5), "replica", service, Integer.toString(port));
    }

    /** Stops the stack of {@link #home()} and starts the one in {@code next} (same ports); returns when all are ready. */
    static void moveTo(Path next) {
        runLocal(Duration.ofMinutes(2), "stop");
        home = next;
        startDetached();
    }

    static void startDetached() {
        try {
            runLocal(Duration.ofMinutes(6), "--detach");
        } catch (AssertionError slow) { // the script's own waits ran out on a loaded machine: give the services more time
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(DrillStack::allReady);
        }
    }

    static boolean allReady() {
        for (int port = PORT_BASE; port <= PORT_BASE + 4; port++) {
            String readiness = port == PORT_BASE ? "/readyz" : "/actuator/health/readiness";
            if (!ready(port, readiness)) {
                return false;
            }
        }
        return true;
    }

    static boolean ready(int port, String path) {
        try {
            return Http.get("http://127.0.0.1:" + port + path).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A service's readiness probe (not the gateway's). */
    static boolean serviceReady(int port) {
        return ready(port, "/actuator/health/readiness");
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
    }

    /** Starts the drill stack on first use (fresh data), stops it at the end of the run; a failed start is not retried. */
    public static final class Started implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(DrillStack.class, key -> Running.start(), Running.class);
            if (running.failure != null) {
                throw new IllegalStateException("the drill stack did not start (see " + FIRST_HOME.resolve("logs") + ")",
                        running.failure);
            }
        }
    }

    /** Stops the stack (whichever home it runs from) when JUnit closes the root store, i.e. after the last class. */
    static final class Running implements AutoCloseable {
        final Throwable failure;

        private Running(Throwable failure) {
            this.failure = failure;
        }

        static Running start() {
            org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(500));
            try {
                deleteRecursively(FIRST_HOME);
                deleteRecursively(BackupRestoreDrillIT.RESTORED_HOME);
                startDetached();
                return new Running(null);
            } catch (Throwable e) {
                try {
                    runLocal(Duration.ofMinutes(2), "stop");
                } catch (Throwable stopFailure) {
                    e.addSuppressed(stopFailure);
                }
                return new Running(e);
            }
        }

        @Override
        public void close() {
            runLocal(Duration.ofMinutes(2), "stop");
        }
    }
}
