package vn.cchc.reporting.periodic;

import jakarta.validation.constraints.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.reporting.access.UnitAccess;
import vn.cchc.security.CurrentUser;

@RestController
@Validated
class PeriodicReportController {
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PeriodicReportService reports;
    private final PeriodicReportDocx docx;
    private final PeriodicReportXlsx xlsx;

    PeriodicReportController(PeriodicReportService reports, PeriodicReportDocx docx, PeriodicReportXlsx xlsx) {
        this.reports = reports;
        this.docx = docx;
        this.xlsx = xlsx;
    }

    /**
     * {@code GET /api/reports/units/{unitId}/periodic/2026-Q1} (JSON), {@code …/2026-Q1.docx} (the report),
     * {@code …/2026-Q1.xlsx} (the annex). One mapping: path patterns do not split suffixes any more.
     */
    @GetMapping("/api/reports/units/{unitId}/periodic/{period}")
    ResponseEntity<?> periodic(@PathVariable @Pattern(regexp = UnitPath.PATTERN) String unitId, @PathVariable String period,
                               CurrentUser user) {
        UnitAccess.requireVisible(user, unitId);
        if (period.endsWith(".docx")) {
            String id = period.substring(0, period.length() - 5);
            PeriodicReport report = reports.build(unitId, id);
            return file(docx.render(report), DOCX, "bao-cao-cchc-" + unitId + "-" + id + ".docx");
        }
        if (period.endsWith(".xlsx")) {
            String id = period.substring(0, period.length() - 5);
            PeriodicReport report = reports.build(unitId, id);
            return file(xlsx.render(report), XLSX, "phu-luc-cchc-" + unitId + "-" + id + ".xlsx");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reports.build(unitId, period));
    }

    /**
     * The rendered document. Not a {@code StreamingResponseBody}: its asynchronous dispatch answered 500 behind this
     * service's security chain (EffectiveStartFlowTest); the XLSX is rendered with POI's streaming workbook instead.
     */
    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
