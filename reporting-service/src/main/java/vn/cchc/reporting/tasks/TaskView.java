package vn.cchc.reporting.tasks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A task as reporting keeps it (consumer-owned copy of the vn.cchc.task.*.v1 data). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskView(@org.springframework.data.annotation.Id String taskId, long revision, String planId, String entryId, String source, String title,
                       String unitId, String dueDate, String status, List<String> evidence, String changedAt) {
    public TaskView {
        evidence = evidence == null ? List.of() : evidence;
    }
}
