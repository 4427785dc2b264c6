package vn.cchc.reporting.compliance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A plan's quantitative target as carried by the plan events (reporting's own copy of the shape).
 *
 * @param period YEAR | QUARTER | MONTH | PLAN
 * @param scope  UNIT (only the unit's own items) | SUBTREE (the unit and every unit beneath it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TargetDef(String id, String description, List<String> kinds, List<String> channels, int minimum,
                        String period, String scope, String unitId) {
    public TargetDef {
        kinds = kinds == null ? List.of() : kinds;
        channels = channels == null ? List.of() : channels;
    }
}
