package vn.cchc.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.CloudEventSender;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.security.test.TestTokens;

/**
 * An event is applied in the trace its {@code traceparent} header carries, on the batch binding (publications, where
 * the listener continues the trace itself) and on a record binding (plans, the binder's observation): the log line of
 * its application carries the trace id the producer's request had.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {"cchc.unit.events", "cchc.plan.events", "cchc.task.events",
        "cchc.publication.events", "cchc.compliance.events"})
class EventTraceContextTest {
    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("reporting-trace-test"));
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    /** Sends {@code type}'s contract example under {@code id} with this traceparent; returns the event's ce_id. */
    String sendTraced(String topic, String type, String idField, String id, String traceId) {
        ObjectNode data = (ObjectNode) json.readTree(ContractSchemas.example(type));
        data.put(idField, id);
        Map<String, String> headers = CloudEventSender.envelope(type);
        headers.put("ce_subject", id);
        headers.put("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        try (CloudEventSender sender = new CloudEventSender(brokers)) {
            sender.sendRaw(topic, id, headers, json.writeValueAsString(data));
        }
        return headers.get("ce_id");
    }

    static void assertAppliedInTrace(CapturedOutput output, String type, String eventId, String traceId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(line -> line.contains("Applying " + type + " " + eventId)))
                .singleElement().asString().contains(traceId));
    }

    @Test
    void aPublicationInABatchIsAppliedInItsOwnTrace(CapturedOutput output) {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String type = "vn.cchc.publication.recorded.v1";
        String eventId = sendTraced("cchc.publication.events", type, "publicationId", "trace-pub-1", traceId);

        assertAppliedInTrace(output, type, eventId, traceId);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                mongo.exists(Query.query(Criteria.where("_id").is("trace-pub-1")), ReadModels.FACTS));
    }

    @Test
    void aPlanEventIsAppliedInItsTrace(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String type = "vn.cchc.plan.issued.v1";
        String eventId = sendTraced("cchc.plan.events", type, "planId", "trace-plan-1", traceId);

        assertAppliedInTrace(output, type, eventId, traceId);
    }
}
