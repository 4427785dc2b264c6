package vn.cchc.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void smokeSwapsDefaultsAndExplicitOptionsWin() {
        Options full = Options.parse();
        assertThat(full.integers("rates")).containsExactly(25, 50, 100, 200, 400);
        assertThat(full.seconds("step-seconds")).isEqualTo(Duration.ofSeconds(60));
        Options smoke = Options.parse("--smoke", "--rates", "5, 10", "--start-stack");
        assertThat(smoke.integers("rates")).containsExactly(5, 10);
        assertThat(smoke.integers("levels")).isEqualTo(List.of(100, 300, 600));
        assertThat(smoke.has("start-stack")).isTrue();
        assertThat(smoke.string("only")).isEqualTo("floors,ingest,catchup");
    }

    @Test
    void unknownOptionsAreRefusedAndUsageListsEveryOption() {
        assertThatThrownBy(() -> Options.parse("--rate", "5")).hasMessageContaining("unknown option --rate");
        assertThatThrownBy(() -> Options.parse("5")).hasMessageContaining("unexpected argument");
        assertThat(Options.usage()).contains("--levels", "--settle-seconds", "(1000,10000,50000 / 100,300,600)");
    }
}
