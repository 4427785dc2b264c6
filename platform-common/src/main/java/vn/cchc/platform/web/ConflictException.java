package vn.cchc.platform.web;

/** The request conflicts with the resource's current state (lifecycle rule, stale ETag); answered with 409 or 412. */
public class ConflictException extends RuntimeException {
    private final boolean preconditionFailed;

    public ConflictException(String message) {
        this(message, false);
    }

    public ConflictException(String message, boolean preconditionFailed) {
        super(message);
        this.preconditionFailed = preconditionFailed;
    }

    public boolean preconditionFailed() {
        return preconditionFailed;
    }
}
