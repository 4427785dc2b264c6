package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.Http;
import vn.cchc.publication.units.KnownUnit;

/** The local copy of the unit directory follows unit events, newest revision wins, and recording obeys it. */
class UnitDirectoryTest extends ServiceTestBase {

    @Test
    void aUnitBecomesUsableWhenItsEventArrivesAndAStaleEventCannotReviveIt() {
        String unitId = "lam-dong.tuy-phong";
        String article = PublicationApiTest.ARTICLE.replace("\"vinh-long.phu-khuong\"", "\"" + unitId + "\"");
        assertThat(Api.postJson(url(), article).status()).isEqualTo(400); // unknown unit

        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(UNIT_TOPIC, UNIT_CHANGED, unitId, unitEvent(unitId, 1, "COMMUNE", "ACTIVE", "Xã Tuy Phong",
                    List.of("WEBSITE")));
            await().atMost(Duration.ofSeconds(60)).until(() -> units.find(unitId).isPresent());
            assertThat(Api.postJson(url(), article).status()).isEqualTo(201);

            sender.send(UNIT_TOPIC, UNIT_CHANGED, unitId, unitEvent(unitId, 3, "COMMUNE", "RETIRED", "Xã Tuy Phong",
                    List.of("WEBSITE")));
            // redelivered and out-of-order older events
            sender.send(UNIT_TOPIC, UNIT_CHANGED, unitId, unitEvent(unitId, 2, "COMMUNE", "ACTIVE", "Xã Tuy Phong",
                    List.of("WEBSITE")));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, unitId, unitEvent(unitId, 1, "COMMUNE", "ACTIVE", "Xã Tuy Phong",
                    List.of("WEBSITE")));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "marker", unitEvent("marker", 1, "OTHER", "ACTIVE", "marker", List.of()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> units.find("marker").isPresent());

        KnownUnit unit = units.find(unitId).orElseThrow();
        assertThat(unit.revision()).isEqualTo(3);
        assertThat(unit.active()).isFalse();
        Http.Response refused = Api.postJson(url(), article.replace("tin-tuc/1", "tin-tuc/9"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("rule").asString()).isEqualTo("inactive-unit");
    }

    /** Runs once plan-service's contract for unit events is in contracts/ (it is written on another branch). */
    @Test
    void thePublishedUnitExampleIsAppliedAndTheTestEventsFollowTheContract() {
        java.nio.file.Path example = vn.cchc.platform.test.ContractSchemas.contractsDir()
                .resolve("examples/" + UNIT_CHANGED + ".json");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(example),
                "the unit contract is not merged into this branch yet");
        assertThat(vn.cchc.platform.test.ContractSchemas.validate(UNIT_CHANGED, unitEvent("vinh-long.phu-khuong", 1, "WARD",
                "ACTIVE", "Phường Phú Khương", List.of("WEBSITE", "RADIO")))).isEmpty();
        String data = vn.cchc.platform.test.ContractSchemas.example(UNIT_CHANGED)
                .replace("\"vinh-long.phu-khuong.vhxh\"", "\"vinh-long.phu-khuong.example\"");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "vinh-long.phu-khuong.example", data);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> units.find("vinh-long.phu-khuong.example").isPresent());
        KnownUnit unit = units.find("vinh-long.phu-khuong.example").orElseThrow();
        assertThat(unit.parentId()).isEqualTo("vinh-long.phu-khuong");
        assertThat(unit.active()).isTrue();
        assertThat(unit.channels()).isNotEmpty();
    }
}
