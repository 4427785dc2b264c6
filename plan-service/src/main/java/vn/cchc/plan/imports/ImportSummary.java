package vn.cchc.plan.imports;

/** Counts for the review screen: what the extractor found and what the draft holds. */
public record ImportSummary(int fields, int warnings, int proposedUnits, int targets, int tasks, int responsibilities,
                            int scheduledItems) {
}
