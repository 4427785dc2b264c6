package vn.cchc.security;

import java.util.EnumSet;
import java.util.Set;

/** A kind of write, and the roles allowed to do it (inside their unit scope). VIEWER and OPS never write. */
public enum Action {
    /** Create, amend, issue, close plans; create and change tasks. */
    MANAGE_PLANS_AND_TASKS(EnumSet.of(Role.PROVINCE_ADMIN, Role.COORDINATOR)),
    /** Record, correct, retract publications. */
    RECORD_PUBLICATIONS(EnumSet.of(Role.PROVINCE_ADMIN, Role.COORDINATOR, Role.EDITOR)),
    /** Create, rename, retire units in the unit directory. */
    MANAGE_UNITS(EnumSet.of(Role.PROVINCE_ADMIN));

    private final Set<Role> allowed;

    Action(Set<Role> allowed) {
        this.allowed = allowed;
    }

    public boolean allowedFor(Set<Role> roles) {
        return roles.stream().anyMatch(allowed::contains);
    }

    public Set<Role> allowedRoles() {
        return Set.copyOf(allowed);
    }
}
