package vn.cchc.plan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.cchc.platform.web.InvalidRequestException;

/** The readers without HTTP: type by content, encodings, guards. */
class DocumentReaderTest {
    private final DocumentReader reader = new DocumentReader();

    private static String rule(Throwable e) {
        return ((ImportProblem) e).getBody().getProperties().get("errors").toString();
    }

    @Test
    void aWordDocumentThatInflatesAbsurdlyIsRefused() throws Exception {
        // a real .docx whose document.xml is padded with 40 MB of spaces: a ratio far under POI's minimum
        byte[] docx = SampleDocuments.docx();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx));
             ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</w:body>");
                    out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 40; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(data);
                }
                out.closeEntry();
            }
        }
        assertThat(bomb.size()).isLessThan(400_000);
        assertThatThrownBy(() -> reader.read("bom.docx", bomb.toByteArray()))
                .isInstanceOf(ImportProblem.class).satisfies(e -> assertThat(rule(e)).contains("zip-bomb"));
    }

    @Test
    void typeComesFromTheContentAndMustMatchTheName() {
        byte[] text = "KẾ HOẠCH\nnăm 2026".getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read("a.txt", text).format()).isEqualTo(ImportFormat.TXT);
        assertThat(reader.read("a.md", text).format()).isEqualTo(ImportFormat.MD);
        assertThat(reader.read("khong-duoi", text).format()).isEqualTo(ImportFormat.TXT);
        assertThat(reader.read("a.docx", SampleDocuments.docx()).format()).isEqualTo(ImportFormat.DOCX);
        assertThat(reader.read("a.txt", ("\uFEFF" + "KẾ HOẠCH").getBytes(StandardCharsets.UTF_8)).lines()).containsExactly("KẾ HOẠCH");
        assertThatThrownBy(() -> reader.read("a.pdf", text)).isInstanceOf(ImportProblem.class)
                .satisfies(e -> assertThat(rule(e)).contains("type"));
        assertThatThrownBy(() -> reader.read("a.doc", text)).isInstanceOf(ImportProblem.class);
        assertThatThrownBy(() -> reader.read("a.txt", new byte[]{'a', (byte) 0xC3, '(', 'b'})).isInstanceOf(ImportProblem.class)
                .satisfies(e -> assertThat(rule(e)).contains("encoding"));
        assertThatThrownBy(() -> reader.read("a.txt", new byte[]{'a', 0, 1, 2, 3})).isInstanceOf(ImportProblem.class)
                .satisfies(e -> assertThat(rule(e)).contains("type"));
        assertThatThrownBy(() -> reader.read("a.txt", new byte[0])).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> reader.read("a.pdf", "%PDF-1.7\nrubbish".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ImportProblem.class).satisfies(e -> assertThat(rule(e)).contains("unreadable"));
    }

    @Test
    void draftRepairPathsFollowRemovedEntries() {
        assertThat(DraftRepair.shift("tasks[3].title", "tasks", 1)).isEqualTo("tasks[2].title");
        assertThat(DraftRepair.shift("tasks[1].title", "tasks", 1)).isNull();
        assertThat(DraftRepair.shift("tasks[0]", "tasks", 1)).isEqualTo("tasks[0]");
        assertThat(DraftRepair.shift("targets[3]", "tasks", 1)).isEqualTo("targets[3]");
        assertThat(DraftRepair.entryOf("tasks[2].timeFrame.month")).isEqualTo("tasks[2]");
        assertThat(DraftRepair.up("tasks[2].coordinatingUnitIds[1]")).isEqualTo("tasks[2].coordinatingUnitIds");
        assertThat(ImportService.path("purposes[2].<list element>")).isEqualTo("purposes[2]");
    }
}
