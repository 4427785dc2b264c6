package vn.cchc.task.tasks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;

/**
 * Lists tasks by plan, unit subtree, status and due range; undated tasks sort last. Always within the caller's
 * readable unit subtrees ({@code CurrentUser.readableScopes()}): the filters narrow that, never widen it.
 */
@Component
public class TaskQuery {
    static final int MAX_RESULTS = 1000;
    private final MongoTemplate mongo;

    TaskQuery(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Filter(String planId, String unit, List<String> statuses, String dueFrom, String dueTo) {
    }

    /** {@code scopes}: the unit subtrees the caller may read; none (OPS, or a token without units) → nothing. */
    public List<Task> find(Filter filter, List<String> scopes) {
        List<FieldError> errors = new ArrayList<>();
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (filter.planId() != null && !filter.planId().isBlank()) {
            all.add(Criteria.where("planId").is(filter.planId()));
        }
        if (filter.unit() != null) {
            if (!UnitPath.isValid(filter.unit())) {
                errors.add(new FieldError("unit", "pattern", "Not a unit id (e.g. lam-dong.bac-binh)."));
            } else {
                all.add(Criteria.where("unitId").regex(UnitPath.subtreeRegex(filter.unit())));
            }
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            List<String> statuses = new ArrayList<>();
            for (String s : filter.statuses()) {
                try {
                    statuses.add(TaskStatus.valueOf(s.strip().toUpperCase()).name());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("status", "enum", "Unknown status '" + s + "'."));
                }
            }
            all.add(Criteria.where("status").in(statuses));
        }
        LocalDate from = date("dueFrom", filter.dueFrom(), errors);
        LocalDate to = date("dueTo", filter.dueTo(), errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("dueTo", "range", "dueTo is before dueFrom."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<String> readable = scopes.stream().filter(UnitPath::isValid).toList();
        if (readable.isEmpty()) {
            return List.of();
        }
        all.add(new Criteria().orOperator(readable.stream()
                .map(scope -> Criteria.where("unitId").regex(UnitPath.subtreeRegex(scope))).toList()));
        if (from != null || to != null) {
            Criteria due = Criteria.where("dueDate");
            if (from != null) {
                due = due.gte(from.toString());
            }
            if (to != null) {
                due = due.lte(to.toString());
            }
            all.add(due);
        }
        if (!all.isEmpty()) {
            criteria.andOperator(all);
        }
        Query query = Query.query(criteria).limit(MAX_RESULTS);
        List<Task> tasks = new ArrayList<>(mongo.find(query, Task.class));
        tasks.sort(java.util.Comparator.comparing(Task::getDueDate, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(t -> t.getWindow() == null ? null : t.getWindow().start(),
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(Task::getTitle));
        return tasks;
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(field, "format", "Expected a date yyyy-mm-dd."));
            return null;
        }
    }
}
