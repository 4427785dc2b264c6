package vn.cchc.system.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cchc.platform.test.TopicReader;

/**
 * Two instances of publication-service and of reporting-service side by side ({@code ./run-local.sh replica}): writes
 * land on both publication instances at once, so both outbox relays work; each event reaches the topic once (no event
 * id twice, one event per publication), and the two reporting instances, consuming in one group, both answer the
 * ground truth.
 */
@ExtendWith(DrillStack.Started.class)
class ReplicasDrillIT {
    static final String PUBLICATION_REPLICA = "publication-service." + DrillStack.PUBLICATION_REPLICA_PORT;
    static final String REPORTING_REPLICA = "reporting-service." + DrillStack.REPORTING_REPLICA_PORT;

    @Test
    void twoInstancesOfEachNeverSendAnEventTwiceAndBothCountRight() {
        int year = 2016;
        DrillStack.replica("publication-service", DrillStack.PUBLICATION_REPLICA_PORT);
        DrillStack.replica("reporting-service", DrillStack.REPORTING_REPLICA_PORT);

        Set<String> accepted = new HashSet<>();
        Set<String> uncertain = new HashSet<>();
        try (Burst first = Burst.start(year, 150, 2);
             Burst second = Burst.start("http://127.0.0.1:" + DrillStack.PUBLICATION_REPLICA_PORT, year, 150, 2)) {
            for (Burst burst : List.of(first.awaitDone(), second.awaitDone())) {
                assertThat(burst.writes()).as("every write accepted").allMatch(Burst.Write::accepted);
                accepted.addAll(burst.acceptedUrls());
                uncertain.addAll(GroundTruth.uncertainOf(burst));
            }
        }
        GroundTruth.assertCounted(year, accepted, uncertain);
        assertThat(DrillApi.count("http://127.0.0.1:" + DrillStack.REPORTING_PORT, year)).as("first reporting instance").isEqualTo(accepted.size());
        assertThat(DrillApi.count("http://127.0.0.1:" + DrillStack.REPORTING_REPLICA_PORT, year)).as("second reporting instance").isEqualTo(accepted.size());

        List<ConsumerRecord<String, byte[]>> events;
        try (TopicReader reader = new TopicReader(DrillStack.BROKERS, "cchc.publication.events")) {
            events = reader.pollToEnd(java.time.Duration.ofSeconds(90)).stream()
                    .filter(r -> TopicReader.value(r).contains("/drill/" + year + "/")).toList();
        }
        Map<String, Long> perId = events.stream().collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"), Collectors.counting()));
        assertThat(perId.values()).as("no event id on the topic twice").allMatch(n -> n == 1);
        assertThat(events).as("one event per publication written").hasSize(accepted.size());
        System.out.printf("[drill] two publication-service and two reporting-service instances: %d writes, %d events on the"
                + " topic, no event id twice, both reporting instances count %d%n", accepted.size(), events.size(), accepted.size());
    }

    @AfterAll
    static void stopTheReplicas() {
        DrillStack.stop(PUBLICATION_REPLICA);
        DrillStack.stop(REPORTING_REPLICA);
    }
}
