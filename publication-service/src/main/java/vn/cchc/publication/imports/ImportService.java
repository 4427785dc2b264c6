package vn.cchc.publication.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.publication.ProbableDuplicate;
import vn.cchc.publication.ProbableDuplicateException;
import vn.cchc.publication.Publication;
import vn.cchc.publication.PublicationService;
import vn.cchc.publication.RecordPublicationRequest;
import vn.cchc.publication.UrlKey;
import vn.cchc.publication.imports.ImportReport.RowResult;
import vn.cchc.publication.imports.ImportReport.Status;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;
import vn.cchc.security.ForbiddenException;

/**
 * Imports a unit's list in two passes: every row is read and checked first (rules, unit directory, duplicates
 * against the record and within the file), then, unless it is a dry run (or all-or-nothing with a rejected row),
 * the valid rows are recorded one by one through the same path as the API, each with its own event.
 */
@Service
public class ImportService {
    static final int MAX_ROWS = SpreadsheetRows.MAX_ROWS;
    static final String PROBABLE_DUPLICATE_RULE = "probable-duplicate";

    private final PublicationService publications;

    ImportService(PublicationService publications) {
        this.publications = publications;
    }

    /**
     * Every row's unit must be one the caller may record publications for: a row outside the caller's units makes
     * the whole upload a 403 (even a dry run, which would otherwise tell what another unit has recorded), and nothing
     * is stored. Imported items are recorded by the caller.
     */
    public ImportReport importRows(String fileName, java.nio.file.Path content, String defaultUnitId, boolean dryRun,
                                   boolean allOrNothing, CurrentUser user) {
        if (defaultUnitId != null) {
            user.requireWrite(defaultUnitId, Action.RECORD_PUBLICATIONS);
        }
        List<SpreadsheetRows.Row> rows = readRows(content);
        requireWritable(rows, defaultUnitId, user);
        List<RowResult> results = new ArrayList<>();
        Map<Integer, RecordPublicationRequest> valid = new HashMap<>();
        Map<String, Integer> seenInFile = new HashMap<>();
        Map<String, Integer> linklessInFile = new HashMap<>();
        for (SpreadsheetRows.Row row : rows) {
            RowReader.Read read = RowReader.read(row.cells(), defaultUnitId);
            RecordPublicationRequest request = read.request().sanitized();
            if (request.clientRequestId() == null) {
                request = request.withClientRequestId(RowReader.contentKey(request));
            }
            // every error of the row at once: the cells that could not be read and every rule the rest breaks
            List<FieldError> errors = publications.validate(request,
                    PublicationService.withControlCharacters(read.request(), read.errors()));
            if (!errors.isEmpty()) {
                results.add(new RowResult(row.number(), Status.REJECTED, request.title(), null, null, errors));
                continue;
            }
            Integer earlierRow = firstRowWithSameItem(request, row.number(), seenInFile);
            if (earlierRow != null) {
                results.add(new RowResult(row.number(), Status.DUPLICATE, request.title(), null, earlierRow, List.of()));
                continue;
            }
            Optional<Publication> existing = publications.findDuplicate(request);
            if (existing.isPresent()) {
                // keys and links are scoped per unit, so the item is of the row's unit; an item moved since to a unit
                // the caller cannot read is still not named
                results.add(new RowResult(row.number(), Status.DUPLICATE, request.title(),
                        user.canRead(existing.get().getUnitId()) ? existing.get().getId() : null, null, List.of()));
                continue;
            }
            if (request.url() == null) {
                Integer sameMinuteRow = linklessInFile.putIfAbsent(ProbableDuplicate.key(request), row.number());
                if (sameMinuteRow != null) {
                    results.add(probableDuplicateOfRow(row.number(), request, sameMinuteRow));
                    continue;
                }
                Optional<Publication> probable = publications.findProbableDuplicate(request, null);
                if (probable.isPresent()) {
                    results.add(probableDuplicate(row.number(), request, probable.get(), user));
                    continue;
                }
            }
            valid.put(row.number(), request);
            results.add(new RowResult(row.number(), Status.VALID, request.title(), null, null, List.of()));
        }
        boolean anyRejected = results.stream().anyMatch(r -> r.status() == Status.REJECTED);
        boolean store = !dryRun && !(allOrNothing && anyRejected);
        List<RowResult> finalResults = results.stream().map(r -> {
            if (r.status() != Status.VALID) {
                return r;
            }
            if (!store) {
                return dryRun ? r : new RowResult(r.row(), Status.NOT_IMPORTED, r.title(), null, null, List.of());
            }
            try {
                PublicationService.Recorded recorded = publications.record(valid.get(r.row()), Publication.Source.IMPORT,
                        user.username());
                return new RowResult(r.row(), recorded.created() ? Status.IMPORTED : Status.DUPLICATE, r.title(),
                        user.canRead(recorded.publication().getUnitId()) ? recorded.publication().getId() : null, null,
                        List.of());
            } catch (ProbableDuplicateException race) {
                // recorded meanwhile by someone else (by hand, another upload)
                return probableDuplicate(r.row(), valid.get(r.row()), race.existing(), user);
            }
        }).toList();
        return new ImportReport(fileName, dryRun, store, rows.size(), count(finalResults, Status.IMPORTED),
                count(finalResults, Status.DUPLICATE), count(finalResults, Status.PROBABLE_DUPLICATE),
                count(finalResults, Status.REJECTED), finalResults);
    }

