package vn.cchc.benchmark.load;

/**
 * What one request of an open-loop run came back with: success or not, an optional error text, and what the caller
 * wants to keep of the answer (e.g. a recorded publication's id and time).
 */
public record Outcome(boolean ok, String error, Object payload) {
    public static Outcome success(Object payload) {
        return new Outcome(true, null, payload);
    }

    public static Outcome failure(String error) {
        return new Outcome(false, error, null);
    }
}
