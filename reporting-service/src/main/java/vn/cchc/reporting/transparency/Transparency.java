package vn.cchc.reporting.transparency;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.cchc.reporting.compliance.TargetStatus;

/**
 * What the public may see of a province's communication targets: aggregates only. No staff names, no user ids, no item
 * titles or links, no tasks: per commune, per target, the counts against the minimum and the status.
 *
 * @param asOf       the day the figures are stated on (Vietnam time)
 * @param computedAt when they were computed (answers are cached, see {@link TransparencyProperties#cacheTtl()})
 */
public record Transparency(String provinceId, String provinceName, int year, LocalDate asOf, Instant computedAt,
                           List<Commune> communes) {

    @JsonProperty("statusLabels")
    public Map<TargetStatus, String> statusLabels() {
        return TargetStatus.labels();
    }

    public record Commune(String unitId, String name, List<Target> targets) {
    }

    /**
     * @param currentPeriod      code of the period instance running on {@code asOf} ("2026-06", "2026-Q2", "2026")
     * @param countThisYear      items counted by the target in the year up to {@code asOf}
     * @param countCurrentPeriod items counted in the current period
     */
    public record Target(String description, List<String> channels, List<String> channelLabels, String periodKind,
                         String periodKindLabel, String currentPeriod, String currentPeriodLabel, TargetStatus status,
                         String statusLabel, long countThisYear, long countCurrentPeriod, int minimum) {
    }
}
