package vn.cchc.reporting.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.CloudEventHeaders;
import vn.cchc.reporting.compliance.TargetStatusTracker;
import vn.cchc.reporting.live.LiveUpdates;
import vn.cchc.reporting.plans.PlanView;

/**
 * The Spring Cloud Stream bindings {@code publicationEvents-in-0}, {@code planEvents-in-0}, {@code taskEvents-in-0},
 * {@code unitEvents-in-0}. Each applied event goes to the live stream; publication and plan events re-evaluate the
 * targets they can move (which may emit compliance events through the outbox).
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
    Consumer<Message<byte[]>> publicationEvents() {
        return message -> handle(message, "vn.cchc.publication.");
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

    void handle(Message<byte[]> message, String prefix) {
        String type = CloudEventHeaders.type(message);
        if (type == null || !type.startsWith(prefix)) {
            log.warn("Skipping a message of type {} on a {}* topic", type, prefix);
            return;
        }
        JsonNode data = json.readTree(message.getPayload());
        String time = CloudEventHeaders.get(message, CloudEventHeaders.TIME);
        Projections.Change change = projections.applyLive(type, data, time == null ? null : parseTime(time));
        if (change == null) {
            return;
        }
        live.publish("change", change.unitId(), change);
        switch (change.projection()) {
            case ReadModels.FACTS -> tracker.refresh(store.plansTargeting(ancestors(change.unitId())));
            case ReadModels.PLANS -> {
                PlanView plan = store.plan(change.planId());
                if (plan != null) {
                    tracker.refresh(List.of(plan));
                }
            }
            default -> { }
        }
    }

    private static Instant parseTime(String time) {
        try {
            return java.time.OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The unit and every unit above it: the units whose targets an item of {@code unitId} can count for. */
    static List<String> ancestors(String unitId) {
        List<String> ids = new ArrayList<>();
        String[] segments = unitId.split("\\.");
        StringBuilder id = new StringBuilder();
        for (String segment : segments) {
            id.append(id.isEmpty() ? "" : ".").append(segment);
            ids.add(id.toString());
        }
        return ids;
    }
}
