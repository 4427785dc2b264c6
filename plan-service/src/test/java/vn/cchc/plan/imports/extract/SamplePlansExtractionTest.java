package vn.cchc.plan.imports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance bar: each sample plan (the three real ones and a synthetic commune plan in other shapes), as written,
 * with its diacritics stripped and with seeded OCR noise, is extracted without a hint of its issuing unit and compared
 * with the expected JSON written by hand from reading the document; every document must score at least 90 %.
 */
class SamplePlansExtractionTest {
    private static final List<KnownUnit> DIRECTORY = ExtractionScoring.directory();
    private static final List<String> REPORT = new ArrayList<>();

    static Stream<Arguments> documents() {
        List<Arguments> out = new ArrayList<>();
        for (String doc : List.of("phu-khuong-2026", "tien-minh-2026", "lai-chau-vp-2026", "bac-binh-synthetic-2026")) {
            for (String variant : List.of("original", "no-accents", "ocr-1", "ocr-2", "ocr-3")) {
                out.add(Arguments.of(doc, variant));
            }
        }
        return out.stream();
    }

    static String text(String doc, String variant) {
        String original = ExtractionScoring.resource("/imports/samples/" + doc + ".txt");
        return switch (variant) {
            case "original" -> original;
            case "no-accents" -> OcrNoise.stripAccents(original);
            default -> OcrNoise.ocr(original, 1000L * doc.hashCode() + Long.parseLong(variant.substring(4)));
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documents")
    void extractsTheDocument(String doc, String variant) {
        Extraction e = new RulePlanExtractor().extract(DocumentText.of(text(doc, variant)), DIRECTORY, new ExtractionHints(null));
        Map<String, Object> actual = ExtractionScoring.project(e);
        ExtractionScoring.Score s = ExtractionScoring.score(ExtractionScoring.expected(doc), actual);
        String line = String.format("%-26s %-11s %3d / %3d = %5.1f %%", doc, variant, s.right(), s.expected(), 100 * s.ratio());
        REPORT.add(line);
        System.out.println(line);
        s.misses().forEach(m -> System.out.println("    miss " + m));
        assertThat(s.ratio()).as(doc + " " + variant + " misses: " + s.misses()).isGreaterThanOrEqualTo(0.90);
    }

    @AfterAll
    static void report() {
        System.out.println("Extraction scores (fields right / fields expected):");
        REPORT.forEach(l -> System.out.println("  " + l));
    }
}
