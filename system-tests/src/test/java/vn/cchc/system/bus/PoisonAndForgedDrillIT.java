package vn.cchc.system.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.system.LocalStack;

/**
 * Bus drills (a) and (b) on the running stack: on every partition of {@code cchc.publication.events} and of
 * {@code cchc.task.events}, a record that is not JSON, one without the contract's required fields, one without any
 * header and a forged one (the owner's type from {@code /outside/system}), then a valid event on the same partition.
 * Each bad record lands in the dead-letter topic of every group that reads the topic, with its reason; the valid events
 * behind them are applied (no partition blocked); and the drill commune's counts and tasks equal the ground truth.
 */
@ExtendWith(LocalStack.Started.class)
class PoisonAndForgedDrillIT {
    static final String NOT_JSON = "{\"this is\": not JSON <at all>";

    /** Key → expected reason prefix of every bad record produced. */
    final Map<String, String> expected = new LinkedHashMap<>();

    void poison(BusStack.Producer producer, String topic, int partition, String key, String type, String owner, String validData) {
        producer.send(topic, partition, key + "-not-json", BusStack.envelope(type, owner, key), NOT_JSON);
        expected.put(key + "-not-json", "refused [not-json] data: not JSON");
        producer.send(topic, partition, key + "-no-fields", BusStack.envelope(type, owner, key), "{\"revision\":1,\"title\":\"thiếu trường\"}");
        expected.put(key + "-no-fields", "refused [schema] data");
        producer.send(topic, partition, key + "-no-headers", Map.of(), validData);
        expected.put(key + "-no-headers", "refused [missing-header] ce_specversion: missing");
        producer.send(topic, partition, key + "-forged", BusStack.envelope(type, DrillEvents.OUTSIDE, key), validData);
        expected.put(key + "-forged", "refused [wrong-source] ce_source: '/outside/system' does not own");
    }

    @Test
    void poisonAndForgedRecordsAreDeadLetteredWithTheirReasonAndTheValidEventsBehindThemAreApplied() {
        DrillCommune commune = DrillCommune.create("poison");
        commune.record("Tin trước diễn tập nhiễm độc", 10); // publication-service knows the commune
        commune.awaitCountsMatchTruth();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int publicationPartitions = BusStack.partitions(BusStack.PUBLICATIONS);
        int taskPartitions = BusStack.partitions(BusStack.TASKS);
        Map<String, String> validPublications = new HashMap<>();
        try (BusStack.Producer producer = new BusStack.Producer()) {
            for (int p = 0; p < publicationPartitions; p++) {
                String key = "bus-poison-" + run + "-pub-" + p;
                // the bad ones carry data of real-looking items of the commune: counted, they would show
                poison(producer, BusStack.PUBLICATIONS, p, key, DrillEvents.RECORDED, DrillEvents.PUBLICATION_SOURCE,
                        DrillEvents.publication(commune, key + "-bad"));
                String valid = "bus-valid-" + run + "-" + p;
                producer.send(BusStack.PUBLICATIONS, p, valid, BusStack.envelope(DrillEvents.RECORDED, DrillEvents.PUBLICATION_SOURCE, valid),
                        DrillEvents.publication(commune, valid));
                validPublications.put(valid, "WEBSITE");
            }
            for (int p = 0; p < taskPartitions; p++) {
                String key = "bus-poison-" + run + "-task-" + p;
                poison(producer, BusStack.TASKS, p, key, DrillEvents.TASK_CREATED, DrillEvents.TASK_SOURCE,
                        DrillEvents.task(commune, key + "-bad"));
                String valid = "bus-task-" + run + "-" + p;
                producer.send(BusStack.TASKS, p, valid, BusStack.envelope(DrillEvents.TASK_CREATED, DrillEvents.TASK_SOURCE, valid),
                        DrillEvents.task(commune, valid));
            }
        }
        validPublications.keySet().forEach(commune::expectCounted);
        // the valid events behind the bad ones are applied on every partition, and every group gets past them
        commune.awaitCountsMatchTruth();
        await("the drill's valid tasks in reporting").atMost(BusStack.WAIT).until(() -> commune.reportedTasks() == taskPartitions);
        BusStack.awaitConsumers();

        commune.assertCountsEqualTruth("poison and forged records on every partition");
        assertThat(commune.reportedTasks()).as("tasks: only the valid ones").isEqualTo(taskPartitions);
        assertDeadLettered(BusStack.PUBLICATIONS, "reporting-service", "-pub-");
        assertDeadLettered(BusStack.PUBLICATIONS, "task-service", "-pub-");
        assertDeadLettered(BusStack.TASKS, "reporting-service", "-task-");
    }

    /** Every bad record of the topic in the group's dead-letter topic, once, with its reason; no valid one there. */
    void assertDeadLettered(String topic, String group, String marker) {
        String dlq = topic + "." + group + ".dlq";
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        try (TopicReader reader = new TopicReader(BusStack.KAFKA, dlq)) {
            for (ConsumerRecord<String, byte[]> record : reader.pollToEnd()) {
                seen.merge(record.key(), 1, Integer::sum);
                String message = TopicReader.header(record, "x-exception-message");
                reasons.put(record.key(), message == null ? null : message.substring(Math.max(0, message.indexOf("refused ["))));
                if (record.key() != null && record.key().startsWith("bus-valid-")) {
                    throw new AssertionError("a valid event was dead-lettered on " + dlq + ": " + record.key());
                }
            }
        }
        expected.forEach((key, reason) -> {
            if (key.contains(marker)) {
                assertThat(seen.get(key)).as("%s on %s, once", key, dlq).isEqualTo(1);
                assertThat(reasons.get(key)).as("reason of %s on %s", key, dlq).startsWith(reason);
            }
        });
    }
}
