package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cchc.platform.events.EventGate;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.platform.test.DeadLetters;

/**
 * Only plan-service changes the unit directory: a forged, malformed or contract-breaking unit event changes nothing,
 * lands on {@code cchc.unit.events.publication-service.dlq} with its reason, and the next valid event is applied.
 */
class UnitEventTrustTest extends ServiceTestBase {
    static final String DLQ = DeadLetters.topic(UNIT_TOPIC, "publication-service");

    @Autowired
    MeterRegistry meters;

    double refused(String reason) {
        Counter counter = meters.find(EventGate.METRIC).tags("binding", "unitEvents-in-0", "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aForgedUnitIsNotCreatedAndAForgedRetirementRetiresNothing() {
        double before = refused("wrong-source");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.sendFrom("/outside/system", UNIT_TOPIC, UNIT_CHANGED, "lam-dong.forged",
                    unitEvent("lam-dong.forged", 1, "COMMUNE", "ACTIVE", "Xã Giả", List.of("WEBSITE")));
            sender.sendFrom("/cchc/publication-service", UNIT_TOPIC, UNIT_CHANGED, "lam-dong.bac-binh",
                    unitEvent("lam-dong.bac-binh", 99, "COMMUNE", "RETIRED", "Xã Bắc Bình", List.of("RADIO")));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "lam-dong.after-forgery",
                    unitEvent("lam-dong.after-forgery", 1, "COMMUNE", "ACTIVE", "Xã Sau", List.of()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> units.find("lam-dong.after-forgery").isPresent());
        assertThat(DeadLetters.await(brokers, DLQ, "lam-dong.forged").reason())
                .isEqualTo("refused [wrong-source] ce_source: '/outside/system' does not own vn.cchc.unit.* events; "
                        + "only /cchc/plan-service sends them");
        assertThat(DeadLetters.await(brokers, DLQ, "lam-dong.bac-binh").reason())
                .startsWith("refused [wrong-source] ce_source: '/cchc/publication-service' does not own");
        ConsumerGroups.awaitCaughtUp(brokers, "publication-service", UNIT_TOPIC);
        assertThat(units.find("lam-dong.forged")).isEmpty();
        assertThat(units.find("lam-dong.bac-binh").orElseThrow().active()).isTrue();
        assertThat(refused("wrong-source") - before).isEqualTo(2);
    }

    @Test
    void malformedUnitRecordsAreDeadLetteredWithTheirReasonsAndTheNextEventIsApplied() {
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.sendRaw(UNIT_TOPIC, "lam-dong.not-json", CloudEventSender.envelope(UNIT_CHANGED), "<unit/>");
            sender.sendRaw(UNIT_TOPIC, "lam-dong.no-headers", Map.of(),
                    unitEvent("lam-dong.no-headers", 1, "COMMUNE", "ACTIVE", "Xã Không Tiêu Đề", List.of()));
            Map<String, String> noType = CloudEventSender.envelope(UNIT_CHANGED);
            noType.remove("ce_type");
            sender.sendRaw(UNIT_TOPIC, "lam-dong.no-type", noType,
                    unitEvent("lam-dong.no-type", 1, "COMMUNE", "ACTIVE", "Xã Không Loại", List.of()));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "lam-dong.castle",
                    unitEvent("lam-dong.castle", 1, "CASTLE", "ACTIVE", "Lâu đài", List.of()));
            sender.send(UNIT_TOPIC, UNIT_CHANGED, "lam-dong.after-poison",
                    unitEvent("lam-dong.after-poison", 1, "COMMUNE", "ACTIVE", "Xã Sau Cùng", List.of()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> units.find("lam-dong.after-poison").isPresent());
        assertThat(DeadLetters.await(brokers, DLQ, "lam-dong.not-json").reason()).startsWith("refused [not-json] data: not JSON");
        assertThat(DeadLetters.await(brokers, DLQ, "lam-dong.no-headers").reason()).startsWith("refused [missing-header] ce_specversion");
        assertThat(DeadLetters.await(brokers, DLQ, "lam-dong.no-type").reason()).startsWith("refused [missing-header] ce_type");
        assertThat(DeadLetters.await(brokers, DLQ, "lam-dong.castle").reason()).startsWith("refused [schema] data/kind: ");
        ConsumerGroups.awaitCaughtUp(brokers, "publication-service", UNIT_TOPIC);
        for (String unitId : List.of("lam-dong.not-json", "lam-dong.no-headers", "lam-dong.no-type", "lam-dong.castle")) {
            assertThat(units.find(unitId)).as(unitId).isEmpty();
        }
    }
}
