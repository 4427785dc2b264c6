package vn.cchc.benchmark.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CountCheckTest {
    @Test
    void waitsForTheCountToCatchUpAndMatches() throws InterruptedException {
        AtomicLong counts = new AtomicLong();
        CountCheck.Result r = CountCheck.await(() -> counts.addAndGet(10), 50, Duration.ofSeconds(60), Duration.ofMillis(1));
        assertThat(r.outcome()).isEqualTo(CountCheck.Outcome.MATCH);
        assertThat(r.counted()).isEqualTo(50);
    }

    @Test
    void aCountPastWhatWasRecordedIsADuplicateNotAMatch() throws InterruptedException {
        AtomicLong counts = new AtomicLong();
        CountCheck.Result r = CountCheck.await(() -> counts.addAndGet(30), 50, Duration.ofSeconds(60), Duration.ofMillis(1));
        assertThat(r.outcome()).isEqualTo(CountCheck.Outcome.COUNTED_TWICE);
        assertThat(r.counted()).isEqualTo(60);
        // the recheck after the lag settled: one late duplicate is enough
        assertThat(CountCheck.judge(51, 50)).isEqualTo(CountCheck.Outcome.COUNTED_TWICE);
        assertThat(CountCheck.judge(50, 50)).isEqualTo(CountCheck.Outcome.MATCH);
    }

    @Test
    void aCountThatNeverGetsThereIsShortWhenTheTimeIsUp() throws InterruptedException {
        CountCheck.Result r = CountCheck.await(() -> 49, 50, Duration.ofMillis(50), Duration.ofMillis(5));
        assertThat(r.outcome()).isEqualTo(CountCheck.Outcome.SHORT);
        assertThat(r.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }
}
