package vn.cchc.plan.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.cchc.platform.web.InvalidRequestException;

/**
 * Turns an uploaded file into lines of text, after finding out what it really is from its first bytes (a zip holding
 * {@code word/document.xml} is a .docx, {@code %PDF-} a PDF, anything that decodes as Unicode text is .txt / .md) and
 * checking that against the name. Word: body paragraphs are lines; a table row is one line, its cells separated by a
 * tab, a cell of several paragraphs as {@code <p>…</p>}, bold runs as {@code <b>…</b>}; headers and footers are left
 * out. PDF: the text layer, sorted by position (a scan without one is refused: OCR it first). Guards: POI's zip-bomb
 * limits (inflate ratio, entry size, text size), a page cap for PDFs, a cap on the text length.
 */
public final class DocumentReader {
    static final int MAX_PDF_PAGES = 300;
    static final int MAX_CHARS = 4_000_000;
    static final int MAX_LINES = 50_000;

    static {
        // A .docx is a zip: refuse entries that inflate absurdly (zip bombs) or to more than 100 MB, and text over 10 M chars.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(10_000_000L);
    }

    /** What was read: the format and the document's lines. */
    public record Read(ImportFormat format, List<String> lines) {
    }

    public Read read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRequestException("file", "not-empty", "The file is empty.");
        }
        ImportFormat named = byName(fileName);
        Detected detected = detect(bytes);
        if (detected.format == null) {
            throw ImportProblem.unsupported("type", "The file is " + detected.what + "; only .docx, .pdf (with a text layer), "
                    + ".txt and .md plan documents are read.");
        }
        boolean text = detected.format == ImportFormat.TXT;
        if (named != null && !(named == detected.format || text && named == ImportFormat.MD)) {
            throw ImportProblem.unsupported("type", "The file is named " + fileName + " but is " + detected.what + ".");
        }
        ImportFormat format = named == null ? detected.format : named;
        List<String> lines = switch (format) {
            case DOCX -> docx(bytes);
            case PDF -> pdf(bytes);
            case TXT, MD -> split(text(bytes));
        };
        if (lines.size() > MAX_LINES) {
            throw ImportProblem.unprocessable("too-long", "The document has more than " + MAX_LINES + " lines; a plan is far shorter.");
        }
        return new Read(format, lines);
    }

    /** The format the name claims; null when the name has no extension; 415 for an extension not read here. */
    static ImportFormat byName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String name = fileName.strip().toLowerCase(Locale.ROOT);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        return switch (name.substring(dot + 1)) {
            case "docx" -> ImportFormat.DOCX;
            case "pdf" -> ImportFormat.PDF;
            case "txt", "text" -> ImportFormat.TXT;
            case "md", "markdown" -> ImportFormat.MD;
            case "doc" -> throw ImportProblem.unsupported("type", "Old Word .doc files are not read; save the document as .docx.");
            default -> throw ImportProblem.unsupported("type", "Only .docx, .pdf, .txt and .md plan documents are read, not "
                    + name.substring(dot) + ".");
        };
    }

    private record Detected(ImportFormat format, String what) {
    }

    private static Detected detect(byte[] b) {
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return isWordDocument(b) ? new Detected(ImportFormat.DOCX, "a Word document (.docx)")
                    : new Detected(null, "a zip archive that is not a Word document (.docx)");
        }
        if (indexOf(b, "%PDF-".getBytes(StandardCharsets.US_ASCII), 16) >= 0) {
            return new Detected(ImportFormat.PDF, "a PDF document");
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return new Detected(null, "a PNG image");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return new Detected(null, "a JPEG image");
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return new Detected(null, "a GIF image");
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return new Detected(null, "an old Office file (.doc / .xls); save it as .docx");
        }
        if (startsWith(b, '{', '\\', 'r', 't', 'f')) {
            return new Detected(null, "an RTF document; save it as .docx");
        }
        if (startsWith(b, 0x1F, 0x8B) || startsWith(b, 'R', 'a', 'r', '!') || startsWith(b, '7', 'z', 0xBC, 0xAF)) {
            return new Detected(null, "a compressed archive");
        }
        if (hasBom(b) || looksLikeText(b)) {
            return new Detected(ImportFormat.TXT, "plain text");
        }
        return new Detected(null, "binary data, not a document");
    }

    private static boolean isWordDocument(byte[] bytes) {
        // only the zip's central directory is read here: nothing is inflated
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            return zip.getEntry("word/document.xml") != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasBom(byte[] b) {
        return startsWith(b, 0xEF, 0xBB, 0xBF) || startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF);
    }

    /** No NUL bytes and few control characters in the first 8 KB: text (its encoding is checked when decoding). */
    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control * 100 <= n;
    }

    /** UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused rather than guessed. */
    static String text(byte[] b) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(b, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(b, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
            if (text.length() > MAX_CHARS) {
                throw ImportProblem.unprocessable("too-long", "The text is longer than " + MAX_CHARS + " characters; a plan is far shorter.");
            }
            if (text.indexOf('\u0000') >= 0) {
                throw ImportProblem.unsupported("type", "The file is binary data, not a text document.");
            }
            return text;
        } catch (CharacterCodingException e) {
            throw ImportProblem.unsupported("encoding", "The text file is not valid " + (skip == 2 ? "UTF-16" : "UTF-8")
                    + " (perhaps an old TCVN3/VNI or Windows-1258 encoding); save it as UTF-8 and upload it again.");
        }
    }

    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        text.replace("\r\n", "\n").replace('\r', '\n').lines().forEach(line -> lines.add(stripEnd(line)));
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private static String stripEnd(String s) {
        return s.stripTrailing();
    }

    // ---- Word

    private static List<String> docx(byte[] bytes) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> lines = new ArrayList<>();
            int[] chars = {0};
            for (IBodyElement element : doc.getBodyElements()) {
                body(element, lines, chars);
            }
            return lines;
        } catch (ImportProblem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("exceeds") || message.contains("ratio")) {
                throw ImportProblem.unprocessable("zip-bomb", "The Word document inflates to far more than its size; refused.");
            }
            throw ImportProblem.unprocessable("unreadable", "The Word document could not be read; open it in Word and save it again.");
        }
    }

    private static void body(IBodyElement element, List<String> lines, int[] chars) {
        if (element instanceof XWPFParagraph p) {
            String text = p.getText();
            for (String line : split(text)) {
                if (!line.isBlank()) {
                    add(lines, chars, line);
                }
            }
        } else if (element instanceof XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                boolean any = false;
                for (XWPFTableCell cell : row.getTableCells()) {
                    String c = cell(cell);
                    any |= !c.isEmpty();
                    cells.add(c);
                }
                if (any) {
                    add(lines, chars, String.join("\t", cells));
                }
            }
        } else if (element instanceof XWPFSDT sdt) {
            for (String line : split(sdt.getContent().getText())) {
                if (!line.isBlank()) {
                    add(lines, chars, line);
                }
            }
        }
    }

    private static void add(List<String> lines, int[] chars, String line) {
        chars[0] += line.length();
        if (chars[0] > MAX_CHARS || lines.size() >= MAX_LINES) {
            throw ImportProblem.unprocessable("too-long", "The document is longer than a plan can be (" + MAX_LINES + " lines, "
                    + MAX_CHARS + " characters).");
        }
        lines.add(line);
    }

    /** A cell: one paragraph as its text, several as {@code <p>…</p> <p>…</p>}; bold runs as {@code <b>…</b>}. */
    static String cell(XWPFTableCell cell) {
        List<String> paragraphs = new ArrayList<>();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                String text = paragraph(p);
                if (!text.isBlank()) {
                    paragraphs.add(text.strip());
                }
            } else if (element instanceof XWPFTable nested) {
                for (XWPFTableRow row : nested.getRows()) {
                    List<String> cells = new ArrayList<>();
                    row.getTableCells().forEach(c -> cells.add(cell(c)));
                    String text = String.join(" | ", cells).strip();
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                }
            }
        }
        if (paragraphs.size() == 1) {
            return paragraphs.getFirst();
        }
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) {
            out.append(out.isEmpty() ? "" : " ").append("<p>").append(p).append("</p>");
        }
        return out.toString();
    }

    private static String paragraph(XWPFParagraph p) {
        StringBuilder out = new StringBuilder();
        StringBuilder bold = new StringBuilder();
        for (XWPFRun run : p.getRuns()) {
            String text = run.text();
            if (text == null || text.isEmpty()) {
                continue;
            }
            text = text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
            if (run.isBold() && !text.isBlank()) {
                bold.append(text);
            } else if (run.isBold()) {
                (bold.isEmpty() ? out : bold).append(text);
            } else {
                flushBold(out, bold);
                out.append(text);
            }
        }
        flushBold(out, bold);
        return out.toString();
    }

    private static void flushBold(StringBuilder out, StringBuilder bold) {
        if (!bold.isEmpty()) {
            String b = bold.toString();
            String lead = b.substring(0, b.length() - b.stripLeading().length());
            String trail = b.substring(b.stripTrailing().length());
            out.append(lead).append("<b>").append(b.strip()).append("</b>").append(trail);
            bold.setLength(0);
        }
    }

    // ---- PDF

    /**
     * PDFTextStripper joins words with one space whatever the gap, so a table's columns are lost: here a gap wider than
     * about two character widths between consecutive text positions on a line is written as a tab (a cell boundary).
     */
    static final class ColumnStripper extends PDFTextStripper {
        private org.apache.pdfbox.text.TextPosition last;

        ColumnStripper() {
            super();
        }

        @Override
        protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
            StringBuilder b = new StringBuilder();
            for (org.apache.pdfbox.text.TextPosition p : positions) {
                if (last != null) {
                    float end = last.getXDirAdj() + last.getWidthDirAdj();
                    float gap = p.getXDirAdj() - end;
                    float charWidth = Math.max(last.getWidthDirAdj(), last.getWidthOfSpace());
                    if (charWidth <= 0) {
                        charWidth = last.getFontSizeInPt() / 2;
                    }
                    if (gap > 2.2f * charWidth) {
                        b.append('\t');
                    } else if (gap > 0.15f * charWidth && !p.getUnicode().isBlank() && !last.getUnicode().isBlank()
                            && (b.isEmpty() ? true : b.charAt(b.length() - 1) != ' ')) {
                        b.append(' ');
                    }
                }
                b.append(p.getUnicode());
                last = p;
            }
            writeString(b.toString());
        }

        @Override
        protected void writeWordSeparator() {
            // written by writeString, from the gap
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            last = null;
            super.writeLineSeparator();
        }
    }

    private static List<String> pdf(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            if (pages > MAX_PDF_PAGES) {
                throw ImportProblem.unprocessable("too-many-pages", "The PDF has " + pages + " pages; at most " + MAX_PDF_PAGES
                        + " are read.");
            }
            PDFTextStripper stripper = new ColumnStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            String text = stripper.getText(doc);
            if (text.length() > MAX_CHARS) {
                throw ImportProblem.unprocessable("too-long", "The text is longer than " + MAX_CHARS + " characters; a plan is far shorter.");
            }
            List<String> lines = new ArrayList<>();
            for (String line : split(text.replace('\f', '\n'))) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            if (lines.isEmpty()) {
                throw ImportProblem.unprocessable("no-text-layer", "The PDF has no text layer (a scan?); run OCR on it first, "
                        + "or upload the .docx it was made from.");
            }
            return lines;
        } catch (ImportProblem e) {
            throw e;
        } catch (InvalidPasswordException e) {
            throw ImportProblem.unprocessable("encrypted", "The PDF is protected by a password; upload an unprotected copy.");
        } catch (IOException | RuntimeException e) {
            throw ImportProblem.unprocessable("unreadable", "The PDF could not be read; it may be damaged.");
        }
    }

    // ---- bytes

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int within) {
        int end = Math.min(b.length, within) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
