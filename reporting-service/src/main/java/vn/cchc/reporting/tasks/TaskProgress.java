package vn.cchc.reporting.tasks;

import java.util.Comparator;
import java.util.List;

/** Task counts by status and the overdue list, for one plan and/or unit scope. */
public record TaskProgress(int total, int planned, int inProgress, int done, int overdue, int cancelled,
                           List<TaskView> overdueTasks) {

    public static TaskProgress of(List<TaskView> tasks) {
        int planned = 0, inProgress = 0, done = 0, overdue = 0, cancelled = 0;
        for (TaskView t : tasks) {
            switch (t.status()) {
                case "PLANNED" -> planned++;
                case "IN_PROGRESS" -> inProgress++;
                case "DONE" -> done++;
                case "OVERDUE" -> overdue++;
                case "CANCELLED" -> cancelled++;
                default -> { }
            }
        }
        List<TaskView> overdueTasks = tasks.stream().filter(t -> "OVERDUE".equals(t.status()))
                .sorted(Comparator.comparing(TaskView::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        return new TaskProgress(tasks.size(), planned, inProgress, done, overdue, cancelled, overdueTasks);
    }
}
