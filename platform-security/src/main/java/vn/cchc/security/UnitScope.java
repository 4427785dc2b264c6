package vn.cchc.security;

import java.util.Collection;

/**
 * Subtree tests on hierarchical unit ids ({@code province.commune.unit}). Same rule as platform-common's
 * {@code UnitPath.within}; repeated here so the gateway can use this library without platform-common's
 * MongoDB and Kafka wiring.
 */
public final class UnitScope {
    private UnitScope() {
    }

    /** True when {@code unitId} is {@code scope} itself or lies beneath it (whole segments only). */
    public static boolean within(String unitId, String scope) {
        return unitId != null && scope != null && !scope.isEmpty()
                && (unitId.equals(scope) || unitId.startsWith(scope + "."));
    }

    public static boolean withinAny(String unitId, Collection<String> scopes) {
        return scopes.stream().anyMatch(scope -> within(unitId, scope));
    }
}
