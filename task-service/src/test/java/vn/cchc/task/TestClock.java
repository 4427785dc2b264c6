package vn.cchc.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests move by hand (the overdue check and every timestamp read it). */
public class TestClock extends Clock {
    public static final Instant START = Instant.parse("2026-01-10T02:00:00Z");
    private volatile Instant now = START;

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
