package vn.cchc.benchmark;

import java.nio.file.Path;
import vn.cchc.benchmark.stack.LocalStack;

/**
 * Entry point: {@code ./mvnw -q -pl benchmark compile exec:exec -Dbench.args="--smoke --start-stack"} (docs/performance.md);
 * {@code -Dbench.args="province --communes 300 …"} runs the province generator instead ({@link vn.cchc.benchmark.province.ProvinceMain}).
 * Exit code 0 when every count matched (performance conditions only print PASS/FAIL), 1 when a count did not match or
 * the run broke, 2 for bad options.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("province")) {
            // the province generator (docs/performance.md, "Province scale"): its own options
            System.exit(vn.cchc.benchmark.province.ProvinceMain.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.has("help")) {
            System.out.print(Options.usage());
            return;
        }
        Path root = Path.of(options.string("root")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root, root.resolve(options.string("stack-home")), options.integer("port-base"),
                options.integer("mongo-port"), options.integer("kafka-port"));
        int exit;
        try {
            if (options.has("start-stack")) {
                stack.start();
            }
            exit = new BenchmarkRun(options, stack, root).execute() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            if (options.has("start-stack")) {
                try {
                    stack.stop();
                } catch (Exception e) {
                    System.err.println("stopping the stack: " + e);
                }
            }
        }
        System.exit(exit);
    }
}
