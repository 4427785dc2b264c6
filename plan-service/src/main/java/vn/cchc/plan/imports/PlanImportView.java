package vn.cchc.plan.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import vn.cchc.plan.imports.extract.ExtractedField;
import vn.cchc.plan.imports.extract.ImportWarning;
import vn.cchc.plan.imports.extract.ProposedUnit;

/** An import as the API shows it; lists leave out the lines, fields, warnings and proposed units (see summary). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanImportView(String id, String planId, String fileName, ImportFormat format, Instant createdAt, String createdBy,
                             String issuingUnitId, List<String> lines, List<ExtractedField> fields, List<ImportWarning> warnings,
                             List<ProposedUnit> proposedUnits, ImportSummary summary) {
    static PlanImportView of(PlanImport i) {
        return new PlanImportView(i.id(), i.planId(), i.fileName(), i.format(), i.createdAt(), i.createdBy(), i.issuingUnitId(),
                i.lines(), i.fields(), i.warnings(), i.proposedUnits(), i.summary());
    }

    static PlanImportView listed(PlanImport i) {
        return new PlanImportView(i.id(), i.planId(), i.fileName(), i.format(), i.createdAt(), i.createdBy(), i.issuingUnitId(),
                null, null, null, null, i.summary());
    }
}
