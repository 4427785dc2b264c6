package vn.cchc.plan.imports;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.cchc.plan.imports.extract.ExtractedField;
import vn.cchc.plan.imports.extract.ImportWarning;
import vn.cchc.plan.imports.extract.ProposedUnit;

/**
 * One uploaded plan document and what was made of it: the draft plan it created ({@code planId}), the document's
 * lines (kept for the review screen, which shows each value next to the lines it came from), the extracted fields
 * with their sources, the warnings for the reviewer and the units proposed for the directory. Written once, in one
 * document, after the draft was created; never changed (the draft is edited through /api/plans).
 */
// real MongoDB uses these; the local wire server ignores non-unique indexes (docs/profiling.md)
@CompoundIndex(name = "imports_by_unit_newest", def = "{'issuingUnitId': 1, 'createdAt': -1, '_id': 1}")
@Document("plan_imports")
public record PlanImport(
        @Id String id,
        String planId,
        String fileName,
        ImportFormat format,
        @Indexed Instant createdAt,
        String createdBy,
        @Indexed String issuingUnitId,
        List<String> lines,
        List<ExtractedField> fields,
        List<ImportWarning> warnings,
        List<ProposedUnit> proposedUnits,
        ImportSummary summary) {
}
