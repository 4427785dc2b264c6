package vn.cchc.plan.imports;

/** The kinds of document a plan can be imported from, detected by content (and checked against the file name). */
public enum ImportFormat {
    DOCX, PDF, TXT, MD
}
