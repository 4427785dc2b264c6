package vn.cchc.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Periods are bucketed in Vietnam time whatever the server's zone: 20:00 on 31 January counts for January. */
public final class VietnamTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    public static LocalDate date(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
