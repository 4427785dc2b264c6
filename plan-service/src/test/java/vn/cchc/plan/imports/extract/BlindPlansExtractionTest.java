package vn.cchc.plan.imports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A blind round: plans written, with their expected JSON, by someone who had not read the extractor's code — a
 * provincial department plan (header block read column by column, a "Chỉ tiêu" section with a thousands separator,
 * a "Phụ lục" programme table by month, a quarterly reporting duty through an office, signatory without mandate) and a
 * carelessly typed commune plan (lower-case headings, tasks as a numbered prose list with "Đơn vị thực hiện: …;
 * Thời gian: …" lines, dates like 5/2/2026, a weekly target the model cannot hold, a percentage) and that plan as a
 * phone-photo OCR dump without diacritics (merged and split words, đ → ð, stray "~" and ".", page footer, scanner stamp).
 */
class BlindPlansExtractionTest {
    // blind baseline: 75.0 %, 27.6 %, 22.4 %; after the first fixes 75.0 %, 65.3 %, 53.1 %; after prose tasks, month-only
    // programme rows, numeric header dates, bare "Sở" and shortened unit names: ≥ 93.5 % (thanh-hoa ocr-2 loses "2.000")
    static final double FLOOR = 0.93;
    private static final List<String> REPORT = new ArrayList<>();

    static Stream<Arguments> documents() {
        List<Arguments> out = new ArrayList<>();
        for (String doc : List.of("thanh-hoa-snv-2026.txt", "quang-phu-commune-2026.txt")) {
            for (String variant : List.of("original", "no-accents", "ocr-1", "ocr-2", "ocr-3")) {
                out.add(Arguments.of(doc, variant));
            }
        }
        out.add(Arguments.of("quang-phu-commune-2026-ocr.txt", "original"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void extractsTheDocument(String file, String variant) {
        ExtractionScoring.Score s = UnseenPlansExtractionTest.score(file, variant);
        String line = String.format("%-32s %-11s %3d / %3d = %5.1f %%", file, variant, s.right(), s.expected(), 100 * s.ratio());
        REPORT.add(line);
        System.out.println(line);
        s.misses().forEach(m -> System.out.println("    miss " + m));
        assertThat(s.ratio()).as(file + " " + variant + " misses: " + s.misses()).isGreaterThanOrEqualTo(FLOOR);
    }

    @AfterAll
    static void report() {
        System.out.println("Blind plans, extraction scores (fields right / fields expected):");
        REPORT.forEach(l -> System.out.println("  " + l));
    }
}
