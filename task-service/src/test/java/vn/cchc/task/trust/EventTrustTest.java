package vn.cchc.task.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.events.EventGate;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.DeadLetters;
import vn.cchc.task.ServiceTestBase;
import vn.cchc.task.tasks.TaskStatus;

/**
 * Only plan-service makes tasks and only publication-service's records complete them: a forged, malformed or
 * contract-breaking event changes nothing, lands on the binding's dead-letter topic with the reason, is counted once
 * (no retries), and the next valid event on the same partition is applied.
 */
class EventTrustTest extends ServiceTestBase {
    static final String ISSUED = "vn.cchc.plan.issued.v1";
    static final String PLAN_DLQ = DeadLetters.topic(PLANS, "task-service");
    static final String PUBLICATION_DLQ = DeadLetters.topic(PUBLICATIONS, "task-service");
    static final String RADIO_UNIT = "lam-dong.bac-binh.dai-truyen-thanh";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    MeterRegistry meters;

    double refused(String binding, String reason) {
        Counter counter = meters.find(EventGate.METRIC).tags("binding", binding, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPlanFromOutsideCreatesNoTasksAndIsDeadLetteredWhileTheNextPlanIsApplied() {
        double before = refused("planEvents-in-0", "wrong-source");
        String forged = unique("forged-plan");
        String valid = unique("valid-plan");
        sender.sendFrom("/outside/system", PLANS, ISSUED, forged, json.writeValueAsString(plan("bac-binh-2026.issued.json", forged, 1)));
        sendPlan(ISSUED, plan("bac-binh-2026.issued.json", valid, 1));

        await().atMost(WAIT).until(() -> tasks.findByPlanId(valid).size() == 15);
        DeadLetters.Letter letter = DeadLetters.await(brokers, PLAN_DLQ, forged);
        assertThat(letter.reason()).startsWith("refused [wrong-source] ce_source: '/outside/system' does not own vn.cchc.plan.*");
        awaitConsumersCaughtUp();
        assertThat(tasks.findByPlanId(forged)).isEmpty();
        assertThat(refused("planEvents-in-0", "wrong-source") - before).isEqualTo(1); // refused once, not retried
    }

    @Test
    void malformedPlanRecordsAreDeadLetteredEachWithItsReasonAndDoNotBlockThePartition() {
        String notJson = unique("not-json");
        String noHeaders = unique("no-headers");
        String noSource = unique("no-source");
        String badData = unique("bad-data");
        String valid = unique("after-poison");
        sender.sendRaw(PLANS, notJson, CloudEventSender.envelope(ISSUED), "{\"planId\": ");
        sender.sendRaw(PLANS, noHeaders, Map.of(), json.writeValueAsString(plan("bac-binh-2026.issued.json", noHeaders, 1)));
        Map<String, String> withoutSource = CloudEventSender.envelope(ISSUED);
        withoutSource.remove("ce_source");
        sender.sendRaw(PLANS, noSource, withoutSource, json.writeValueAsString(plan("bac-binh-2026.issued.json", noSource, 1)));
        ObjectNode breaking = plan("bac-binh-2026.issued.json", badData, 1);
        breaking.put("revision", 0); // the contract wants revision >= 1
        sendPlan(ISSUED, breaking);
        sendPlan(ISSUED, plan("bac-binh-2026.issued.json", valid, 1));

        await().atMost(WAIT).until(() -> tasks.findByPlanId(valid).size() == 15);
        assertThat(DeadLetters.await(brokers, PLAN_DLQ, notJson).reason()).startsWith("refused [not-json] data: not JSON");
        assertThat(DeadLetters.await(brokers, PLAN_DLQ, noHeaders).reason())
                .isEqualTo("refused [missing-header] ce_specversion: missing; a CloudEvents 1.0 envelope (binary mode) is required");
        assertThat(DeadLetters.await(brokers, PLAN_DLQ, noSource).reason()).isEqualTo("refused [missing-header] ce_source: missing; every event carries it");
        DeadLetters.Letter schema = DeadLetters.await(brokers, PLAN_DLQ, badData);
        assertThat(schema.reason()).startsWith("refused [schema] data/revision: ").endsWith("against the contract of " + ISSUED);
        assertThat(schema.originalTopic()).isEqualTo(PLANS);
        awaitConsumersCaughtUp();
        for (String planId : new String[] {notJson, noHeaders, noSource, badData}) {
            assertThat(tasks.findByPlanId(planId)).as(planId).isEmpty();
        }
    }

    @Test
    void aBroadcastFromOutsideOrBreakingItsContractCompletesNothingAndTheNextRealOneDoes() {
        double before = refused("publicationEvents-in-0", "schema");
        String planId = unique("bac-binh");
        sendPlan(ISSUED, plan("bac-binh-2026.issued.json", planId, 1));
        await().atMost(WAIT).until(() -> tasks.findByPlanId(planId).size() == 15);
        Instant airTime = task(planId, "radio-01").getWindow().start();

        String forged = unique("forged-pub");
        sender.sendFrom("/outside/system", PUBLICATIONS, RECORDED, forged,
                json.writeValueAsString(publication(forged, 1, RADIO_UNIT, "RADIO", "BROADCAST", airTime, null)));
        String carrierPigeon = unique("pigeon");
        sendPublication(RECORDED, publication(carrierPigeon, 1, RADIO_UNIT, "CARRIER_PIGEON", "BROADCAST", airTime, null));
        String real = unique("real-pub");
        sendPublication(RECORDED, publication(real, 1, RADIO_UNIT, "RADIO", "BROADCAST", airTime, null));

        await().atMost(WAIT).until(() -> task(planId, "radio-01").getStatus() == TaskStatus.DONE);
        assertThat(task(planId, "radio-01").getEvidence()).containsExactly(real);
        assertThat(DeadLetters.await(brokers, PUBLICATION_DLQ, forged).reason())
                .isEqualTo("refused [wrong-source] ce_source: '/outside/system' does not own vn.cchc.publication.* events; "
                        + "only /cchc/publication-service sends them");
        assertThat(DeadLetters.await(brokers, PUBLICATION_DLQ, carrierPigeon).reason()).startsWith("refused [schema] data/channel: ");
        assertThat(refused("publicationEvents-in-0", "schema") - before).isEqualTo(1);
    }
}
