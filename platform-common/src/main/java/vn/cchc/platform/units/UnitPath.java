package vn.cchc.platform.units;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hierarchical unit ids: {@code province[.commune[.unit…]]}, dot-separated, lower-case, URL-safe
 * (e.g. {@code lam-dong.bac-binh.vhxh}). Scoping is a prefix test on whole segments.
 */
public final class UnitPath {
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private UnitPath() {
    }

    public static boolean isValid(String unitId) {
        return unitId != null && unitId.length() <= 200 && COMPILED.matcher(unitId).matches();
    }

    /** True when {@code unitId} is {@code scope} itself or lies beneath it. */
    public static boolean within(String unitId, String scope) {
        return unitId.equals(scope) || unitId.startsWith(scope + ".");
    }

    /** Regular expression matching {@code scope} and every unit beneath it (for MongoDB queries). */
    public static String subtreeRegex(String scope) {
        return "^" + Pattern.quote(scope) + "(\\..*)?$";
    }

    /** The province / commune / unit ids a unit sits under, as carried in every event. */
    public static Map<String, Object> of(String unitId) {
        String[] segments = unitId.split("\\.");
        Map<String, Object> path = new LinkedHashMap<>();
        path.put("province", segments[0]);
        path.put("commune", segments.length > 1 ? segments[0] + "." + segments[1] : null);
        path.put("unit", unitId);
        return path;
    }
}
