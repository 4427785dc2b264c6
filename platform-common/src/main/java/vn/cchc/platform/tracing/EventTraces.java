package vn.cchc.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Continues the trace an event carries ({@code traceparent} record header) around work done for it, so its log lines
 * carry that trace id and the events it causes carry it onward. Record-mode consumers need none of this: the Kafka
 * binder's observation ({@code spring.cloud.stream.kafka.binder.enable-observation}) does it for each record. A batch
 * listener gets no per-record scope from the container, so it uses this.
 */
public class EventTraces {
    private final Tracer tracer;
    private final Propagator propagator;

    public EventTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Runs {@code work} in a consumer span continuing the trace of {@code headers} (a new trace when they carry none). */
    public <T> T inTraceOf(Map<String, ?> headers, String name, Supplier<T> work) {
        String traceparent = text(headers == null ? null : headers.get(Traceparent.HEADER));
        Span.Builder builder = traceparent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(Traceparent.HEADER, traceparent), Map::get);
        Span span = builder.name(name).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }

    public void inTraceOf(Map<String, ?> headers, String name, Runnable work) {
        inTraceOf(headers, name, () -> {
            work.run();
            return null;
        });
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return value == null ? null : value.toString();
    }
}
