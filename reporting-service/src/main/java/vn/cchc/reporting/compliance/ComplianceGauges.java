package vn.cchc.reporting.compliance;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code cchc_compliance_targets{commune, status=AT_RISK|MISSED}}: the current year's target-period instances at risk or
 * missed, per commune, set from the stored state ({@link ComplianceState}) as soon as the tracker writes it, so a status
 * change shows at the next scrape, not at the next sweep.
 *
 * <p>Cardinality: two series per commune (never per target, plan or period); the province's own targets share
 * {@code commune="(province)"}. At most {@code cchc.reporting.metrics.max-communes} (default 5,000: the country has
 * 3,321 communes) communes get their own series; any further commune is added to {@code commune="(other)"}, so a
 * wrong directory cannot flood Prometheus.
 */
@Component
public class ComplianceGauges {
    static final String PROVINCE = "(province)";
    static final String OTHER = "(other)";
    private static final String[] STATUSES = {"AT_RISK", "MISSED"};

    private final MeterRegistry meters;
    private final int maxCommunes;
    /** owner (commune or province id) → [AT_RISK, MISSED] */
    private final Map<String, long[]> byOwner = new ConcurrentHashMap<>();
    private final Set<String> labelled = ConcurrentHashMap.newKeySet();

    ComplianceGauges(MeterRegistry meters, @Value("${cchc.reporting.metrics.max-communes:5000}") int maxCommunes) {
        this.meters = meters;
        this.maxCommunes = maxCommunes;
    }

    /** Sets the figures of the owner documents just written (documents of other years are history, not an alert). */
    public void update(Collection<Document> owners, int currentYear) {
        for (Document owner : owners) {
            if (((Number) owner.get("year")).intValue() == currentYear) {
                set(owner.getString("owner"), owner);
            }
        }
    }

    /** Replaces every figure with those of the year's documents (the sweep). */
    public void replaceAll(Collection<Document> owners, int currentYear) {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (Document owner : owners) {
            if (((Number) owner.get("year")).intValue() == currentYear) {
                seen.add(owner.getString("owner"));
                set(owner.getString("owner"), owner);
            }
        }
        byOwner.keySet().retainAll(seen);
    }

    private void set(String owner, Document document) {
        long[] counts = new long[2];
        for (StoredTarget target : ComplianceState.targets(document)) {
            counts[0] += target.count(TargetStatus.AT_RISK);
            counts[1] += target.count(TargetStatus.MISSED);
        }
        byOwner.put(owner, counts);
        register(label(owner));
    }

    private String label(String owner) {
        if (!owner.contains(".")) {
            return PROVINCE;
        }
        if (labelled.contains(owner) || labelled.size() < maxCommunes + 2) {
            return owner;
        }
        return OTHER;
    }

    private void register(String label) {
        if (labelled.add(label)) {
            for (int i = 0; i < STATUSES.length; i++) {
                int index = i;
                Gauge.builder("cchc.compliance.targets", () -> value(label, index))
                        .description("Target period instances at risk or missed, per commune (this year)")
                        .tags("commune", label, "status", STATUSES[i]).register(meters);
            }
        }
    }

    /** A commune's own figure, or the sum of the owners folded into {@code (province)} / {@code (other)}. */
    private double value(String label, int index) {
        if (!PROVINCE.equals(label) && !OTHER.equals(label)) {
            long[] counts = byOwner.get(label);
            return counts == null ? 0 : counts[index];
        }
        return byOwner.entrySet().stream().filter(e -> label.equals(foldedLabel(e.getKey())))
                .mapToLong(e -> e.getValue()[index]).sum();
    }

    private String foldedLabel(String owner) {
        return !owner.contains(".") ? PROVINCE : labelled.contains(owner) ? owner : OTHER;
    }
}
