package vn.cchc.reporting.tasks;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.access.UnitAccess;
import vn.cchc.security.CurrentUser;
import vn.cchc.reporting.readmodel.ReadStore;

@RestController
@Validated
class TaskProgressController {
    private final ReadStore store;

    TaskProgressController(ReadStore store) {
        this.store = store;
    }

    record UnitTaskProgress(String unitId, String planId, TaskProgress all, Map<String, TaskProgress> byPlan,
                            Map<String, TaskProgress> byUnit) {
    }

    /** {@code GET /api/reports/units/vinh-long.phu-khuong/tasks[?planId=…]}: the unit and every unit beneath it. */
    @GetMapping("/api/reports/units/{unitId}/tasks")
    UnitTaskProgress tasks(@PathVariable @Pattern(regexp = UnitPath.PATTERN) String unitId,
                           @RequestParam(required = false) String planId, CurrentUser user) {
        UnitAccess.requireVisible(user, unitId);
        List<TaskView> tasks = store.tasks(unitId, planId);
        Map<String, TaskProgress> byPlan = new TreeMap<>(tasks.stream().filter(t -> t.planId() != null)
                .collect(Collectors.groupingBy(TaskView::planId, Collectors.collectingAndThen(Collectors.toList(), TaskProgress::of))));
        Map<String, TaskProgress> byUnit = new TreeMap<>(tasks.stream()
                .collect(Collectors.groupingBy(TaskView::unitId, Collectors.collectingAndThen(Collectors.toList(), TaskProgress::of))));
        return new UnitTaskProgress(unitId, planId, TaskProgress.of(tasks), byPlan, byUnit);
    }
}
