package vn.cchc.task.tasks;

import java.time.Instant;

/** When a scheduled item airs (UTC instants); a broadcast inside it is evidence for the item. */
public record TaskWindow(Instant start, Instant end) {
    public boolean contains(Instant at) {
        return !at.isBefore(start) && !at.isAfter(end);
    }
}
