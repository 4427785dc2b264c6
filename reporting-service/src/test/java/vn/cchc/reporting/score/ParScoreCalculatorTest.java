package vn.cchc.reporting.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cchc.reporting.compliance.Item;

class ParScoreCalculatorTest {
    static final ScoringRules RULES = ScoringRules.communeDefault();

    static Item item(String channel, String kind) {
        return new Item("vinh-long.phu-khuong", channel, kind, LocalDate.of(2026, 5, 1));
    }

    @Test
    void fullMarksWithEverythingDoneOnEveryKindOfChannel() {
        ParScore score = ParScoreCalculator.score("vinh-long.phu-khuong", 2026, RULES, 10, 10,
                List.of(item("ELECTRONIC_BOARD", "BANNER"), item("FACEBOOK", "SOCIAL_POST"), item("ON_SITE", "DIALOGUE")));
        assertThat(score.points()).isEqualTo(2.0);
        assertThat(score.max()).isEqualTo(2.0);
        assertThat(score.lines()).extracting(ParScore.Line::points).containsExactly(1.0, 0.25, 0.25, 0.5);
    }

    @Test
    void completionIsProportionalFrom90PercentAndZeroBelow() {
        ParScore ninetyFive = ParScoreCalculator.score("u", 2026, RULES, 20, 19, List.of());
        assertThat(ninetyFive.lines().getFirst().points()).isEqualTo(0.95);
        assertThat(ninetyFive.lines().getFirst().explanation()).contains("19/20").contains("95,0%");
        assertThat(ParScoreCalculator.score("u", 2026, RULES, 10, 9, List.of()).lines().getFirst().points()).isEqualTo(0.9);
        ParScore eightyNine = ParScoreCalculator.score("u", 2026, RULES, 100, 89, List.of());
        assertThat(eightyNine.lines().getFirst().points()).isZero();
        assertThat(eightyNine.lines().getFirst().explanation()).contains("dưới 90%");
        assertThat(ParScoreCalculator.score("u", 2026, RULES, 0, 0, List.of()).points()).isZero();
    }

    @Test
    void radioCountsAsTraditionalAndWebsiteAsOnline() {
        ParScore score = ParScoreCalculator.score("u", 2026, RULES, 3, 1, List.of(item("WEBSITE", "ARTICLE"), item("RADIO", "BROADCAST")));
        assertThat(score.points()).isEqualTo(0.75);
        assertThat(score.lines().get(1).explanation()).contains("Không có");
    }

    @Test
    void aProvinceCanScoreDifferently() {
        ScoringRules strict = new ScoringRules(1.5, 1.0, List.of(
                new ScoringRules.ChannelGroup("PORTAL", "Cổng thông tin", 0.5, List.of("PROVINCIAL_PORTAL"), List.of())));
        ParScore score = ParScoreCalculator.score("u", 2026, strict, 10, 9, List.of(item("PROVINCIAL_PORTAL", "ARTICLE")));
        assertThat(score.max()).isEqualTo(2.0);
        assertThat(score.points()).isEqualTo(0.5);
    }

    @Test
    void withItsDaysEveryLineSaysWhatItCounted() {
        ParScore score = ParScoreCalculator.score("u", 2026, RULES, 3, 1, List.of(item("WEBSITE", "ARTICLE"), item("FACEBOOK", "SOCIAL_POST")),
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 9, 14));
        assertThat(score.lines().getFirst().explanation()).startsWith("Đến ngày 14/09/2026 hoàn thành 1/3 nhiệm vụ");
        assertThat(score.lines().get(2).explanation())
                .isEqualTo("2 tin, bài, sản phẩm từ ngày 01/01/2026 đến ngày 14/09/2026 trên nhóm hình thức này: đạt 0,25 điểm.");
        assertThat(score.lines().get(2).items()).isEqualTo(2L);
        assertThat(score.lines().get(1).explanation()).startsWith("Không có sản phẩm nào từ ngày 01/01/2026 đến ngày 14/09/2026");
        assertThat(score.lines().get(1).items()).isZero();
        assertThat(score.lines().getFirst().items()).isNull();
    }
}
