package vn.cchc.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A MongoDB wire server (memory backend) on a fixed free port that a test can stop, as if MongoDB went down under a
 * running service (its connections closed, new ones refused), and start again on the same port. What it held is gone
 * after a stop: a test counts only what is written after the restart.
 */
public final class StoppableMongoServer implements AutoCloseable {
    private final int port = freePort();
    private MongoServer server;

    public StoppableMongoServer() {
        start();
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    public synchronized void start() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
