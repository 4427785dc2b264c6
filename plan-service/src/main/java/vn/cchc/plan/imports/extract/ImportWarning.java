package vn.cchc.plan.imports.extract;

/**
 * Text the extractor could not place, or a value it left empty rather than guess: the field it concerns (null for
 * unplaced text), the lines, a message in Vietnamese for the reviewer, the text itself.
 */
public record ImportWarning(String field, Integer fromLine, Integer toLine, String message, String text) {
}
