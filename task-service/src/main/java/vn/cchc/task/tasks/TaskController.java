package vn.cchc.task.tasks;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.security.CurrentUser;

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

    /** The body with the task's version as ETag, for a later If-Match. */
    private org.springframework.http.ResponseEntity<TaskView> withEtag(Task task) {
        return org.springframework.http.ResponseEntity.ok().eTag("\"" + task.getVersion() + "\"").body(view(task));
    }

    /** {@code If-Match: "3"} → 3; absent → no check; anything else can never match. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** e.g. {@code ?unit=lam-dong.bac-binh&status=PLANNED,OVERDUE&dueFrom=2026-01-01&dueTo=2026-03-31} */
    @GetMapping
    List<TaskView> list(@RequestParam(required = false) String plan, @RequestParam(required = false) String unit,
                        @RequestParam(required = false) List<String> status,
                        @RequestParam(required = false) String dueFrom, @RequestParam(required = false) String dueTo,
                        CurrentUser user) {
        return query.find(new TaskQuery.Filter(plan, unit, status, dueFrom, dueTo), user.readableScopes())
                .stream().map(this::view).toList();
    }

    /** 404 also for a task outside the caller's units: its existence is not revealed. */
    @GetMapping("/{id}")
    org.springframework.http.ResponseEntity<TaskView> get(@PathVariable String id, CurrentUser user) {
        return withEtag(tasks.get(id, user));
    }

    /** Who changed the task through the API, when and what (status changes, notes, triggers), oldest first. */
    @GetMapping("/{id}/audit")
    List<AuditEntry> audit(@PathVariable String id, CurrentUser user) {
        return tasks.get(id, user).getAudit();
    }

    @PutMapping("/{id}/status")
    org.springframework.http.ResponseEntity<TaskView> changeStatus(@PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TaskRequests.ChangeStatus request, CurrentUser user) {
        return withEtag(tasks.changeStatus(id, request.status(), request.author(), request.note(),
                expectedVersion(ifMatch), user));
    }

    @PostMapping("/{id}/notes")
    org.springframework.http.ResponseEntity<TaskView> addNote(@PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TaskRequests.AddNote request, CurrentUser user) {
        return withEtag(tasks.addNote(id, request.author(), request.text(), expectedVersion(ifMatch), user));
    }

    /** For tasks due "when results are published": the results are out, the task is due on the given day. */
    @PostMapping("/{id}/trigger")
    org.springframework.http.ResponseEntity<TaskView> trigger(@PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TaskRequests.Trigger request, CurrentUser user) {
        return withEtag(tasks.trigger(id, request.dueDate(), expectedVersion(ifMatch), user));
    }
}
