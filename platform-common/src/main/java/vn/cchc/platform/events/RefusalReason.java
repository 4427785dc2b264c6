package vn.cchc.platform.events;

/** Why the bus refused an event; {@link #tag()} is the bounded value of the metric's {@code reason} tag. */
public enum RefusalReason {
    /** No {@code ce_id}, {@code ce_type}, {@code ce_source} or {@code ce_specversion} 1.0 header. */
    MISSING_HEADER("missing-header"),
    /** A type of no family the platform knows ({@link EventContracts#FAMILIES}). */
    UNKNOWN_TYPE("unknown-type"),
    /** A type of a family that travels on another topic. */
    WRONG_TOPIC("wrong-topic"),
    /** {@code ce_source} is not the service that owns the type. */
    WRONG_SOURCE("wrong-source"),
    /** The record value is not a JSON object. */
    NOT_JSON("not-json"),
    /** The data fails the type's contract schema. */
    SCHEMA("schema");

    private final String tag;

    RefusalReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
