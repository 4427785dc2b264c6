package vn.cchc.publication.imports;

import java.util.List;
import vn.cchc.platform.web.FieldError;

/**
 * What an upload did, row by row.
 *
 * @param stored false for a dry run, and when all-or-nothing was asked and a row was rejected
 */
public record ImportReport(String fileName, boolean dryRun, boolean stored, int rows, int imported, int duplicates,
                           int probableDuplicates, int rejected, List<RowResult> results) {

    public enum Status {
        /** recorded now */
        IMPORTED,
        /** already recorded (earlier, or in an earlier row of this file); not counted again */
        DUPLICATE,
        /**
         * no link, and like a stored item (same unit, channel, kind and minute) or an earlier row of this file; not
         * stored. {@code publicationId} (if the caller may see it) or {@code duplicateOfRow} names it; errors hold
         * one entry with rule {@code probable-duplicate}
         */
        PROBABLE_DUPLICATE,
        /** broke a rule; see errors (every error of the row) */
        REJECTED,
        /** valid, and would be imported (dry run) */
        VALID,
        /** valid, but nothing was stored because another row was rejected (all-or-nothing) */
        NOT_IMPORTED
    }

    /**
     * @param row            the row number as the spreadsheet shows it (the header is row 1)
     * @param publicationId  the record created, or the one this row duplicates (or probably duplicates)
     * @param duplicateOfRow for a duplicate (or probable duplicate) within the file: the first row with the same item
     */
    public record RowResult(int row, Status status, String title, String publicationId, Integer duplicateOfRow,
                            List<FieldError> errors) {
    }
}
