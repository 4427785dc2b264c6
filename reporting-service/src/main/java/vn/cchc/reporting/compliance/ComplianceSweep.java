package vn.cchc.reporting.compliance;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.readmodel.ReadStore;

/**
 * Time moves statuses without any event (a month ends: AT_RISK becomes MISSED), so this re-evaluates the current
 * year's plans periodically, then refreshes the business gauges.
 *
 * <p>{@code cchc.compliance.targets{commune, status}} counts target-period instances AT_RISK or MISSED per commune:
 * two status values and one series per commune that has any (≤ 3,321 nationwide, ≤ ~170 per province deployment),
 * never per target or plan, so cardinality stays bounded.
 */
@Component
public class ComplianceSweep {
    private final TargetStatusTracker tracker;
    private final ReadStore store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final MultiGauge gauge;

    ComplianceSweep(TargetStatusTracker tracker, ReadStore store, MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.tracker = tracker;
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        this.gauge = MultiGauge.builder("cchc.compliance.targets")
                .description("Target period instances at risk or missed, per commune").register(meters);
    }

    @Scheduled(initialDelayString = "${cchc.reporting.sweep-initial-delay:PT1M}", fixedDelayString = "${cchc.reporting.sweep-interval:PT15M}")
    public void sweep() {
        int year = VietnamTime.date(clock.instant()).getYear();
        tracker.refresh(store.plansOfYear(year));
        refreshGauges();
    }

    /** Counts the current year's period instances (earlier years' misses are history, not an alert). */
    public void refreshGauges() {
        String yearStart = VietnamTime.date(clock.instant()).withDayOfYear(1).toString();
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").in("AT_RISK", "MISSED").and("periodEnd").gte(yearStart)),
                Aggregation.group("commune", "status").count().as("n"));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Document row : mongo.aggregate(aggregation, TargetStatusTracker.COLLECTION, Document.class).getMappedResults()) {
            Document key = row.get("_id", Document.class);
            String commune = key.getString("commune") == null ? "(province)" : key.getString("commune");
            rows.add(MultiGauge.Row.of(Tags.of("commune", commune, "status", key.getString("status")), ((Number) row.get("n")).doubleValue()));
        }
        gauge.register(rows, true);
    }
}
