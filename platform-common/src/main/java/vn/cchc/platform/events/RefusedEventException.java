package vn.cchc.platform.events;

/**
 * An event the bus does not trust. Thrown by {@link EventGate}; the binder sends the record to the binding's dead-letter
 * topic without retrying it, and this message becomes its {@code x-exception-message} header:
 * {@code refused [rule] field: what was wrong}.
 */
public class RefusedEventException extends RuntimeException {
    private final RefusalReason reason;
    private final String field;

    public RefusedEventException(RefusalReason reason, String field, String message) {
        super("refused [" + reason.tag() + "] " + field + ": " + message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public RefusalReason reason() {
        return reason;
    }

    /** The header ({@code ce_source}) or data path ({@code data/revision}) at fault. */
    public String field() {
        return field;
    }
}
