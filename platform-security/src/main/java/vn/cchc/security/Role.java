package vn.cchc.security;

/** The five roles a token may carry in its {@code roles} claim; Spring authorities are {@code ROLE_<name>}. */
public enum Role {
    /** Everything within its unit subtrees (usually a whole province). */
    PROVINCE_ADMIN,
    /** Manages its commune's plans and tasks, and may record publications there. */
    COORDINATOR,
    /** Records publications for its units. */
    EDITOR,
    /** Reads within its units, never writes. */
    VIEWER,
    /** Metrics and health only: reads no business data at all. */
    OPS;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles that may read business data (everything but OPS). */
    public boolean readsData() {
        return this != OPS;
    }
}
