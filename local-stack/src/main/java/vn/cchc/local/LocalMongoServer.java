package vn.cchc.local;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire server with its H2 file backend, so the local stack keeps its data across restarts (each write
 * committed before it is acknowledged: {@link DurableH2Backend}).
 * Usage: {@code LocalMongoServer <data-file> [port]}; binds 127.0.0.1 only.
 */
public final class LocalMongoServer {
    private LocalMongoServer() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : ".local/data/mongo.mv");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        Files.createDirectories(file.toAbsolutePath().getParent());
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
        System.out.println("MongoDB wire server listening on 127.0.0.1:" + port + ", data in " + file.toAbsolutePath());
        Thread.currentThread().join();
    }
}
