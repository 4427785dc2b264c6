package vn.cchc.task.tasks;

import java.util.List;

/**
 * What one entry of an issued plan asks for, as read from a plan event: the part of a task the plan owns.
 * Status, notes and evidence are the task's own and survive amendments.
 */
public record TaskSpec(String planId, long planRevision, String entryId, TaskSource source, String title,
                       String unitId, List<String> coordinatingUnitIds, String channel, String kind,
                       List<String> products, TimeFrame timeFrame, Schedule schedule) {
}
