package vn.cchc.publication;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;

/** The list of publications with filters; periods are whole days in Vietnam time, {@code to} included. */
@Component
class PublicationQuery {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int MAX_SIZE = 200;

    record Filter(String unit, Channel channel, Kind kind, Theme theme, LocalDate from, LocalDate to, String planId,
                  String taskId, Publication.Status status, int page, int size) {
    }

    /** @param total items matching the filter, all pages; @param totalPages pages of {@code size} items (0 if none) */
    record Page(List<PublicationView> items, int page, int size, long total, long totalPages) {
        Page(List<PublicationView> items, int page, int size, long total) {
            this(items, page, size, total, (total + size - 1) / size);
        }
    }

    private final MongoTemplate mongo;

    PublicationQuery(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The items matching the filter among those of {@code scopes} (unit subtrees; none = nothing at all). */
    Page find(Filter filter, List<String> scopes) {
        check(filter);
        if (scopes.isEmpty()) {
            return new Page(List.of(), filter.page(), filter.size(), 0);
        }
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(inScopes(scopes));
        if (filter.unit() != null) {
            criteria.add(Criteria.where("unitId").regex(UnitPath.subtreeRegex(filter.unit())));
        }
        if (filter.channel() != null) {
            criteria.add(Criteria.where("channel").is(filter.channel().name()));
        }
        if (filter.kind() != null) {
            criteria.add(Criteria.where("kind").is(filter.kind().name()));
        }
        if (filter.theme() != null) {
            criteria.add(Criteria.where("themes").is(filter.theme().name()));
        }
        if (filter.from() != null) {
            criteria.add(Criteria.where("publishedAt").gte(filter.from().atStartOfDay(VIETNAM).toInstant()));
        }
        if (filter.to() != null) {
            criteria.add(Criteria.where("publishedAt").lt(filter.to().plusDays(1).atStartOfDay(VIETNAM).toInstant()));
        }
        if (filter.planId() != null) {
            criteria.add(Criteria.where("planId").is(filter.planId()));
        }
        if (filter.taskId() != null) {
            criteria.add(Criteria.where("taskId").is(filter.taskId()));
        }
        if (filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status().name()));
        }
        Query query = new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Publication.class);
        query.with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("_id")))
                .skip((long) filter.page() * filter.size()).limit(filter.size());
        query.fields().exclude("history", "pendingEvents");
        List<PublicationView> items = mongo.find(query, Publication.class).stream().map(PublicationView::of).toList();
        return new Page(items, filter.page(), filter.size(), total);
    }

    /** unitId within any of these subtrees (whole segments). */
    static Criteria inScopes(List<String> scopes) {
        return new Criteria().orOperator(scopes.stream()
                .map(scope -> Criteria.where("unitId").regex(UnitPath.subtreeRegex(scope))).toList());
    }

    private static void check(Filter filter) {
        List<FieldError> errors = new ArrayList<>();
        if (filter.unit() != null && !UnitPath.isValid(filter.unit())) {
            errors.add(new FieldError("unit", "pattern", "Must be a dot-separated unit id such as vinh-long.phu-khuong."));
        }
        if (filter.page() < 0) {
            errors.add(new FieldError("page", "min", "Pages are numbered from 0."));
        }
        if (filter.size() < 1 || filter.size() > MAX_SIZE) {
            errors.add(new FieldError("size", "range", "Between 1 and " + MAX_SIZE + " items per page."));
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            errors.add(new FieldError("from", "before-to", "The period starts after it ends."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
