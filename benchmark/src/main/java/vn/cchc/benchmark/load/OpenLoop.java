package vn.cchc.benchmark.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import vn.cchc.benchmark.stats.LatencySummary;

/**
 * Open-loop load at a constant arrival rate: request i is due at {@code start + i / rate}, whatever happened to the
 * earlier ones, and its latency is measured from that due time, not from when it was actually sent. A stalled system
 * (or a stalled client) therefore shows up in the latencies instead of silently lowering the rate (coordinated
 * omission). The sender must be asynchronous (e.g. {@code HttpClient.sendAsync}); one dispatcher thread keeps the
 * schedule.
 */
public final class OpenLoop {
    private OpenLoop() {
    }

    /** Due time of request {@code i} in nanoseconds after the start. */
    static long dueOffsetNanos(long i, double perSecond) {
        return Math.round(i * 1_000_000_000.0 / perSecond);
    }

    /** How many requests a step of this rate and length sends. */
    static int requestCount(double perSecond, Duration length) {
        return (int) Math.floor(perSecond * length.toNanos() / 1_000_000_000.0);
    }

    /**
     * Runs one step.
     *
     * @param send    called with the request's due time ({@link System#nanoTime()} scale); completes with its outcome
     * @param timeout how long to wait for the last answers once everything is sent
     */
    public static StepResult run(double perSecond, Duration length, Duration timeout, LongFunction<CompletableFuture<Outcome>> send) {
        int count = requestCount(perSecond, length);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Object> payloads = new ConcurrentLinkedQueue<>();
        Map<String, Integer> errors = new TreeMap<>();
        AtomicLong lastAnswer = new AtomicLong();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + dueOffsetNanos(i, perSecond);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<Outcome> answer;
            try {
                answer = send.apply(due);
            } catch (RuntimeException e) {
                answer = CompletableFuture.completedFuture(Outcome.failure(e.toString()));
            }
            inFlight.add(answer.handle((outcome, failure) -> {
                long now = System.nanoTime();
                lastAnswer.accumulateAndGet(now, Math::max);
                Outcome o = failure != null ? Outcome.failure(rootCause(failure)) : outcome;
                if (o.ok()) {
                    latencies.add((now - due) / 1000);
                    if (o.payload() != null) {
                        payloads.add(o.payload());
                    }
                } else {
                    synchronized (errors) {
                        errors.merge(o.error(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            long unanswered = inFlight.stream().filter(f -> !f.isDone()).count();
            synchronized (errors) {
                errors.merge("no answer within " + timeout.toSeconds() + " s", (int) unanswered, Integer::sum);
            }
        }
        int ok = latencies.size();
        double seconds = Math.max(1, lastAnswer.get() - start) / 1e9;
        Map<String, Integer> errorCopy;
        synchronized (errors) {
            errorCopy = new TreeMap<>(errors);
        }
        return new StepResult(perSecond, count, ok, ok == 0 ? 0 : ok / seconds, LatencySummary.ofMicros(latencies), errorCopy,
                List.copyOf(payloads));
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
