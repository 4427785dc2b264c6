package vn.cchc.benchmark.report;

import java.util.Locale;

/** Number formatting for the markdown (the JSON keeps raw numbers): fixed decimals, '—' for what was not measured. */
public final class Figures {
    private Figures() {
    }

    public static String num(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    public static String ms(double value) {
        return Double.isNaN(value) ? "—" : num(value, value < 10 ? 1 : 0) + " ms";
    }

    public static String ratio(double value) {
        return num(value, 2);
    }

    /** a / b, NaN when either is missing or b is 0 */
    public static double divide(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
    }

    public static String gib(long bytes) {
        return bytes < 0 ? "—" : num(bytes / (1024.0 * 1024 * 1024), 2) + " GiB";
    }
}
