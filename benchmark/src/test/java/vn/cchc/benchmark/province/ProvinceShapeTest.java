package vn.cchc.benchmark.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProvinceShapeTest {
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private final ProvinceShape shape = new ProvinceShape("vinh-long", "20261130-100000", 300, 36, NOW);

    @Test
    void communesAreUniqueChildrenOfTheProvinceWithAWebsiteAndARadio() {
        List<String> ids = shape.communeIds();
        assertThat(ids).hasSize(300).doesNotHaveDuplicates().allMatch(id -> id.startsWith("vinh-long.p20261130-100000-c"));
        assertThat(ids.getFirst()).isEqualTo("vinh-long.p20261130-100000-c0001");
        assertThat(ids).allMatch(id -> id.matches("[a-z0-9-]+\\.[a-z0-9-]+"), "one level under the province, URL-safe");
        Map<String, Object> unit = shape.unitBody(41);
        assertThat(unit).containsEntry("unitId", "vinh-long.p20261130-100000-c0042").containsEntry("kind", "COMMUNE");
        assertThat(((List<?>) unit.get("channels")).stream().map(c -> (Object) ((Map<?, ?>) c).get("channel")).toList()).containsExactly("WEBSITE", "RADIO");
    }

    @Test
    void everyPlanCarriesTheSamplePlansTwoTargetsForTheYear() {
        Map<String, Object> plan = shape.planBody(7);
        assertThat(plan).containsEntry("issuingUnitId", shape.communeId(7)).containsEntry("year", 2026).containsEntry("issuedOn", "2026-01-01");
        assertThat(((List<?>) plan.get("targets")).stream().map(t -> (Map<?, ?>) t)
                .map(t -> (Object) (t.get("period") + " " + t.get("minimum") + " " + t.get("kinds") + " " + t.get("channels"))).toList())
                .containsExactly("YEAR 12 [ARTICLE] [WEBSITE]", "MONTH 2 [BROADCAST] [RADIO]");
    }

    @Test
    void aYearOfItemsIsOneArticleForTwoBroadcastsSpreadFromJanuaryToNowNeverInTheFuture() {
        Map<String, Integer> perKind = new HashMap<>();
        Map<YearMonth, Integer> broadcastsPerMonth = new HashMap<>();
        Set<String> minutes = new HashSet<>();
        for (int item = 0; item < 36; item++) {
            Map<String, Object> body = shape.itemBody(5, item);
            assertThat(body).containsEntry("unitId", shape.communeId(5));
            Instant at = Instant.parse((String) body.get("publishedAt"));
            assertThat(at).isAfterOrEqualTo(Instant.parse("2025-12-31T17:00:00Z")).isBefore(NOW);
            assertThat(minutes.add(body.get("channel") + "|" + at.getEpochSecond() / 60)).as("no two items in one minute").isTrue();
            perKind.merge((String) body.get("kind"), 1, Integer::sum);
            if (body.get("kind").equals("BROADCAST")) {
                assertThat(body).containsEntry("channel", "RADIO").containsEntry("durationSeconds", 600).doesNotContainKey("url");
                broadcastsPerMonth.merge(YearMonth.from(ZonedDateTime.ofInstant(at, ProvinceShape.VIETNAM)), 1, Integer::sum);
            } else {
                assertThat(body).containsEntry("channel", "WEBSITE").containsKey("url");
            }
        }
        assertThat(perKind).containsEntry("ARTICLE", 12).containsEntry("BROADCAST", 24);
        // spread over the 11 months so far: every month has broadcasts, around the target of 2
        assertThat(broadcastsPerMonth).hasSize(11).allSatisfy((month, count) -> assertThat(count).isBetween(1, 3));
    }

    @Test
    void linksAreUniqueAcrossTheProvinceAndTheBurst() {
        Set<Object> urls = new HashSet<>();
        for (int commune = 0; commune < 300; commune++) {
            for (int item = 0; item < 36; item += 3) {
                assertThat(urls.add(shape.itemBody(commune, item).get("url"))).isTrue();
            }
        }
        for (int n = 0; n < 1000; n++) {
            Map<String, Object> burst = shape.burstItemBody(n, NOW);
            assertThat(urls.add(burst.get("url"))).isTrue();
            assertThat(burst.get("unitId")).isEqualTo(shape.communeId(n % 300));
        }
        assertThat(shape.totalItems()).isEqualTo(10_800);
    }

    @Test
    void earlyInJanuaryTheItemsStillFitBeforeNow() {
        ProvinceShape january = new ProvinceShape("vinh-long", "r", 1, 36, Instant.parse("2026-01-01T00:30:00Z"));
        for (int item = 0; item < 36; item++) {
            assertThat(Instant.parse((String) january.itemBody(0, item).get("publishedAt"))).isBefore(Instant.parse("2026-01-02T00:00:00Z"));
        }
    }

    @Test
    void refusesAnEmptyProvince() {
        assertThatThrownBy(() -> new ProvinceShape("vinh-long", "r", 0, 36, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
