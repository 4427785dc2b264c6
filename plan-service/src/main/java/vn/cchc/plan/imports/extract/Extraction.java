package vn.cchc.plan.imports.extract;

import java.util.List;
import vn.cchc.plan.plans.PlanContent;

/** What the extractor made of a document: the draft content, where each value came from, warnings, proposed units. */
public record Extraction(PlanContent draft, List<ExtractedField> fields, List<ImportWarning> warnings,
                         List<ProposedUnit> proposedUnits) {
}
