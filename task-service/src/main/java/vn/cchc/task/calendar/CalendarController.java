package vn.cchc.task.calendar;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.security.CurrentUser;
import vn.cchc.task.tasks.Task;
import vn.cchc.task.tasks.TaskQuery;

/**
 * {@code GET /api/tasks/calendar/{unitId}.ics}: the unit's dated tasks and those of the units beneath it, as far as
 * the caller may read them. Behind the bearer token like the rest of the API; calendar apps that cannot send a
 * header subscribe through a revocable secret address instead ({@link CalendarSubscriptionController}).
 */
@RestController
class CalendarController {
    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    private final TaskQuery query;

    CalendarController(TaskQuery query) {
        this.query = query;
    }

    @GetMapping("/api/tasks/calendar/{file:.+\\.ics}")
    ResponseEntity<String> feed(@PathVariable String file, CurrentUser user) {
        String unitId = file.substring(0, file.length() - ".ics".length());
        if (!UnitPath.isValid(unitId)) {
            throw new InvalidRequestException("unitId", "pattern", "Not a unit id (e.g. lam-dong.bac-binh).");
        }
        List<Task> tasks = query.find(new TaskQuery.Filter(null, unitId, null, null, null),
                user.readableScopes());
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .header("Content-Disposition", "inline; filename=\"" + file + "\"")
                .body(TaskCalendar.render(unitId, tasks));
    }
}
