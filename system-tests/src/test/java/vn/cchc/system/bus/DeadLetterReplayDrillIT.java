package vn.cchc.system.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.system.LocalStack;

/**
 * Bus drill (d): the dead-letter replay command on the running stack, as docs/operations.md gives it. A valid event
 * of the drill commune is put into reporting-service's dead-letter topic of publication events, as if a bug since
 * fixed had dead-lettered it. {@code POST /actuator/deadletters/{topic}/replay} on reporting-service's own port, with
 * an OPS token, sends it back; it is counted once. A second replay sends only what was dead-lettered after the first
 * (refused records replayed by the first are refused again, visibly), never the event again, and the counts hold.
 */
@ExtendWith(LocalStack.Started.class)
class DeadLetterReplayDrillIT {
    static final String DLQ = "cchc.publication.events.reporting-service.dlq";
    static final String ENDPOINT = BusStack.REPORTING_SERVICE + "/actuator/deadletters";

    @Test
    void theEndpointIsForOpsOnlyOnTheServicesOwnPort() {
        assertThat(Http.get(ENDPOINT).status()).as("no token").isEqualTo(401);
        assertThat(Http.get(ENDPOINT, "Authorization", BusStack.bearer("admin")).status()).as("a data role").isEqualTo(403);
        assertThat(BusStack.post(ENDPOINT + "/" + DLQ + "/replay", "admin").status()).as("replay by a data role").isEqualTo(403);
        Http.Response list = Http.get(ENDPOINT, "Authorization", BusStack.bearer("ops"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(BusStack.json(list).get("topics").valueStream().map(t -> t.get("topic").asString()))
                .contains("cchc.unit.events.reporting-service.dlq", "cchc.plan.events.reporting-service.dlq",
                        "cchc.task.events.reporting-service.dlq", DLQ);
        Http.Response tasks = Http.get(BusStack.TASK_SERVICE + "/actuator/deadletters", "Authorization", BusStack.bearer("ops"));
        assertThat(BusStack.json(tasks).get("topics").valueStream().map(t -> t.get("topic").asString()))
                .containsExactlyInAnyOrder("cchc.plan.events.task-service.dlq", "cchc.publication.events.task-service.dlq");
        assertThat(Http.get(BusStack.GATEWAY + "/actuator/deadletters", "Authorization", BusStack.bearer("ops")).status())
                .as("not through the gateway").isNotEqualTo(200);
    }

    @Test
    void aDeadLetteredValidEventIsReplayedOnceAndASecondReplayDoesNotSendItAgain() {
        DrillCommune commune = DrillCommune.create("replay");
        commune.record("Tin trước diễn tập phát lại", 10);
        commune.awaitCountsMatchTruth();

        String id = "bus-replayed-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> headers = BusStack.envelope(DrillEvents.RECORDED, DrillEvents.PUBLICATION_SOURCE, id);
        headers.put("x-original-topic", BusStack.PUBLICATIONS);
        headers.put("x-original-partition", "0");
        headers.put("x-original-offset", "0");
        headers.put("x-exception-fqcn", "java.lang.IllegalStateException");
        headers.put("x-exception-message", "failure [java.lang.IllegalStateException] a bug since fixed");
        try (BusStack.Producer producer = new BusStack.Producer()) {
            producer.send(DLQ, null, id, headers, DrillEvents.publication(commune, id));
        }
        assertThat(waiting()).isPositive();

        long endBeforeFirst = BusStack.endOffset(DLQ);
        JsonNode first = replay();
        assertThat(first.get("replayed").asLong()).as("everything not replayed before, the event among them").isPositive();
        assertThat(first.get("originalTopic").asString()).isEqualTo(BusStack.PUBLICATIONS);
        commune.expectCounted(id);
        commune.awaitCountsMatchTruth();
        commune.assertCountsEqualTruth("the replay");

        // what the first replay sent and was refused again is back in the dead-letter topic: only that is sent again
        long deadLetteredSince = BusStack.endOffset(DLQ) - endBeforeFirst;
        JsonNode second = replay();
        assertThat(second.get("replayed").asLong()).as("the second replay sends only what was dead-lettered since the first")
                .isEqualTo(deadLetteredSince);
        commune.awaitCountsMatchTruth();
        commune.assertCountsEqualTruth("a second replay");
        try (TopicReader reader = new TopicReader(BusStack.KAFKA, DLQ)) {
            assertThat(reader.pollToEnd()).as("the event, applied, was not dead-lettered again")
                    .filteredOn(r -> id.equals(r.key())).hasSize(1);
        }
    }

    long waiting() {
        Http.Response list = Http.get(ENDPOINT, "Authorization", BusStack.bearer("ops"));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return BusStack.json(list).get("topics").valueStream().filter(t -> DLQ.equals(t.get("topic").asString()))
                .findFirst().orElseThrow().get("waiting").asLong();
    }

    JsonNode replay() {
        Http.Response replay = BusStack.post(ENDPOINT + "/" + DLQ + "/replay", "ops");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        return BusStack.json(replay);
    }
}
