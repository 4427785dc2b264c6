package vn.cchc.benchmark.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local stack under one {@code CCHC_HOME}: started and stopped with {@code run-local.sh} (when the benchmark is
 * asked to), and inspected through its pid files: the resident memory of every process and the JVM flags it runs with.
 */
public final class LocalStack {
    private final Path root;
    private final Path home;
    private final Map<String, String> env;

    public LocalStack(Path root, Path home, int portBase, int mongoPort, int kafkaPort) {
        this.root = root;
        this.home = home;
        this.env = Map.of("CCHC_HOME", home.toString(), "CCHC_PORT_BASE", String.valueOf(portBase),
                "CCHC_MONGO_PORT", String.valueOf(mongoPort), "CCHC_KAFKA_PORT", String.valueOf(kafkaPort),
                "CCHC_RATE_LIMIT", "100000");
    }

    /**
     * run-local.sh gives each service 240 s to become ready; on a loaded shared machine that is sometimes not enough.
     * A second call finds the processes already running and only waits for them again.
     */
    public void start() throws IOException, InterruptedException {
        try {
            run("--detach");
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage() + "; waiting once more for the processes already started");
            run("--detach");
        }
    }

    public void stop() throws IOException, InterruptedException {
        run("stop");
    }

    private void run(String argument) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("run-local.sh").toString(), argument).directory(root.toFile()).inheritIO();
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("run-local.sh " + argument + " exited with " + exit);
        }
    }

    /** Process name → pid of every live process of the stack (its pid files). */
    public Map<String, Long> processes() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        Path dir = home.resolve("pids");
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                long pid = Long.parseLong(Files.readString(file).trim());
                if (Files.exists(Path.of("/proc", String.valueOf(pid)))) {
                    pids.put(file.getFileName().toString().replace(".pid", ""), pid);
                }
            }
        }
        return pids;
    }

    /** Resident set size (VmRSS) of one process in bytes, or -1 when it cannot be read (not Linux, gone). */
    public static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The JVM options of a process (its command line up to the main class or jar). */
    public static List<String> jvmOptions(long pid) {
        List<String> options = new ArrayList<>();
        try {
            String[] args = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8).split("\0");
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("-jar") || args[i].equals("-cp") || !args[i].startsWith("-")) {
                    break;
                }
                options.add(args[i]);
            }
        } catch (IOException e) {
            options.add("(unreadable: " + e.getMessage() + ")");
        }
        return options;
    }
}
