package vn.cchc.benchmark.province;

import java.nio.file.Path;
import vn.cchc.benchmark.stack.LocalStack;

/**
 * {@code ./mvnw -q -pl benchmark compile exec:exec -Dbench.args="province --communes 300 --start-stack"}: builds a
 * province through the public API and measures it. Exit code 0 when the run completed and everything was counted, 1
 * when it broke, 2 for bad options. The figures themselves never change the exit code.
 */
public final class ProvinceMain {
    private ProvinceMain() {
    }

    public static int run(String... args) {
        ProvinceOptions options;
        try {
            options = ProvinceOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (options.has("help")) {
            System.out.print(ProvinceOptions.usage());
            return 0;
        }
        Path root = Path.of(options.string("root")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root, root.resolve(options.string("stack-home")), options.integer("port-base"),
                options.integer("mongo-port"), options.integer("kafka-port"));
        try {
            if (options.has("start-stack")) {
                stack.start();
            }
            return new ProvinceRun(options, root).execute() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        } finally {
            if (options.has("start-stack")) {
                try {
                    stack.stop();
                } catch (Exception e) {
                    System.err.println("stopping the stack: " + e);
                }
            }
        }
    }
}
