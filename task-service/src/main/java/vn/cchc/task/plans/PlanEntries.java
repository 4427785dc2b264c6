package vn.cchc.task.plans;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.cchc.task.tasks.Schedule;
import vn.cchc.task.tasks.TaskSource;
import vn.cchc.task.tasks.TaskSpec;
import vn.cchc.task.tasks.TimeFrame;
import vn.cchc.task.tasks.TimeFrameType;

/**
 * Reads the entries of a plan event ({@code vn.cchc.plan.issued|amended|closed.v1}) that become tasks:
 * one per task-catalogue entry and one per scheduled item. task-service's own reading of the contract:
 * no plan-service type is shared, and fields it does not use (legal bases, responsibilities, milestones,
 * presenters, details…) are ignored.
 * <p>
 * A catalogue entry whose {@code leadUnitId} is null (led by a group such as "Các cơ quan, đơn vị có liên quan", or
 * a body outside the directory) is tracked by the plan's issuing unit; the lead's name ({@code lead.name}) is kept
 * for display. A time-frame type this service does not know is read as ONGOING (no due date).
 */
public final class PlanEntries {
    private PlanEntries() {
    }

    public static List<TaskSpec> read(JsonNode plan) {
        String planId = plan.required("planId").asString();
        long revision = plan.required("revision").asLong();
        int planYear = plan.path("year").asInt(LocalDate.now().getYear());
        String issuingUnit = text(plan, "issuingUnitId");
        List<TaskSpec> specs = new ArrayList<>();
        for (JsonNode task : plan.path("tasks")) {
            TimeFrame timeFrame = timeFrame(task.path("timeFrame"));
            String lead = text(task, "leadUnitId");
            if (lead == null) {
                lead = text(task.path("lead"), "unitId");
            }
            String leadName = text(task.path("lead"), "name");
            List<String> coordinatorNames = new ArrayList<>();
            for (JsonNode coordinator : task.path("coordinators")) {
                String name = text(coordinator, "name");
                if (name != null && text(coordinator, "unitId") == null) {
                    coordinatorNames.add(name);
                }
            }
            specs.add(new TaskSpec(planId, revision, task.required("id").asString(), TaskSource.CATALOGUE,
                    task.required("title").asString(), lead != null ? lead : issuingUnit,
                    strings(task.path("coordinatingUnitIds")), null, null, strings(task.path("products")),
                    timeFrame, Schedule.of(timeFrame, null, null, planYear), leadName, coordinatorNames));
        }
        for (JsonNode item : plan.path("scheduledItems")) {
            LocalDate date = date(text(item, "date"));
            LocalTime start = time(text(item, "startTime"));
            LocalTime end = time(text(item, "endTime"));
            TimeFrame timeFrame = new TimeFrame(TimeFrameType.DATE, date, null, null, date == null ? null : date.getYear(),
                    describe(date, start, end));
            String unit = text(item, "unitId");
            specs.add(new TaskSpec(planId, revision, item.required("id").asString(), TaskSource.SCHEDULED_ITEM,
                    item.required("title").asString(), unit != null ? unit : issuingUnit, List.of(),
                    text(item, "channel"), text(item, "kind"), List.of(), timeFrame,
                    Schedule.of(timeFrame, start, end, planYear)));
        }
        return specs;
    }

    static TimeFrame timeFrame(JsonNode frame) {
        return new TimeFrame(
                TimeFrameType.parse(text(frame, "type")),
                date(text(frame, "date")),
                integer(frame, "month"),
                integer(frame, "quarter"),
                integer(frame, "year"),
                text(frame, "text"),
                integer(frame, "fromMonth"),
                integer(frame, "toMonth"),
                integer(frame, "half"),
                text(frame, "recurrence"));
    }

    /** As a Vietnamese plan writes it: "23/01/2026, 20:15–20:45". */
    static String describe(LocalDate date, LocalTime start, LocalTime end) {
        if (date == null) {
            return null;
        }
        String day = String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        if (start == null) {
            return day;
        }
        return day + ", " + start + (end == null ? "" : "–" + end);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
