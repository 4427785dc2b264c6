package vn.cchc.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ContractSchemas;

/** The gate's rules, one by one, on the published examples of every contract. */
class EventGateTest {
    static final String RECORDED = "vn.cchc.publication.recorded.v1";
    static final String TOPIC = "cchc.publication.events";

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final EventGate gate = new EventGate(JsonMapper.builder().build(), meters);

    @Test
    void theRegistryKnowsExactlyThePublishedContractsAndEachHasAnOwnerAndATopic() throws IOException {
        Set<String> published;
        try (Stream<Path> files = Files.list(ContractSchemas.contractsDir().resolve("events"))) {
            published = files.map(f -> f.getFileName().toString().replace(".schema.json", "")).collect(Collectors.toSet());
        }
        assertThat(EventContracts.KNOWN_TYPES).containsExactlyInAnyOrderElementsOf(published);
        assertThat(EventContracts.KNOWN_TYPES).allSatisfy(type -> assertThat(EventContracts.familyOf(type)).isPresent());
    }

    @Test
    void everyPublishedExampleFromItsOwnerIsAdmitted() {
        for (String type : EventContracts.KNOWN_TYPES) {
            EventContracts.Family family = EventContracts.familyOf(type).orElseThrow();
            InboundEvent event = gate.admit("test-in-0", family.topic(), CloudEventSender.envelope(type),
                    ContractSchemas.example(type).getBytes(StandardCharsets.UTF_8)).orElseThrow();
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.source()).isEqualTo(family.ownerSource());
        }
        assertThat(meters.find(EventGate.METRIC).counters()).isEmpty();
    }

    @Test
    void anEventFromAnotherSourceIsRefusedNamingTheOwner() {
        Map<String, String> headers = CloudEventSender.envelope(RECORDED);
        headers.put("ce_source", "/outside/system");
        assertRefused(headers, ContractSchemas.example(RECORDED), RefusalReason.WRONG_SOURCE, "ce_source",
                "'/outside/system' does not own vn.cchc.publication.* events; only /cchc/publication-service sends them");
        // another service of the platform is no owner either
        headers.put("ce_source", EventContracts.REPORTING_SERVICE);
        assertRefused(headers, ContractSchemas.example(RECORDED), RefusalReason.WRONG_SOURCE, "ce_source", "does not own");
        assertThat(meters.get(EventGate.METRIC).tags("binding", "test-in-0", "reason", "wrong-source").counter().count())
                .isEqualTo(2);
    }

    @Test
    void aBrokenEnvelopeIsRefusedNamingTheHeader() {
        for (String header : new String[] {"ce_id", "ce_type", "ce_source", "ce_specversion"}) {
            Map<String, String> headers = CloudEventSender.envelope(RECORDED);
            headers.remove(header);
            assertRefused(headers, ContractSchemas.example(RECORDED), RefusalReason.MISSING_HEADER, header, "missing");
        }
        Map<String, String> foreignType = CloudEventSender.envelope(RECORDED);
        foreignType.put("ce_type", "com.example.anything.v1");
        assertRefused(foreignType, "{}", RefusalReason.UNKNOWN_TYPE, "ce_type", "belongs to no event family");
        Map<String, String> otherTopic = CloudEventSender.envelope("vn.cchc.task.created.v1");
        assertRefused(otherTopic, ContractSchemas.example("vn.cchc.task.created.v1"), RefusalReason.WRONG_TOPIC, "ce_type",
                "travels on cchc.task.events, not on cchc.publication.events");
    }

    @Test
    void dataThatIsNotAJsonObjectOrFailsItsContractIsRefusedNamingTheField() {
        assertRefused(CloudEventSender.envelope(RECORDED), "{this is not json", RefusalReason.NOT_JSON, "data", "not JSON");
        assertRefused(CloudEventSender.envelope(RECORDED), "[1, 2]", RefusalReason.NOT_JSON, "data", "JSON object");
        assertRefused(CloudEventSender.envelope(RECORDED), "", RefusalReason.NOT_JSON, "data", "no value");
        String badRevision = ContractSchemas.example(RECORDED).replaceFirst("\"revision\": *\\d+", "\"revision\": \"two\"");
        assertRefused(CloudEventSender.envelope(RECORDED), badRevision, RefusalReason.SCHEMA, "data/revision",
                "against the contract of " + RECORDED);
    }

    @Test
    void aNewerTypeOfAKnownFamilyFromItsOwnerIsAdmittedAsNothingToDo() {
        Map<String, String> headers = CloudEventSender.envelope("vn.cchc.publication.archived.v2");
        assertThat(gate.admit("test-in-0", TOPIC, headers, "{\"anything\": 1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        // but not from anyone else
        headers.put("ce_source", "/outside/system");
        assertRefused(headers, "{}", RefusalReason.WRONG_SOURCE, "ce_source", "does not own");
    }

    private void assertRefused(Map<String, String> headers, String value, RefusalReason reason, String field, String message) {
        Map<String, Object> asBytes = new LinkedHashMap<>();
        headers.forEach((k, v) -> asBytes.put(k, v.getBytes(StandardCharsets.UTF_8))); // as the binder hands them over
        assertThatThrownBy(() -> gate.admit("test-in-0", TOPIC, asBytes, value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RefusedEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith("refused [" + reason.tag() + "] " + field + ": ").contains(message);
                });
        assertThat(meters.get(EventGate.METRIC).tags("reason", reason.tag()).counter().count()).isPositive();
    }
}
