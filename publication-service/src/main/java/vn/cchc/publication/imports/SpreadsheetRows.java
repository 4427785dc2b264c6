package vn.cchc.publication.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the rows of an uploaded list, CSV (UTF-8, with or without BOM, ',' or ';') or XLSX (first sheet), as
 * header → text maps. The first row holds the headers; row numbers are those the user sees in the spreadsheet.
 */
final class SpreadsheetRows {
    record Row(int number, Map<String, String> cells) {
    }

    /** Excel dates arrive as local date-times in the spreadsheet's (Vietnam) time. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private SpreadsheetRows() {
    }

    static boolean isXlsx(byte[] content) {
        return content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    static List<Row> read(byte[] content) {
        try {
            return isXlsx(content) ? xlsx(content) : csv(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> csv(byte[] content) throws IOException {
        String firstLine = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8).lines()
                .findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(BOMInputStream.builder()
                .setInputStream(new ByteArrayInputStream(content)).get(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> headers = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < headers.size() && i < record.size(); i++) {
                    cells.put(headers.get(i), record.get(i));
                }
                // the header is line 1; multi-line cells make line numbers drift, the record number does not
                rows.add(new Row((int) record.getRecordNumber() + 1, cells));
            }
        }
        return rows;
    }

    private static List<Row> xlsx(byte[] content) throws IOException {
        List<Row> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                return rows;
            }
            List<String> headers = new ArrayList<>();
            for (Cell cell : header) {
                while (headers.size() < cell.getColumnIndex()) {
                    headers.add("");
                }
                headers.add(formatter.formatCellValue(cell).strip());
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean empty = true;
                for (int c = 0; c < headers.size(); c++) {
                    String text = text(row.getCell(c), formatter);
                    cells.put(headers.get(c), text);
                    empty &= text.isBlank();
                }
                if (!empty) {
                    rows.add(new Row(r + 1, cells));
                }
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().format(LOCAL);
        }
        return formatter.formatCellValue(cell).strip();
    }
}
