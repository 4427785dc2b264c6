package vn.cchc.benchmark.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    @Test
    void nearestRankPercentilesOfOneToHundredMilliseconds() {
        long[] micros = LongStream.rangeClosed(1, 100).map(ms -> ms * 1000).toArray();
        LatencySummary s = LatencySummary.ofMicros(micros);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50Ms()).isEqualTo(50.0);
        assertThat(s.p99Ms()).isEqualTo(99.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
    }

    @Test
    void oneSlowSampleInHundredIsP99OnlyFromHundredAndOneSamplesOn() {
        List<Long> micros = new ArrayList<>(LongStream.range(0, 99).mapToObj(i -> 1000L).toList());
        micros.add(5_000_000L);
        assertThat(LatencySummary.ofMicros(micros).p99Ms()).isEqualTo(1.0);
        micros.add(5_000_000L);
        assertThat(LatencySummary.ofMicros(micros).p99Ms()).isEqualTo(5000.0);
    }

    @Test
    void unsortedInputAndSingleSample() {
        assertThat(LatencySummary.ofMicros(new long[] {9000, 1000, 5000}).p50Ms()).isEqualTo(5.0);
        assertThat(LatencySummary.ofMicros(new long[] {7000})).isEqualTo(new LatencySummary(1, 7.0, 7.0, 7.0));
        assertThat(LatencySummary.ofMicros(new long[0])).isSameAs(LatencySummary.EMPTY);
        assertThatThrownBy(() -> LatencySummary.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lagCountsMissingChangesAndComparesThirds() {
        Instant t0 = Instant.parse("2026-11-29T10:00:00Z");
        List<LagFigures.Item> steady = new ArrayList<>();
        List<LagFigures.Item> growing = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant event = t0.plusMillis(100L * i);
            steady.add(new LagFigures.Item(event, event.plusMillis(20)));
            growing.add(new LagFigures.Item(event, event.plusMillis(20 + 50L * i)));
        }
        steady.add(new LagFigures.Item(t0.plusSeconds(60), null));
        LagFigures s = LagFigures.of(steady, i -> i);
        assertThat(s.missing()).isEqualTo(1);
        assertThat(s.all().count()).isEqualTo(30);
        assertThat(s.all().p99Ms()).isEqualTo(20.0);
        assertThat(s.bounded()).isTrue();
        LagFigures g = LagFigures.of(growing, i -> i);
        assertThat(g.firstThird().maxMs()).isEqualTo(20 + 50 * 9);
        assertThat(g.lastThird().p99Ms()).isEqualTo(20 + 50 * 29);
        assertThat(g.bounded()).isFalse();
    }
}
