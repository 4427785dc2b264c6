package vn.cchc.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB wire-protocol server (mongo-java-server, memory backend) for tests, reached over TCP
 * by the real driver. One server per test JVM; each test class picks its own database name.
 */
public final class MongoWireServer {
    private static MongoServer server;

    private MongoWireServer() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return server.getConnectionString() + "/" + database;
    }
}
