package vn.cchc.plan.imports.extract;

/** What the uploader told us: the issuing unit (may be null: then it is matched from the document) and nothing else yet. */
public record ExtractionHints(String unitId) {
}
