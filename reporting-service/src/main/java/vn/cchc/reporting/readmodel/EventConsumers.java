package vn.cchc.reporting.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.CloudEventHeaders;
import vn.cchc.reporting.compliance.TargetStatusTracker;
import vn.cchc.reporting.counts.PublicationFactProjection.Applied;
import vn.cchc.reporting.counts.PublicationFactProjection.FactEvent;
import vn.cchc.reporting.live.LiveUpdates;
import vn.cchc.reporting.plans.PlanView;

/**
 * The Spring Cloud Stream bindings {@code publicationEvents-in-0} (batch mode: every record of a poll at once),
 * {@code planEvents-in-0}, {@code taskEvents-in-0}, {@code unitEvents-in-0}. Each applied event goes to the live stream;
 * publication and plan events re-evaluate the target periods they can move (which may emit compliance events through
 * the outbox).
 */
@Configuration
class EventConsumers {
    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final Projections projections;
    private final ReadStore store;
    private final TargetStatusTracker tracker;
    private final LiveUpdates live;
    private final JsonMapper json;

    EventConsumers(Projections projections, ReadStore store, TargetStatusTracker tracker, LiveUpdates live, JsonMapper json) {
        this.projections = projections;
        this.store = store;
        this.tracker = tracker;
        this.live = live;
        this.json = json;
    }

    @Bean
    Consumer<Message<List<byte[]>>> publicationEvents() {
        return this::handlePublications;
    }

    @Bean
    Consumer<Message<byte[]>> planEvents() {
        return message -> handle(message, "vn.cchc.plan.");
    }

    @Bean
    Consumer<Message<byte[]>> taskEvents() {
        return message -> handle(message, "vn.cchc.task.");
    }

    @Bean
    Consumer<Message<byte[]>> unitEvents() {
        return message -> handle(message, "vn.cchc.unit.");
    }

    /**
     * A poll's publication events, applied together. An unreadable record stops the batch there: the ones before it are
     * applied, and {@link BatchListenerFailedException} tells the container which record failed, so it alone goes to
     * the dead-letter topic and the rest are delivered again.
     */
    @SuppressWarnings("unchecked")
    void handlePublications(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<FactEvent> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, Object> h = headers == null || headers.size() <= i ? Map.of() : headers.get(i);
            String type = text(h.get(CloudEventHeaders.TYPE));
            if (type == null || !Projections.isPublicationEvent(type)) {
                log.warn("Skipping a message of type {} on the publication topic", type);
                continue;
            }
            try {
                JsonNode data = json.readTree(payloads.get(i));
                data.required("publicationId");
                data.required("revision");
                events.add(new FactEvent(type, data, parseTime(text(h.get(CloudEventHeaders.TIME)))));
            } catch (RuntimeException unreadable) {
                applyPublications(events);
                throw new BatchListenerFailedException("unreadable publication event: " + unreadable.getMessage(), unreadable, i);
            }
        }
        applyPublications(events);
    }

    private void applyPublications(List<FactEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Applied> applied = projections.applyLiveFacts(events);
        if (applied.isEmpty()) {
            return;
        }
        // statuses first, then the stream: a client told about a change reads counts and statuses that include it
        tracker.refreshTouched(applied);
        for (Projections.Change change : Projections.changes(applied)) {
            live.publish("change", change.unitId(), change);
        }
    }

    void handle(Message<byte[]> message, String prefix) {
        String type = CloudEventHeaders.type(message);
        if (type == null || !type.startsWith(prefix)) {
            log.warn("Skipping a message of type {} on a {}* topic", type, prefix);
            return;
        }
        JsonNode data = json.readTree(message.getPayload());
        String time = CloudEventHeaders.get(message, CloudEventHeaders.TIME);
        Projections.Change change = projections.applyLive(type, data, parseTime(time));
        if (change == null) {
            return;
        }
        if (ReadModels.PLANS.equals(change.projection())) {
            PlanView plan = store.plan(change.planId());
            if (plan != null) {
                tracker.refresh(List.of(plan));
            }
        }
        live.publish("change", change.unitId(), change);
    }

    private static String text(Object header) {
        if (header instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return header == null ? null : header.toString();
    }

    private static Instant parseTime(String time) {
        if (time == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
