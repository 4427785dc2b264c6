package vn.cchc.task.tasks;

/** Which part of the plan a task carries out. */
public enum TaskSource {
    /** A row of the plan's task catalogue ("Danh mục nhiệm vụ"). */
    CATALOGUE,
    /** A dated item such as a radio programme, with its air time. */
    SCHEDULED_ITEM
}
