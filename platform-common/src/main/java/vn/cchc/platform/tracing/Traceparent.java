package vn.cchc.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The W3C Trace Context {@code traceparent} of the current span ({@code 00-<trace id>-<span id>-<flags>}), read from
 * OpenTelemetry's context, which Micrometer Tracing's OpenTelemetry bridge keeps current for an HTTP request, a
 * consumed record or a scheduled run. Static so that domain code creating an event ({@code PendingEvent.of}) needs no
 * bean; null outside any span.
 */
public final class Traceparent {
    /** The header name, on HTTP and on Kafka records alike (CloudEvents' distributed-tracing extension uses it too). */
    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private Traceparent() {
    }

    /** The current span's traceparent, or null when there is none. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The trace id of a well-formed version-00 traceparent, else null. */
    public static String traceId(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches() ? traceparent.substring(3, 35) : null;
    }
}
