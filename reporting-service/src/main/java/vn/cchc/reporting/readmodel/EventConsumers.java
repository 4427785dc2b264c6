package vn.cchc.reporting.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.kafka.listener.BatchListenerFailedException;
import vn.cchc.platform.events.EventGate;
import vn.cchc.platform.events.retry.FailureKind;
import vn.cchc.platform.events.RefusedEventException;
import vn.cchc.platform.events.InboundEvent;
import vn.cchc.platform.tracing.EventTraces;
import vn.cchc.reporting.compliance.TargetStatusTracker;
import vn.cchc.reporting.counts.PublicationFactProjection.Applied;
import vn.cchc.reporting.counts.PublicationFactProjection.FactEvent;
import vn.cchc.reporting.live.LiveUpdates;
import vn.cchc.reporting.plans.PlanView;

/**
 * The Spring Cloud Stream bindings {@code publicationEvents-in-0} (batch mode: every record of a poll at once),
 * {@code planEvents-in-0}, {@code taskEvents-in-0}, {@code unitEvents-in-0}. Each applied event goes to the live stream;
 * publication and plan events re-evaluate the target periods they can move (which may emit compliance events through
 * the outbox). Every record passes the {@link EventGate} first: an event not from its owner, without a CloudEvents
 * envelope or not valid against its contract is refused, dead-lettered with the reason and changes no read model.
 */
@Configuration
class EventConsumers {
    static final String PUBLICATION_BINDING = "publicationEvents-in-0";

    private final Projections projections;
    private final ReadStore store;
    private final TargetStatusTracker tracker;
    private final LiveUpdates live;
    private final EventGate gate;
    private final BatchDeadLetters deadLetters;
    private final EventTraces traces;

    EventConsumers(Projections projections, ReadStore store, TargetStatusTracker tracker, LiveUpdates live, EventGate gate,
                   BatchDeadLetters deadLetters, EventTraces traces) {
        this.projections = projections;
        this.store = store;
        this.tracker = tracker;
        this.live = live;
        this.gate = gate;
        this.deadLetters = deadLetters;
        this.traces = traces;
    }

    @Bean
    Consumer<Message<List<byte[]>>> publicationEvents() {
        return this::handlePublications;
    }

    @Bean
    Consumer<Message<byte[]>> planEvents() {
        return message -> handle("planEvents-in-0", message);
    }

    @Bean
    Consumer<Message<byte[]>> taskEvents() {
        return message -> handle("taskEvents-in-0", message);
    }

    @Bean
    Consumer<Message<byte[]>> unitEvents() {
        return message -> handle("unitEvents-in-0", message);
    }

    /**
     * A poll's publication events, applied together. Refused records are dead-lettered by the listener itself
     * ({@link BatchDeadLetters}), after the others are applied: a batch that fails is delivered again whole, and its
     * refused records must not be dead-lettered once per try. When applying fails, the container is told which record
     * ({@code BatchListenerFailedException}): the records before it are committed, it and those behind it are tried
     * again with the back-off of its failure (platform-common's {@code ConsumerFailureHandling}): for as long as it
     * takes when MongoDB is away, a few times and then the dead-letter topic for anything else. Which record that is:
     * the first of the batch when the failure is transient (nothing is lost by applying them all again: facts and
     * counts are guarded by revision); otherwise the records are applied one by one to find the one that fails.
     * Tracing: the container gives a batch no trace, so each record is admitted in its own trace (its
     * {@code traceparent}) and the batch is applied in the trace of its first event.
     */
    @SuppressWarnings("unchecked")
    void handlePublications(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        Object topics = batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        List<FactEvent> events = new ArrayList<>(payloads.size());
        List<Integer> positions = new ArrayList<>(payloads.size());
        Map<Integer, RefusedEventException> refusals = new java.util.TreeMap<>();
        Map<String, Object> firstHeaders = null;
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, Object> h = headersOf(headers, i);
            String topic = topics instanceof List<?> list && list.size() > i ? String.valueOf(list.get(i)) : null;
            byte[] payload = payloads.get(i);
            InboundEvent event;
            try {
                event = traces.inTraceOf(h, PUBLICATION_BINDING,
                        () -> gate.admit(PUBLICATION_BINDING, topic, h, payload).orElse(null));
            } catch (RefusedEventException refused) {
                refusals.put(i, refused);
                continue;
            }
            if (event != null && Projections.isPublicationEvent(event.type())) {
                events.add(new FactEvent(event.type(), event.data(), event.time()));
                positions.add(i);
                firstHeaders = firstHeaders == null ? h : firstHeaders;
            }
        }
        try {
            if (firstHeaders == null) {
                applyPublications(events);
            } else {
                traces.inTraceOf(firstHeaders, PUBLICATION_BINDING, () -> applyPublications(events));
            }
        } catch (RuntimeException failure) {
            Failed failed = FailureKind.of(failure) == FailureKind.TRANSIENT ? new Failed(0, failure)
                    : applyOneByOne(events, positions, failure);
            deadLetterBefore(batch, headers, payloads, refusals, failed.position());
            throw new BatchListenerFailedException("publication event " + failed.position() + " of the batch not applied",
                    failed.cause(), failed.position());
        }
        deadLetterBefore(batch, headers, payloads, refusals, payloads.size());
    }

    private record Failed(int position, RuntimeException cause) {
    }

    /** The batch position of the first event that fails on its own, and why; those before it are applied. */
    private Failed applyOneByOne(List<FactEvent> events, List<Integer> positions, RuntimeException together) {
        for (int e = 0; e < events.size(); e++) {
            try {
                applyPublications(List.of(events.get(e)));
            } catch (RuntimeException failure) {
                return new Failed(positions.get(e), failure);
            }
        }
        return new Failed(0, together); // each applies alone: the whole batch is tried again
    }

    /** Dead-letters the refused records the container will commit: those before position {@code end}. */
    private void deadLetterBefore(Message<List<byte[]>> batch, List<Map<String, Object>> headers, List<byte[]> payloads,
                                  Map<Integer, RefusedEventException> refusals, int end) {
        refusals.forEach((i, refused) -> {
            if (i < end) {
                deadLetters.send(batch.getHeaders(), i, headersOf(headers, i), payloads.get(i), refused.getMessage());
            }
        });
    }

    private static Map<String, Object> headersOf(List<Map<String, Object>> headers, int i) {
        return headers == null || headers.size() <= i ? Map.of() : headers.get(i);
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

    void handle(String binding, Message<byte[]> message) {
        InboundEvent event = gate.admit(binding, message).orElse(null);
        if (event == null) {
            return;
        }
        Projections.Change change = projections.applyLive(event.type(), event.data(), event.time());
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
}
