package vn.cchc.task.tasks;

import java.util.List;

/**
 * What one entry of an issued plan asks for, as read from a plan event: the part of a task the plan owns.
 * Status, notes and evidence are the task's own and survive amendments.
 * <p>
 * {@code unitId} is the unit that tracks the task: the lead unit, or the plan's issuing unit when the plan names a
 * group or a body outside the directory as lead ("Các cơ quan, đơn vị có liên quan"); {@code leadName} is the lead as
 * the plan writes it (null when the plan gives only a unit id), {@code coordinatorNames} the coordinators written
 * as names, for display.
 */
public record TaskSpec(String planId, long planRevision, String entryId, TaskSource source, String title,
                       String unitId, List<String> coordinatingUnitIds, String channel, String kind,
                       List<String> products, TimeFrame timeFrame, Schedule schedule, String leadName,
                       List<String> coordinatorNames) {
    public TaskSpec {
        coordinatorNames = coordinatorNames == null ? List.of() : List.copyOf(coordinatorNames);
    }

    public TaskSpec(String planId, long planRevision, String entryId, TaskSource source, String title,
                    String unitId, List<String> coordinatingUnitIds, String channel, String kind,
                    List<String> products, TimeFrame timeFrame, Schedule schedule) {
        this(planId, planRevision, entryId, source, title, unitId, coordinatingUnitIds, channel, kind, products, timeFrame,
                schedule, null, List.of());
    }
}
