package vn.cchc.task.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Due dates and periods are days in Vietnam, whatever the server's zone. */
public final class VietnamTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
