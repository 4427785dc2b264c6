package vn.cchc.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, what they may do, and where. Take it as a controller method parameter
 * ({@code CurrentUser user}: resolved by {@link CurrentUserArgumentResolver}) or call {@link #get()}.
 *
 * <p>Scopes are unit subtrees from the token's {@code units} claim, always explicit
 * (a province admin of Vĩnh Long has {@code ["vinh-long"]}). Reads require a data-reading role and a unit
 * inside a scope; writes additionally require a role allowed for the {@link Action}.
 */
public record CurrentUser(String username, Set<Role> roles, List<String> scopes) {
    public static final String ROLES_CLAIM = "roles";
    public static final String UNITS_CLAIM = "units";

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopes = List.copyOf(scopes);
    }

    /** The caller of the current request; 401 (as Problem Details) when there is none. */
    public static CurrentUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("No bearer token in this request.");
    }

    public static CurrentUser fromJwt(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return new CurrentUser(name != null ? name : jwt.getSubject(),
                roles(jwt.getClaim(ROLES_CLAIM)), strings(jwt.getClaim(UNITS_CLAIM)));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Subtree roots whose data this caller may read; empty for OPS. Use them to filter list queries. */
    public List<String> readableScopes() {
        return roles.stream().anyMatch(Role::readsData) ? scopes : List.of();
    }

    public boolean canRead(String unitId) {
        return UnitScope.withinAny(unitId, readableScopes());
    }

    public boolean canWrite(String unitId, Action action) {
        return action.allowedFor(roles) && UnitScope.withinAny(unitId, scopes);
    }

    /** Throws 403 unless {@link #canWrite}. Call it before changing anything. */
    public void requireWrite(String unitId, Action action) {
        if (!action.allowedFor(roles)) {
            throw new ForbiddenException("Your roles " + roles + " do not allow " + action + ".");
        }
        if (!UnitScope.withinAny(unitId, scopes)) {
            throw new ForbiddenException("Unit '" + unitId + "' is outside your units " + scopes + ".");
        }
    }

    /**
     * Throws 403 unless the caller has one of these roles. For actions that are not about one unit
     * (e.g. rebuilding read models: {@code requireRole(Role.PROVINCE_ADMIN)}).
     */
    public void requireRole(Role... anyOf) {
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw new ForbiddenException("This needs one of the roles " + java.util.Arrays.toString(anyOf) + ".");
    }

    /** Throws 403 unless {@link #canRead}. For single-item reads; lists filter with {@link #readableScopes()}. */
    public void requireRead(String unitId) {
        if (!canRead(unitId)) {
            throw new ForbiddenException("Unit '" + unitId + "' is outside your units.");
        }
    }

    private static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(claim)) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                // roles of other applications in the same IdP are not ours: ignore them
            }
        }
        return roles;
    }

    /** A claim as a list of strings: a JSON array, or a single string (an IdP attribute with one value). */
    static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null && !v.toString().isBlank()).map(Object::toString).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return List.of(value.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
