package vn.cchc.reporting.transparency;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.compliance.ComplianceService;
import vn.cchc.reporting.compliance.PeriodLabel;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.periodic.Labels;
import vn.cchc.reporting.readmodel.ReadStore;

/**
 * Computes a province's public figures from the compliance roll-up's scope (the whole province). Cached per
 * province-year ({@link TransparencyCaching}): an open endpoint must not let anyone load the service, so the figures
 * are computed at most once per TTL, concurrent misses included ({@code sync}). Each computation increments
 * {@code cchc_transparency_computations_total{province}}.
 */
@Service
public class TransparencyService {
    private final ComplianceService compliance;
    private final ReadStore store;
    private final Clock clock;
    private final MeterRegistry meters;

    TransparencyService(ComplianceService compliance, ReadStore store, Clock clock, MeterRegistry meters) {
        this.compliance = compliance;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    @Cacheable(cacheNames = TransparencyCaching.CACHE, key = "#provinceId + '|' + #year", sync = true)
    public Transparency compute(String provinceId, int year) {
        meters.counter("cchc.transparency.computations", "province", provinceId).increment();
        LocalDate asOf = VietnamTime.date(clock.instant());
        ComplianceService.Scope scope = compliance.provinceScope(provinceId, year, asOf, List.of(provinceId));
        List<Transparency.Commune> communes = new ArrayList<>();
        for (Map.Entry<String, String> commune : scope.communes().entrySet()) {
            communes.add(new Transparency.Commune(commune.getKey(), commune.getValue(),
                    scope.targetsOf(commune.getKey()).stream().map(TransparencyService::target).toList()));
        }
        return new Transparency(provinceId, store.unitName(provinceId), year, asOf, clock.instant(), communes);
    }

    private static Transparency.Target target(TargetCompliance t) {
        return new Transparency.Target(t.description(), t.channels(), t.channels().stream().map(Labels::channel).toList(),
                t.period(), PeriodLabel.ofKind(t.period()), t.current().period(), t.current().label(), t.current().status(),
                t.current().statusLabel(), t.countThisYear(), t.current().count(), t.minimum());
    }
}
