package vn.cchc.system.drills;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import vn.cchc.platform.test.Http;

/**
 * A burst of publications written by a few concurrent clients, each with a link of its own, and what every write got:
 * 201 (the ground truth: it must be counted exactly once), another status, or no answer at all. A drill breaks
 * something while the burst runs.
 */
final class Burst implements AutoCloseable {
    /** One write: its link, the status (0: no answer, the connection failed or timed out), when it ended, how long it took. */
    record Write(String url, int status, String body, long endedAtNanos, long millis) {
        boolean accepted() {
            return status == 201;
        }
    }

    private final int year;
    private final int total;
    private final String base;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final ExecutorService clients;
    private final java.util.List<Future<?>> running = new java.util.ArrayList<>();

    private Burst(String base, int year, int total, int clients) {
        this.base = base;
        this.year = year;
        this.total = total;
        this.clients = Executors.newFixedThreadPool(clients);
    }

    /** Starts {@code total} writes through the gateway by {@code clients} concurrent clients. */
    static Burst start(int year, int total, int clients) {
        return start(DrillStack.GATEWAY, year, total, clients);
    }

    /** The same, to the publication-service at {@code base} (a replica, directly). */
    static Burst start(String base, int year, int total, int clients) {
        DrillApi.editor(); // the token before the clients start, not one login each
        Burst burst = new Burst(base, year, total, clients);
        for (int i = 0; i < clients; i++) {
            burst.running.add(burst.clients.submit(burst::write));
        }
        return burst;
    }

    private void write() {
        int i;
        while ((i = next.getAndIncrement()) < total) {
            String url = "https://phukhuong.vinhlong.gov.vn/drill/%d/%s/%d".formatted(year, run, i);
            writes.add(one(base, url, year));
        }
    }

    /** One write, whatever happens to it. */
    static Write one(String base, String url, int year) {
        long started = System.nanoTime();
        try {
            Http.Response response = DrillApi.record(base, url, year);
            long now = System.nanoTime();
            return new Write(url, response.status(), response.body(), now, (now - started) / 1_000_000);
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            return new Write(url, 0, String.valueOf(e), now, (now - started) / 1_000_000);
        }
    }

    long accepted() {
        return writes.stream().filter(Write::accepted).count();
    }

    long done() {
        return writes.size();
    }

    Set<String> acceptedUrls() {
        return writes.stream().filter(Write::accepted).map(Write::url).collect(Collectors.toSet());
    }

    Set<String> notAcceptedUrls() {
        return writes.stream().filter(w -> !w.accepted()).map(Write::url).collect(Collectors.toSet());
    }

    java.util.List<Write> writes() {
        return java.util.List.copyOf(writes);
    }

    int year() {
        return year;
    }

    /** Waits until every write has its answer. */
    Burst awaitDone() {
        await("the burst of " + total + " writes").atMost(Duration.ofMinutes(3)).until(() -> writes.size() == total);
        return this;
    }

    /** Status → number of writes, for the report. */
    String summary() {
        return writes.stream().collect(Collectors.groupingBy(Write::status, java.util.TreeMap::new, Collectors.counting())).toString();
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