    /**
     * A link-less row like a stored item: not stored. The stored item's id is shown only if the caller may read it
     * (it is of the row's unit, which the caller may write, but the rule is checked here, not assumed).
     */
    private static RowResult probableDuplicate(int row, RecordPublicationRequest request, Publication existing,
                                               CurrentUser user) {
        boolean visible = user.canRead(existing.getUnitId());
        String message = "Probably already recorded: an item of the same unit, channel and kind published in the same minute"
                + (visible ? ", " + ProbableDuplicate.describe(existing) : "")
                + ". Record it by hand with confirmation if it is a different one.";
        return new RowResult(row, Status.PROBABLE_DUPLICATE, request.title(), visible ? existing.getId() : null, null,
                List.of(new FieldError("publishedAt", PROBABLE_DUPLICATE_RULE, message)));
    }

    private static RowResult probableDuplicateOfRow(int row, RecordPublicationRequest request, int earlierRow) {
        return new RowResult(row, Status.PROBABLE_DUPLICATE, request.title(), null, earlierRow,
                List.of(new FieldError("publishedAt", PROBABLE_DUPLICATE_RULE, "Probably the same item as row " + earlierRow
                        + ": same unit, channel and kind published in the same minute, without a link.")));
    }

    private static void requireWritable(List<SpreadsheetRows.Row> rows, String defaultUnitId, CurrentUser user) {
        List<String> outside = new ArrayList<>();
        for (SpreadsheetRows.Row row : rows) {
            String unitId = RowReader.read(row.cells(), defaultUnitId).request().sanitized().unitId();
            // rows without a (well-formed) unit are rejected by validation and store nothing anyway
            if (unitId != null && UnitPath.isValid(unitId) && !user.canWrite(unitId, Action.RECORD_PUBLICATIONS)) {
                outside.add(row.number() + " (" + unitId + ")");
            }
        }
        if (!outside.isEmpty()) {
            throw new ForbiddenException("Rows outside your units " + user.scopes() + ": "
                    + String.join(", ", outside.size() > 20 ? outside.subList(0, 20) : outside)
                    + (outside.size() > 20 ? " …" : "") + ". Nothing was imported.");
        }
    }

    /** The rows, read as a stream: the row and column caps are enforced while reading (SpreadsheetRows). */
    private static List<SpreadsheetRows.Row> readRows(java.nio.file.Path content) {
        try {
            if (content == null || java.nio.file.Files.size(content) == 0) {
                throw new InvalidRequestException("file", "required", "Upload a CSV or XLSX file.");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<SpreadsheetRows.Row> rows;
        try {
            rows = SpreadsheetRows.read(content);
        } catch (InvalidRequestException capExceeded) {
            throw capExceeded;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("file", "unreadable", "The file is neither a readable CSV nor an XLSX workbook.");
        }
        if (rows.isEmpty()) {
            throw new InvalidRequestException("file", "empty", "The file has no rows under its header.");
        }
        return rows;
    }

    /** The same request id, or the same unit + channel + link, seen in an earlier row of this file. */
    private static Integer firstRowWithSameItem(RecordPublicationRequest r, int rowNumber, Map<String, Integer> seen) {
        List<String> keys = new ArrayList<>();
        keys.add("client:" + r.unitId() + "|" + r.clientRequestId()); // keys are scoped per unit
        if (r.url() != null) {
            keys.add("url:" + r.unitId() + "|" + r.channel() + "|" + UrlKey.normalize(r.url()));
        }
        for (String key : keys) {
            if (seen.containsKey(key)) {
                return seen.get(key);
            }
        }
        keys.forEach(key -> seen.put(key, rowNumber));
        return null;
    }

    private static int count(List<RowResult> results, Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }
}
