package vn.cchc.benchmark.stack;

import java.time.Instant;

/** A publication answered 201: its id, the time the service recorded it (the event time) and when the 201 arrived. */
public record Recorded(String id, Instant recordedAt, Instant answeredAt) {
}
