package vn.cchc.plan.imports.extract;

import java.util.List;

/**
 * A unit named in the document that matches nothing in the directory: never invented as a unit, only proposed for a
 * province admin to confirm. {@code usedAt} lists the draft fields that name it (their UnitRef keeps the name only).
 */
public record ProposedUnit(String name, String suggestedParentId, String suggestedUnitId, List<String> usedAt) {
}
