package vn.cchc.plan.common;

import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import vn.cchc.platform.units.UnitPath;

/**
 * The units a caller may see: each listed unit and everything beneath it; {@link #ALL} when unrestricted.
 * Authentication is not built yet (issue 7): the gateway is expected to set the {@code X-Unit-Scope}
 * header from the user's units and strip any such header sent by the client.
 */
public record UnitScope(List<String> unitIds) {
    public static final String HEADER = "X-Unit-Scope";
    public static final UnitScope ALL = new UnitScope(null);

    public static UnitScope of(String... unitIds) {
        return new UnitScope(List.of(unitIds));
    }

    /** Parses the header value (comma-separated unit ids); absent or blank means unrestricted. */
    public static UnitScope fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return ALL;
        }
        return new UnitScope(Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    public boolean unrestricted() {
        return unitIds == null;
    }

    public boolean allows(String unitId) {
        return unrestricted() || unitIds.stream().anyMatch(scope -> UnitPath.within(unitId, scope));
    }

    /** A MongoDB criterion on {@code field} limiting documents to the scope, or null when unrestricted. */
    public Criteria criteria(String field) {
        if (unrestricted()) {
            return null;
        }
        if (unitIds.isEmpty()) {
            return Criteria.where(field).in(List.of());
        }
        return new Criteria().orOperator(unitIds.stream()
                .map(scope -> Criteria.where(field).regex(UnitPath.subtreeRegex(scope))).toArray(Criteria[]::new));
    }
}
