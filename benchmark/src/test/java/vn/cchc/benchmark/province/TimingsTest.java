package vn.cchc.benchmark.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTest {
    @Test
    void nearestRankP50AndP95OfTwentyCalls() {
        List<Double> millis = new ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            millis.add(i * 10.0);
        }
        Timings t = Timings.ofMillis(millis);
        assertThat(t.count()).isEqualTo(20);
        assertThat(t.p50Ms()).isEqualTo(100.0);
        assertThat(t.p95Ms()).isEqualTo(190.0); // rank ceil(0.95 × 20) = 19
        assertThat(t.maxMs()).isEqualTo(200.0);
    }

    @Test
    void oneCallIsItsOwnPercentiles() {
        assertThat(Timings.ofMillis(List.of(1234.5))).isEqualTo(new Timings(1, 1234.5, 1234.5, 1234.5));
        assertThat(Timings.ofMillis(List.of()).count()).isZero();
    }
}
