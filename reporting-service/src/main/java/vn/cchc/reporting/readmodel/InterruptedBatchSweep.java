package vn.cchc.reporting.readmodel;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.cchc.reporting.counts.PublicationFactProjection;

/**
 * Repairs the counts of batches interrupted between their facts and their counts (a process killed mid-batch) even
 * when no further publication event arrives: recovery otherwise runs only before the next batch, and a crash after the
 * last batch of a burst would leave the counts short until then (found by the fault drill ReportingDrillIT).
 */
@Component
class InterruptedBatchSweep {
    private static final Logger log = LoggerFactory.getLogger(InterruptedBatchSweep.class);

    private final ReadModels models;
    private final PublicationFactProjection facts;

    InterruptedBatchSweep(ReadModels models, PublicationFactProjection facts) {
        this.models = models;
        this.facts = facts;
    }

    @Scheduled(initialDelayString = "${cchc.reporting.interrupted-batch-sweep:PT15S}",
            fixedDelayString = "${cchc.reporting.interrupted-batch-sweep:PT15S}")
    void recover() {
        List<String> factCollections = models.writeTargets(ReadModels.FACTS);
        List<String> countCollections = models.writeTargets(ReadModels.DAY_COUNTS);
        try {
            for (int i = 0; i < factCollections.size(); i++) {
                facts.recoverInterrupted(factCollections.get(i), countCollections.get(i));
            }
        } catch (RuntimeException e) {
            log.warn("Interrupted batches not checked this time: {}", e.toString()); // MongoDB away: next time
        }
    }
}
