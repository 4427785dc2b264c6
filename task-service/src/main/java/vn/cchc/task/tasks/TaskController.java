package vn.cchc.task.tasks;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {
    private final TaskService tasks;
    private final TaskQuery query;
    private final java.time.Clock clock;

    TaskController(TaskService tasks, TaskQuery query, java.time.Clock clock) {
        this.tasks = tasks;
        this.query = query;
        this.clock = clock;
    }

    private TaskView view(Task task) {
        return TaskView.of(task, VietnamTime.today(clock));
    }

    /** e.g. {@code ?unit=lam-dong.bac-binh&status=PLANNED,OVERDUE&dueFrom=2026-01-01&dueTo=2026-03-31} */
    @GetMapping
    List<TaskView> list(@RequestParam(required = false) String plan, @RequestParam(required = false) String unit,
                        @RequestParam(required = false) List<String> status,
                        @RequestParam(required = false) String dueFrom, @RequestParam(required = false) String dueTo) {
        return query.find(new TaskQuery.Filter(plan, unit, status, dueFrom, dueTo)).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable String id) {
        return view(tasks.get(id));
    }

    @PutMapping("/{id}/status")
    TaskView changeStatus(@PathVariable String id, @Valid @RequestBody TaskRequests.ChangeStatus request) {
        return view(tasks.changeStatus(id, request.status(), request.author(), request.note()));
    }

    @PostMapping("/{id}/notes")
    TaskView addNote(@PathVariable String id, @Valid @RequestBody TaskRequests.AddNote request) {
        return view(tasks.addNote(id, request.author(), request.text()));
    }

    /** For tasks due "when results are published": the results are out, the task is due on the given day. */
    @PostMapping("/{id}/trigger")
    TaskView trigger(@PathVariable String id, @Valid @RequestBody TaskRequests.Trigger request) {
        return view(tasks.trigger(id, request.dueDate()));
    }
}
