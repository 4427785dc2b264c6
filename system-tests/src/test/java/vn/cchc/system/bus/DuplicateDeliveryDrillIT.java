package vn.cchc.system.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.system.LocalStack;

/**
 * Bus drill (c): duplicate and reordered delivery on the running stack. The drill commune's items are recorded,
 * corrected (to another channel) and retracted through the API; their real events are taken off
 * {@code cchc.publication.events} (exactly one per change: the outbox published nothing twice) and produced again, each
 * twice, newest first, as a broker redelivery or a replayed backup would. The counts do not move: a stale revision
 * never overwrites a newer one, a duplicate is not counted again, a retracted item does not come back.
 */
@ExtendWith(LocalStack.Started.class)
class DuplicateDeliveryDrillIT {

    @Test
    void eventsDeliveredTwiceAndInReverseOrderChangeNoCount() {
        DrillCommune commune = DrillCommune.create("dup");
        List<String[]> items = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            items.add(commune.record("Tin diễn tập giao lặp số " + i, 10 + i));
        }
        commune.correctToRadio(items.get(1)[0], items.get(1)[1], "Chương trình phát thanh diễn tập (đính chính)");
        commune.retract(items.get(2)[0], items.get(2)[1]);
        commune.awaitCountsMatchTruth();
        commune.assertCountsEqualTruth("recording, correcting and retracting");

        List<ConsumerRecord<String, byte[]>> events;
        try (TopicReader reader = new TopicReader(BusStack.KAFKA, BusStack.PUBLICATIONS)) {
            events = new ArrayList<>(reader.pollToEnd().stream().filter(r -> commune.unitId.equals(unitOf(r))).toList());
        }
        assertThat(events).as("one event per change: 4 recorded, 1 corrected, 1 retracted").hasSize(6);
        assertThat(events).map(r -> TopicReader.header(r, "ce_id")).doesNotHaveDuplicates();
        Set<String> keys = new HashSet<>(BusStack.keys(events));
        assertThat(keys).containsExactlyInAnyOrderElementsOf(DrillCommune.ids(items));

        Collections.reverse(events);
        try (BusStack.Producer producer = new BusStack.Producer()) {
            for (ConsumerRecord<String, byte[]> event : events) {
                producer.resend(event);
                producer.resend(event);
            }
        }
        // the barrier: a change made after the redelivery shows, and every group is past the end of its topics
        commune.record("Tin diễn tập sau khi giao lặp", 5);
        commune.awaitCountsMatchTruth();

        commune.assertCountsEqualTruth("12 redelivered events (each twice, newest first)");
        try (TopicReader reader = new TopicReader(BusStack.KAFKA, "cchc.publication.events.reporting-service.dlq")) {
            assertThat(reader.pollToEnd()).as("nothing of it dead-lettered").noneMatch(r -> keys.contains(r.key()));
        }
    }

    static String unitOf(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode data = BusStack.JSON.readTree(record.value());
            return data.path("unitId").asString(null);
        } catch (RuntimeException notJson) {
            return null; // a poison record of another drill
        }
    }
}
