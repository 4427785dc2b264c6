package vn.cchc.reporting.compliance;

/** Where a target stands in one period instance, as of a day. */
public enum TargetStatus {
    /** the period has not started */
    UPCOMING,
    /** running, and the count keeps pace with what the minimum needs by now */
    ON_TRACK,
    /** running, and the count is behind the pace */
    AT_RISK,
    /** the minimum is reached */
    MET,
    /** the period ended below the minimum */
    MISSED,
    /**
     * the period ended before the plan's effective start: not judged (neither met nor missed), left out of summaries,
     * periodic reports, the PAR score and the compliance events ("Chưa áp dụng")
     */
    NOT_STARTED
}
