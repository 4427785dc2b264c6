package vn.cchc.task.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the task API. */
final class TaskRequests {
    private TaskRequests() {
    }

    record ChangeStatus(@NotNull TaskStatus status, @Size(max = 200) String author, @Size(max = 4000) String note) {
    }

    record AddNote(@NotBlank @Size(max = 200) String author, @NotBlank @Size(max = 4000) String text) {
    }

    record Trigger(@NotNull LocalDate dueDate) {
    }
}
