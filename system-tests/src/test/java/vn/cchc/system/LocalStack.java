package vn.cchc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import vn.cchc.platform.test.Http;

/**
 * The local stack, started once for the whole test run: {@code ./run-local.sh --detach} (Kafka, the MongoDB wire
 * server and the five services as separate processes, the jars this build just packaged) on the ports given by the
 * system properties {@code cchc.port-base} (8080: gateway, services on base+1..base+4), {@code cchc.mongo-port}
 * (27017) and {@code cchc.kafka-port} (19092), so several stacks can run on one machine, and
 * {@code ./run-local.sh stop} when the last test class of the run is done. Test classes share it with
 * {@code @ExtendWith(LocalStack.Started.class)}; it lives in JUnit's root store, so it starts at the first class that
 * asks for it and stops when the run ends, whatever the order of the classes.
 */
public final class LocalStack {
    public static final int PORT_BASE = Integer.getInteger("cchc.port-base", 8080);
    public static final int MONGO_PORT = Integer.getInteger("cchc.mongo-port", 27017);
    public static final int KAFKA_PORT = Integer.getInteger("cchc.kafka-port", 19092);
    public static final String GATEWAY = "http://127.0.0.1:" + PORT_BASE;
    /** Where the gateway serves /actuator/** (its health and metrics): its management port, run-local.sh's base + 90. */
    public static final int GATEWAY_MANAGEMENT_PORT = PORT_BASE + 90;
    public static final Path ROOT = Path.of(System.getProperty("cchc.root", "..")).toAbsolutePath().normalize();
    public static final Path HOME = Path.of(System.getProperty("cchc.home", "target/local-stack")).toAbsolutePath();

    private LocalStack() {
    }

    /** Starts the stack on first use (fresh data), stops it at the end of the run; a failed start is not retried. */
    public static final class Started implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(LocalStack.class, key -> start(), Running.class);
            if (running.failure != null) {
                throw new IllegalStateException("the local stack did not start (see " + HOME.resolve("logs") + ")", running.failure);
            }
        }

        private static Running start() {
            org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(500));
            try {
                deleteRecursively(HOME);
                startDetached();
                return new Running(null);
            } catch (Throwable e) {
                try {
                    runLocal(Duration.ofMinutes(2), "stop"); // nothing started is left behind
                } catch (Throwable stopFailure) {
                    e.addSuppressed(stopFailure);
                }
                return new Running(e);
            }
        }
    }

    /**
     * {@code ./run-local.sh --detach}. The script gives each service 240 s to become ready; on a loaded machine (two
     * shared cores, other builds running) that is not always enough, so when it gives up the services it started
     * are given more time before the start counts as failed.
     */
    static void startDetached() throws IOException, InterruptedException {
        try {
            runLocal(Duration.ofMinutes(6), "--detach");
        } catch (AssertionError slow) {
            try {
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(LocalStack::allReady);
            } catch (RuntimeException stillNot) {
                slow.addSuppressed(stillNot);
                throw slow;
            }
        }
    }

    static boolean allReady() {
        for (int port = PORT_BASE; port <= PORT_BASE + 4; port++) {
            try {
                // the gateway's actuator is on its management port; its public port answers readiness at /readyz
                String readiness = port == PORT_BASE ? "/readyz" : "/actuator/health/readiness";
                if (Http.get("http://127.0.0.1:" + port + readiness).status() != 200) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /** Stops the stack when JUnit closes the root store, i.e. after the last test class. */
    static final class Running implements AutoCloseable {
        final Throwable failure;

        Running(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public void close() throws Exception {
            if (failure == null) {
                runLocal(Duration.ofMinutes(2), "stop");
            }
        }
    }

    static void runLocal(Duration timeout, String... args) throws IOException, InterruptedException {
        runLocal(HOME, PORT_BASE, MONGO_PORT, KAFKA_PORT, java.util.Map.of(), timeout, args);
    }

    /**
     * {@code ./run-local.sh args} for the stack in {@code home} on the given ports (the fault drills run their own stack
     * with it, vn.cchc.system.drills); {@code env} adds to or overrides the environment given to the script.
     */
    public static void runLocal(Path home, int portBase, int mongoPort, int kafkaPort, java.util.Map<String, String> env,
                                Duration timeout, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = ROOT.resolve("run-local.sh").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolveSibling(
                        home.equals(HOME) ? "run-local.log" : home.getFileName() + ".log").toFile()));
        builder.environment().put("CCHC_HOME", home.toString());
        builder.environment().put("CCHC_SKIP_BUILD", "1"); // this Maven build has just packaged the jars
        builder.environment().put("CCHC_PORT_BASE", Integer.toString(portBase));
        builder.environment().put("CCHC_MONGO_PORT", Integer.toString(mongoPort));
        builder.environment().put("CCHC_KAFKA_PORT", Integer.toString(kafkaPort));
        // the test stack only: publication-service may read feeds on 127.0.0.2, where the feed test serves its own
        // (cchc.feeds.allowed-networks, empty by default: feed addresses come from users); 127.0.0.2 only, so the attack
        // suite's loopback addresses (127.0.0.1, [::1], …) are still refused
        builder.environment().put("CCHC_FEEDS_ALLOWED_NETWORKS", "127.0.0.2/32");
        // the public transparency page (/cong-khai) is off unless a province is listed: the system tests open Vĩnh Long's
        builder.environment().put("CCHC_TRANSPARENCY_PROVINCES", System.getProperty("cchc.transparency-provinces", "vinh-long"));
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("run-local.sh %s finished in time", String.join(" ", args)).isTrue();
        assertThat(process.exitValue()).as("run-local.sh %s exit code", String.join(" ", args)).isZero();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(path);
    }
}
