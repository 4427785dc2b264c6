package vn.cchc.reporting.compliance;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.cchc.reporting.VietnamTime;
import vn.cchc.reporting.readmodel.ReadStore;

/**
 * Time moves statuses without any event (a month ends: AT_RISK becomes MISSED; a new day moves the pace), so this
 * re-evaluates the current year's plans periodically, which also brings every stored state ({@link ComplianceState})
 * to the new day, then reloads the business gauges ({@link ComplianceGauges}) from the stored state. Between sweeps
 * the tracker keeps both current after each event.
 */
@Component
public class ComplianceSweep {
    private final TargetStatusTracker tracker;
    private final ReadStore store;
    private final ComplianceState state;
    private final ComplianceGauges gauges;
    private final Clock clock;

    ComplianceSweep(TargetStatusTracker tracker, ReadStore store, ComplianceState state, ComplianceGauges gauges, Clock clock) {
        this.tracker = tracker;
        this.store = store;
        this.state = state;
        this.gauges = gauges;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${cchc.reporting.sweep-initial-delay:PT1M}", fixedDelayString = "${cchc.reporting.sweep-interval:PT15M}")
    public void sweep() {
        int year = VietnamTime.date(clock.instant()).getYear();
        tracker.refresh(store.plansOfYear(year));
        refreshGauges();
    }

    /** Every commune's figures from the current year's stored state (one scan of the compact collection). */
    public void refreshGauges() {
        int year = VietnamTime.date(clock.instant()).getYear();
        gauges.replaceAll(state.documentsOfYear(year), year);
    }
}
