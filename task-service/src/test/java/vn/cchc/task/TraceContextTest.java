package vn.cchc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.platform.tracing.Traceparent;
import vn.cchc.task.tasks.Task;

/**
 * Events a consumer causes carry the trace of the event it applied: a plan issued within a trace (its
 * {@code traceparent} header) becomes tasks whose {@code vn.cchc.task.created.v1} events, published later by the
 * outbox relay, carry the same trace id onward.
 */
class TraceContextTest extends ServiceTestBase {
    @Test
    void tasksCreatedFromATracedPlanCarryItsTraceOnward() {
        String traceId = "5c1c63257de34c67a9d5a8fbd3b08e4a";
        String planId = unique("bac-binh-vet");
        ObjectNode plan = plan("bac-binh-2026.issued.json", planId, 1);
        Map<String, String> headers = CloudEventSender.envelope("vn.cchc.plan.issued.v1");
        headers.put("ce_subject", planId);
        headers.put("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        sender.sendRaw(PLANS, planId, headers, json.writeValueAsString(plan));

        List<Task> created = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.findByPlanId(planId), l -> l.size() == 15);
        String taskId = created.getFirst().getId();
        ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(60)).until(
                () -> taskEvents.poll().stream().filter(r -> taskId.equals(r.key())).findFirst().orElse(null), r -> r != null);
        assertThat(TopicReader.header(event, "ce_type")).isEqualTo("vn.cchc.task.created.v1");
        assertThat(Traceparent.traceId(TopicReader.header(event, "traceparent"))).isEqualTo(traceId);
    }
}
