package vn.cchc.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder standing between the service and the broker, to take the broker off the network and bring it
 * back: {@link #stop()} closes every open connection and drops every new one at once (clients see the broker vanish),
 * {@link #start()} forwards again.
 *
 * <p>The forwarder listens on a port of its own from construction to {@link #close()} and never lets it go in between:
 * a port that was free once and bound again later (or closed and reopened) may meanwhile be taken by another process
 * on a busy build machine.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private volatile boolean forwarding;

    /** Listens on a free loopback port at once; forwards nothing until {@link #forwardTo} and {@link #start}. */
    TcpProxy() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    void forwardTo(int port) {
        targetPort = port;
    }

    synchronized void start() {
        forwarding = true;
    }

    synchronized void stop() {
        forwarding = false;
        open.forEach(TcpProxy::close);
        open.clear();
    }

    @Override
    public void close() {
        stop();
        close(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client = null;
            try {
                client = server.accept();
                synchronized (this) {
                    if (!forwarding) {
                        close(client); // off the network: the connection drops at once
                        continue;
                    }
                    Socket upstream = new Socket("127.0.0.1", targetPort);
                    open.add(client);
                    open.add(upstream);
                    Socket from = client;
                    Thread.ofVirtual().start(() -> pipe(from, upstream));
                    Thread.ofVirtual().start(() -> pipe(upstream, from));
                }
            } catch (IOException e) {
                // closed by close(), or the broker refused: the client sees a dropped connection
                close(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // already closed
        }
    }
}
