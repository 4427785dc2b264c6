package vn.cchc.plan.common;

import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;

/**
 * Who asks the domain services for something: the signed-in user of an API call ({@link #current()}, from the
 * token via platform-security's {@link CurrentUser}), or {@link #SYSTEM} for work that no user started (the
 * demo-data loader), which may read and write everything. Reads are limited to the user's readable unit
 * subtrees; writes need a role allowed for the {@link Action} and a unit inside the user's subtrees (403).
 */
public final class Caller {
    public static final String SYSTEM_NAME = "system";
    public static final Caller SYSTEM = new Caller(null);

    private final CurrentUser user;

    private Caller(CurrentUser user) {
        this.user = user;
    }

    public static Caller of(CurrentUser user) {
        if (user == null) {
            throw new IllegalArgumentException("A user is required; use Caller.SYSTEM for system work");
        }
        return new Caller(user);
    }

    /** The caller of the current HTTP request (401 when there is no token). */
    public static Caller current() {
        return of(CurrentUser.get());
    }

    /** For the audit trail: the token's username, or "system". */
    public String username() {
        return user == null ? SYSTEM_NAME : user.username();
    }

    public boolean canRead(String unitId) {
        return user == null || user.canRead(unitId);
    }

    /** 403 (ForbiddenException) unless the caller may do {@code action} for {@code unitId}. */
    public void requireWrite(String unitId, Action action) {
        if (user != null) {
            user.requireWrite(unitId, action);
        }
    }

    /** A MongoDB criterion limiting {@code field} (a unit id) to the readable subtrees; null for the system. */
    public Criteria readCriteria(String field) {
        if (user == null) {
            return null;
        }
        List<String> scopes = user.readableScopes();
        if (scopes.isEmpty()) {
            return Criteria.where(field).in(List.of());
        }
        return new Criteria().orOperator(scopes.stream()
                .map(scope -> Criteria.where(field).regex(UnitPath.subtreeRegex(scope))).toArray(Criteria[]::new));
    }

    @Override
    public String toString() {
        return user == null ? "Caller[system]" : "Caller[" + user.username() + " " + user.roles() + " " + user.scopes() + "]";
    }
}
