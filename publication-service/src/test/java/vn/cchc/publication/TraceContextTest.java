package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.platform.tracing.Traceparent;
import vn.cchc.security.test.TestTokens;

/**
 * The W3C trace context goes where the work goes: an HTTP request's {@code traceparent} reaches plan-service (the
 * plan check) and, through the outbox, the event on the topic, written later by the relay's own thread; a consumed
 * event's trace is continued while it is applied, and its log lines carry that trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceContextTest extends ServiceTestBase {
    static final String PK_EDITOR = TestTokens.token("editor.phu-khuong", List.of("EDITOR"), List.of("vinh-long.phu-khuong"));

    static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    @Test
    void aRequestsTraceReachesPlanServiceAndTheEventOnTheTopic() {
        PlanServiceStandIn.plan("kh-pk-2026", "vinh-long.phu-khuong");
        String traceId = newTraceId();
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

        Http.Response response = Api.as(PK_EDITOR).postJson(url(), """
                {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE","title":"Tin CCHC có vết",
                 "url":"https://pk.vn/tin/vet-1","publishedAt":"2026-03-02T08:00:00+07:00","planId":"kh-pk-2026"}""",
                "traceparent", traceparent);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String publicationId = json.readTree(response.body()).get("id").asString();
        // plan-service was asked within the same trace, as a child of the request's span
        assertThat(PlanServiceStandIn.traceparents()).singleElement()
                .satisfies(tp -> assertThat(Traceparent.traceId(tp)).isEqualTo(traceId))
                .isNotEqualTo(traceparent);
        try (TopicReader reader = new TopicReader(brokers, PublicationEvents.TOPIC)) {
            ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(60)).until(
                    () -> reader.poll().stream().filter(r -> publicationId.equals(r.key())).findFirst().orElse(null),
                    r -> r != null);
            assertThat(TopicReader.header(event, "ce_type")).isEqualTo("vn.cchc.publication.recorded.v1");
            assertThat(Traceparent.traceId(TopicReader.header(event, "traceparent"))).isEqualTo(traceId);
        }
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceTheEventCarries() {
        Http.Response response = Api.as(PK_EDITOR).postJson(url(), """
                {"unitId":"vinh-long.phu-khuong","channel":"WEBSITE","kind":"ARTICLE","title":"Tin CCHC không vết",
                 "url":"https://pk.vn/tin/vet-2","publishedAt":"2026-03-02T08:00:00+07:00"}""");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String publicationId = json.readTree(response.body()).get("id").asString();
        try (TopicReader reader = new TopicReader(brokers, PublicationEvents.TOPIC)) {
            ConsumerRecord<String, byte[]> event = await().atMost(Duration.ofSeconds(60)).until(
                    () -> reader.poll().stream().filter(r -> publicationId.equals(r.key())).findFirst().orElse(null),
                    r -> r != null);
            assertThat(Traceparent.traceId(TopicReader.header(event, "traceparent"))).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void aConsumedEventIsAppliedInItsTraceAndLogsItsTraceId(CapturedOutput output) {
        String traceId = newTraceId();
        Map<String, String> headers = CloudEventSender.envelope(UNIT_CHANGED);
        headers.put("ce_subject", "vinh-long.phu-khuong.vet");
        headers.put("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.sendRaw(UNIT_TOPIC, "vinh-long.phu-khuong.vet", headers, unitEvent("vinh-long.phu-khuong.vet", 1,
                    "OFFICE", "ACTIVE", "Tổ truyền thông", List.of()));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> units.find("vinh-long.phu-khuong.vet").isPresent());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(line -> line.contains("Applying " + UNIT_CHANGED + " " + headers.get("ce_id"))))
                .singleElement().asString().contains(traceId));
    }
}
