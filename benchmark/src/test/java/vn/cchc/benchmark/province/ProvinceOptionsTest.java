package vn.cchc.benchmark.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProvinceOptionsTest {
    @Test
    void defaultsAreTheIssuesSmallestProvince() {
        ProvinceOptions options = ProvinceOptions.parse();
        assertThat(options.integer("communes")).isEqualTo(100);
        assertThat(options.integer("items-per-commune")).isEqualTo(36);
        assertThat(options.integer("burst")).isEqualTo(1000);
        assertThat(options.has("start-stack")).isFalse();
    }

    @Test
    void givenOptionsWin() {
        ProvinceOptions options = ProvinceOptions.parse("--communes", "1000", "--start-stack", "--port-base", "16080");
        assertThat(options.integer("communes")).isEqualTo(1000);
        assertThat(options.has("start-stack")).isTrue();
        assertThat(options.integer("port-base")).isEqualTo(16080);
    }

    @Test
    void unknownOrNonsenseOptionsAreRefused() {
        assertThatThrownBy(() -> ProvinceOptions.parse("--comunes", "10")).hasMessageContaining("unknown option --comunes");
        assertThatThrownBy(() -> ProvinceOptions.parse("--communes", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ProvinceOptions.parse("--communes", "many")).hasMessageContaining("whole number");
        assertThat(ProvinceOptions.usage()).contains("--communes").contains("province --communes 300");
    }
}
