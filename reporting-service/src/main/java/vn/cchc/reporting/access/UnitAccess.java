package vn.cchc.reporting.access;

import java.util.List;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.security.CurrentUser;

/**
 * Which units' figures a caller may see in a report about {@code unitId}. Every report is about one unit and the
 * subtree beneath it, so a report inside one of the caller's scopes shows everything it would show anyway, and a
 * report about a unit outside them is answered 404 as if the unit did not exist (the same answer for a unit that
 * really does not exist, so nothing is revealed). The one partial answer is the province roll-up of compliance:
 * {@link #visibleWithin} gives the caller's scopes beneath the province.
 */
public final class UnitAccess {
    private UnitAccess() {
    }

    /** 404 unless {@code unitId} lies inside one of the caller's readable scopes. */
    public static void requireVisible(CurrentUser user, String unitId) {
        if (!user.canRead(unitId)) {
            throw notFound(unitId);
        }
    }

    /**
     * The subtrees of {@code unitId} the caller may see: {@code [unitId]} when it lies inside a readable scope, else the
     * caller's scopes beneath it (a coordinator asking for its province gets its own commune); 404 when there is none.
     */
    public static List<String> visibleWithin(CurrentUser user, String unitId) {
        if (user.canRead(unitId)) {
            return List.of(unitId);
        }
        List<String> beneath = user.readableScopes().stream()
                .filter(scope -> UnitPath.within(scope, unitId)).distinct().sorted().toList();
        if (beneath.isEmpty()) {
            throw notFound(unitId);
        }
        return beneath;
    }

    /** True when {@code unitId} is inside one of {@code scopes}. */
    public static boolean inside(String unitId, List<String> scopes) {
        return unitId != null && scopes.stream().anyMatch(scope -> UnitPath.within(unitId, scope));
    }

    /** True when {@code unitId} is inside one of {@code scopes} or one of them lies beneath it (the subtrees overlap). */
    public static boolean overlaps(String unitId, List<String> scopes) {
        return unitId != null && scopes.stream().anyMatch(scope -> UnitPath.within(unitId, scope) || UnitPath.within(scope, unitId));
    }

    private static NotFoundException notFound(String unitId) {
        return new NotFoundException("Không có đơn vị '" + unitId + "' trong phạm vi đơn vị của bạn.");
    }
}
