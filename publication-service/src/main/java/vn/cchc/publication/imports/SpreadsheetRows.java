package vn.cchc.publication.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import vn.cchc.platform.web.InvalidRequestException;

/**
 * Reads the rows of an uploaded list, CSV (UTF-8, with or without BOM, ',' or ';') or XLSX (first sheet), as
 * header → text maps. The first row holds the headers; row numbers are those the user sees in the spreadsheet.
 *
 * <p>Both are read as streams with the caps enforced while reading: a file with more than {@link #MAX_ROWS} rows or a
 * value beyond column {@link #MAX_COLUMNS} is refused when that row is reached, never loaded whole. An XLSX is opened
 * from a file (random access: one part unpacked at a time) through POI's event API (SAX), under POI's zip-bomb
 * guards: a part that unpacks to more than {@link #MAX_UNPACKED_PART_BYTES}, or far more than it weighs packed, is
 * refused.
 */
final class SpreadsheetRows {
    record Row(int number, Map<String, String> cells) {
    }

    static final int MAX_ROWS = 5000;
    static final int MAX_COLUMNS = 100;
    /** A sheet of 5,000 rows × 100 columns of text is far below this; the default is 4 GB. */
    static final long MAX_UNPACKED_PART_BYTES = 100L * 1024 * 1024;
    static final String UNPACKED_SIZE_RULE = "unpacked-size";

    /** Excel dates arrive as local date-times in the spreadsheet's (Vietnam) time. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    static {
        // POI's guards are process-wide; this service opens workbooks only here
        ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_PART_BYTES);
    }

    private SpreadsheetRows() {
    }

    static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /**
     * @throws InvalidRequestException a cap is exceeded ({@code file}: {@code max-rows}, {@code max-columns},
     *                                 {@value #UNPACKED_SIZE_RULE})
     * @throws RuntimeException        the file is neither a readable CSV nor an XLSX workbook
     */
    static List<Row> read(Path file) {
        try {
            return isXlsx(file) ? xlsx(file) : csv(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> csv(Path file) throws IOException {
        String firstLine;
        try (InputStream in = Files.newInputStream(file)) {
            firstLine = new String(in.readNBytes(4096), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(BOMInputStream.builder()
                .setInputStream(Files.newInputStream(file)).get(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> headers = parser.getHeaderNames();
            if (headers.size() > MAX_COLUMNS) {
                throw tooManyColumns();
            }
            for (CSVRecord record : parser) {
                if (record.size() > MAX_COLUMNS) {
                    throw tooManyColumns();
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < headers.size() && i < record.size(); i++) {
                    cells.put(headers.get(i), record.get(i));
                }
                // the header is line 1; multi-line cells make line numbers drift, the record number does not
                rows.add(new Row((int) record.getRecordNumber() + 1, cells));
                if (rows.size() > MAX_ROWS) {
                    throw tooManyRows();
                }
            }
        }
        return rows;
    }

    private static List<Row> xlsx(Path file) throws IOException {
        RowCollector collector = new RowCollector();
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return List.of();
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, collector,
                        new DatesAsLocalTime(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof InvalidRequestException refused) {
                    throw refused; // a cap, from inside the SAX parse
                }
            }
            if (isZipBomb(e)) {
                throw new InvalidRequestException("file", UNPACKED_SIZE_RULE, "The workbook unpacks to far more than it "
                        + "weighs, or one of its parts to more than " + MAX_UNPACKED_PART_BYTES / (1024 * 1024)
                        + " MB: it was refused without being read.");
            }
            throw e instanceof IOException io ? io : new IOException(e);
        }
        return collector.rows;
    }

    /** POI reports its guards (inflate ratio, entry size) as an IOException "Zip bomb detected!", maybe wrapped. */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    static InvalidRequestException tooManyRows() {
        return new InvalidRequestException("file", "max-rows", "At most " + MAX_ROWS + " rows per file.");
    }

    static InvalidRequestException tooManyColumns() {
        return new InvalidRequestException("file", "max-columns", "At most " + MAX_COLUMNS + " columns per row.");
    }

    /** Collects rows as the SAX handler reports them and stops the parse as soon as a cap is exceeded. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        final List<Row> rows = new ArrayList<>();
        List<String> headers;
        TreeMap<Integer, String> current;

        @Override
        public void startRow(int rowNum) {
            current = new TreeMap<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (value == null || value.isBlank() || reference == null) {
                return;
            }
            int column = new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS) {
                throw tooManyColumns();
            }
            current.put(column, value.strip());
        }

        @Override
        public void endRow(int rowNum) {
            if (headers == null) {
                if (current.isEmpty()) {
                    return; // blank rows above the header
                }
                headers = new ArrayList<>();
                current.forEach((column, text) -> {
                    while (headers.size() < column) {
                        headers.add("");
                    }
                    headers.add(text);
                });
                return;
            }
            if (current.isEmpty()) {
                return;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                cells.put(headers.get(c), current.getOrDefault(c, ""));
            }
            rows.add(new Row(rowNum + 1, cells));
            if (rows.size() > MAX_ROWS) {
                throw tooManyRows();
            }
        }
    }

    /** Date cells as dd/MM/yyyy HH:mm whatever their display format (m/d/yy would be read the American way). */
    private static final class DatesAsLocalTime extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).format(LOCAL);
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
