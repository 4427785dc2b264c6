package vn.cchc.reporting.transparency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The public figures as CSV (RFC 4180, comma-separated), UTF-8 with a byte-order mark so Excel reads the diacritics,
 * one row per commune target, header in Vietnamese. A commune without targets still has one row (its name, the rest
 * empty), so the list of communes is complete.
 */
final class TransparencyCsv {
    static final String[] HEADER = {"Xã, phường, đặc khu", "Chỉ tiêu", "Kênh", "Chu kỳ", "Kỳ hiện tại", "Tình trạng",
        "Số lượng trong năm", "Số lượng kỳ hiện tại", "Mức tối thiểu"};

    private TransparencyCsv() {
    }

    static byte[] render(Transparency transparency) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF'); // before the header, which the printer writes as it opens
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            for (Transparency.Commune commune : transparency.communes()) {
                if (commune.targets().isEmpty()) {
                    csv.printRecord(commune.name(), "", "", "", "", "", "", "", "");
                }
                for (Transparency.Target t : commune.targets()) {
                    csv.printRecord(commune.name(), t.description(),
                            t.channelLabels().isEmpty() ? "Mọi kênh" : String.join("; ", t.channelLabels()),
                            t.periodKindLabel(), t.currentPeriodLabel(), t.statusLabel(), t.countThisYear(),
                            t.countCurrentPeriod(), t.minimum());
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
