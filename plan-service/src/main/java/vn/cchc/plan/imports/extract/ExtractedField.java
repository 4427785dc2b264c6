package vn.cchc.plan.imports.extract;

/**
 * One value the extractor placed in the draft: {@code field} is its JSON path in the plan content
 * ("number", "issuedDate", "legalBases[1]", "targets[0].minimum"), {@code value} the value as stored (JSON-native:
 * String, Number, Boolean, Map, List), the source lines (1-based, inclusive), a confidence in [0, 1], the source text.
 */
public record ExtractedField(String field, Object value, int fromLine, int toLine, double confidence, String source) {
}
