package vn.cchc.benchmark.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a figure depends on: the machine (cores, RAM, load), the benchmark's JVM and its flags, the OS. */
public final class Environment {
    private Environment() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> env = new LinkedHashMap<>();
        Runtime rt = Runtime.getRuntime();
        env.put("cores", rt.availableProcessors());
        env.put("memTotalBytes", memTotal());
        env.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
        env.put("benchmarkJvmFlags", flags);
        env.put("benchmarkMaxHeapBytes", rt.maxMemory());
        return env;
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
