package vn.cchc.reporting.tasks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A task as reporting keeps it (consumer-owned copy of the vn.cchc.task.*.v1 data). {@code unitId} is the unit that
 * tracks it (a group-led task: the plan's issuing unit); {@code leadName} the lead as written, when an event carries it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskView(@org.springframework.data.annotation.Id String taskId, long revision, String planId, String entryId, String source, String title,
                       String unitId, String dueDate, String status, List<String> evidence, String changedAt, String leadName) {
    public TaskView {
        evidence = evidence == null ? List.of() : evidence;
    }
}
