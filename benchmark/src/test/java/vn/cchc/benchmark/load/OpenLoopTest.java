package vn.cchc.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class OpenLoopTest {
    @Test
    void scheduleIsEvenlySpacedAndSizedByRateAndLength() {
        assertThat(OpenLoop.dueOffsetNanos(0, 50)).isZero();
        assertThat(OpenLoop.dueOffsetNanos(1, 50)).isEqualTo(20_000_000);
        assertThat(OpenLoop.dueOffsetNanos(3, 400)).isEqualTo(7_500_000);
        assertThat(OpenLoop.requestCount(25, Duration.ofSeconds(60))).isEqualTo(1500);
        assertThat(OpenLoop.requestCount(2.5, Duration.ofMillis(1000))).isEqualTo(2);
    }

    @Test
    void sendsOnScheduleWithoutWaitingForAnswers() {
        ConcurrentLinkedQueue<Long> dueTimes = new ConcurrentLinkedQueue<>();
        try (ScheduledExecutorService server = Executors.newScheduledThreadPool(2)) {
            // every answer takes 300 ms, far longer than the 10 ms between requests: an open loop does not wait for it
            StepResult result = OpenLoop.run(100, Duration.ofMillis(500), Duration.ofSeconds(60), due -> {
                dueTimes.add(due);
                CompletableFuture<Outcome> answer = new CompletableFuture<>();
                server.schedule(() -> answer.complete(Outcome.success("item")), 300, TimeUnit.MILLISECONDS);
                return answer;
            });
            assertThat(result.sent()).isEqualTo(50);
            assertThat(result.ok()).isEqualTo(50);
            assertThat(result.payloads()).hasSize(50).containsOnly("item");
            assertThat(result.latency().p50Ms()).isGreaterThanOrEqualTo(300);
            List<Long> due = List.copyOf(dueTimes);
            assertThat(due.getLast() - due.getFirst()).isEqualTo(OpenLoop.dueOffsetNanos(49, 100));
            assertThat(result.errorCount()).isZero();
        }
    }

    @Test
    void latencyRunsFromTheScheduledTimeSoAStallIsNotHidden() {
        AtomicInteger n = new AtomicInteger();
        // the first send blocks the dispatcher for 200 ms (a stalled client or a full connection pool): the requests due
        // meanwhile go out late, and their latency must include that wait (no coordinated omission)
        StepResult result = OpenLoop.run(100, Duration.ofMillis(500), Duration.ofSeconds(60), due -> {
            if (n.getAndIncrement() == 0) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            return CompletableFuture.completedFuture(Outcome.success(null));
        });
        assertThat(result.ok()).isEqualTo(50);
        assertThat(result.latency().maxMs()).isGreaterThanOrEqualTo(200);
        assertThat(result.sustained(1000)).isTrue();
        assertThat(result.sustained(100)).isFalse();
    }

    @Test
    void failuresAreCountedByCauseAndFailTheStep() {
        AtomicInteger n = new AtomicInteger();
        StepResult result = OpenLoop.run(200, Duration.ofMillis(100), Duration.ofSeconds(60), due -> switch (n.getAndIncrement() % 4) {
            case 0 -> CompletableFuture.completedFuture(Outcome.failure("HTTP 503"));
            case 1 -> CompletableFuture.failedFuture(new java.io.IOException("reset"));
            case 2 -> throw new IllegalStateException("client");
            default -> CompletableFuture.completedFuture(Outcome.success(null));
        });
        assertThat(result.sent()).isEqualTo(20);
        assertThat(result.ok()).isEqualTo(5);
        assertThat(result.errors()).containsEntry("HTTP 503", 5).containsEntry("IOException", 5)
                .containsEntry("java.lang.IllegalStateException: client", 5);
        assertThat(result.sustained(1000)).isFalse();
    }
}
