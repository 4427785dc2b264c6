package vn.cchc.reporting.compliance;

/**
 * Where a target stands in one period instance, as of a day. {@link #label()} is the one Vietnamese vocabulary of every
 * answer and document (dashboard, DOCX, XLSX, CSV), so no client needs its own map.
 */
public enum TargetStatus {
    /** the period has not started */
    UPCOMING("Chưa đến kỳ"),
    /** running, and the count keeps pace with what the minimum needs by now */
    ON_TRACK("Đúng tiến độ"),
    /** running, and the count is behind the pace */
    AT_RISK("Có nguy cơ"),
    /** the minimum is reached */
    MET("Đạt"),
    /** the period ended below the minimum */
    MISSED("Không đạt"),
    /**
     * the period ended before the plan's effective start: not judged (neither met nor missed), left out of summaries,
     * periodic reports, the PAR score and the compliance events ("Chưa áp dụng")
     */
    NOT_STARTED("Chưa áp dụng");

    private final String label;

    TargetStatus(String label) {
        this.label = label;
    }

    /** The Vietnamese name shown to people: "Đạt", "Có nguy cơ"… */
    public String label() {
        return label;
    }

    /** Every status with its Vietnamese name, in declaration order (for answers that carry the vocabulary). */
    public static java.util.Map<TargetStatus, String> labels() {
        java.util.Map<TargetStatus, String> labels = new java.util.EnumMap<>(TargetStatus.class);
        for (TargetStatus s : values()) {
            labels.put(s, s.label);
        }
        return labels;
    }
}
