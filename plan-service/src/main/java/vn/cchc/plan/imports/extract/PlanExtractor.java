package vn.cchc.plan.imports.extract;

import java.util.List;

/** Reads a plan out of a document's text. Never invents: an uncertain value is left empty with a warning. */
public interface PlanExtractor {

    Extraction extract(DocumentText text, List<KnownUnit> directory, ExtractionHints hints);
}
