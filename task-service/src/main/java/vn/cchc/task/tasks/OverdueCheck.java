package vn.cchc.task.tasks;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks unfinished tasks OVERDUE once their due day (Vietnam time, from the injected Clock) has passed.
 * Each task moves by its own guarded write and emits status-changed; running twice changes nothing more.
 */
@Component
public class OverdueCheck {
    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);
    private final MongoTemplate mongo;
    private final TaskStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    OverdueCheck(MongoTemplate mongo, TaskStore store, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /** Returns how many tasks became overdue. */
    @Scheduled(fixedDelayString = "${cchc.tasks.overdue-check-interval:15m}", initialDelayString = "${cchc.tasks.overdue-check-initial-delay:30s}")
    public int run() {
        LocalDate today = VietnamTime.today(clock);
        // due dates are stored as yyyy-mm-dd text, so "before today" is a string comparison
        Query candidates = Query.query(Criteria.where("status").in(TaskStatus.PLANNED.name(), TaskStatus.IN_PROGRESS.name())
                .and("dueDate").lt(today.toString()));
        candidates.fields().include("_id");
        List<String> ids = mongo.find(candidates, org.bson.Document.class, "tasks").stream()
                .map(d -> d.getString("_id")).toList();
        int marked = 0;
        for (String id : ids) {
            boolean[] changed = {false};
            store.update(id, task -> changed[0] = task.markOverdueIfPastDue(clock.instant(), VietnamTime.today(clock)));
            if (changed[0]) {
                marked++;
            }
        }
        if (marked > 0) {
            log.info("{} task(s) became overdue on {}", marked, today);
            meters.counter("cchc.tasks.overdue.marked").increment(marked);
        }
        return marked;
    }
}
