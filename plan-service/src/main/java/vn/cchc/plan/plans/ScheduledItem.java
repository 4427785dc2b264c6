package vn.cchc.plan.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.cchc.plan.units.Channel;

/**
 * A dated item, e.g. the radio programme "Đối thoại về cải cách hành chính" on 23/01/2026, 20:15–20:45,
 * with its presenter ("Lãnh đạo Sở Nội vụ"), topic and the row as written.
 */
public record ScheduledItem(
        @Size(max = 64) @Pattern(regexp = PlanEntries.ID_PATTERN, message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank @Size(max = 500) String title,
        @NotNull LocalDate date,
        @Pattern(regexp = PlanEntries.TIME_PATTERN, message = "must be a time HH:mm") String startTime,
        @Pattern(regexp = PlanEntries.TIME_PATTERN, message = "must be a time HH:mm") String endTime,
        @NotBlank String unitId,
        @NotNull Channel channel,
        @NotNull PublicationKind kind,
        @Size(max = 500) String presenter,
        @Size(max = 1000) String topic,
        @Size(max = 5000) String text) {

    public ScheduledItem(String id, String title, LocalDate date, String startTime, String endTime, String unitId,
                         Channel channel, PublicationKind kind) {
        this(id, title, date, startTime, endTime, unitId, channel, kind, null, null, null);
    }
}
