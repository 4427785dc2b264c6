package vn.cchc.reporting.transparency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.reporting.VietnamTime;

/**
 * The public transparency answers, without a token ({@code /api/public/**}, see {@code ReportingSecurity}); a province
 * that is not listed in {@code cchc.reporting.transparency.provinces} is 404, as if it did not exist.
 */
@RestController
@Validated
class TransparencyController {
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final TransparencyService transparency;
    private final TransparencyProperties properties;
    private final Clock clock;

    TransparencyController(TransparencyService transparency, TransparencyProperties properties, Clock clock) {
        this.transparency = transparency;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code GET /api/public/provinces/vinh-long/transparency[?year=2026]} (year: the current one by default). */
    @GetMapping("/api/public/provinces/{provinceId}/transparency")
    ResponseEntity<Transparency> json(@PathVariable @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$") String provinceId,
                                      @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return ResponseEntity.ok().cacheControl(cacheControl()).contentType(MediaType.APPLICATION_JSON)
                .body(figures(provinceId, year));
    }

    /** {@code GET /api/public/provinces/vinh-long/transparency.csv[?year=2026]}: the same, for Excel. */
    @GetMapping("/api/public/provinces/{provinceId}/transparency.csv")
    ResponseEntity<byte[]> csv(@PathVariable @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$") String provinceId,
                               @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        Transparency figures = figures(provinceId, year);
        return ResponseEntity.ok().cacheControl(cacheControl()).contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("cong-khai-cchc-" + provinceId + "-" + figures.year() + ".csv").build().toString())
                .body(TransparencyCsv.render(figures));
    }

    private Transparency figures(String provinceId, Integer year) {
        if (!properties.isPublic(provinceId)) {
            throw new NotFoundException("Không có số liệu công khai của tỉnh '" + provinceId + "'.");
        }
        return transparency.compute(provinceId, year != null ? year : VietnamTime.date(clock.instant()).getYear());
    }

    private CacheControl cacheControl() {
        return CacheControl.maxAge(properties.cacheTtl()).cachePublic();
    }
}
