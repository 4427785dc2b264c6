package vn.cchc.publication.imports;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.security.CurrentUser;

/** Spreadsheet import: {@code POST /api/publications/import} (multipart {@code file}) and its CSV template. */
@RestController
@RequestMapping("/api/publications/import")
class ImportController {
    static final String TEMPLATE = "import/mau-danh-sach-tin-bai.csv";

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    /**
     * @param unitId       the unit of rows that leave the unit column empty
     * @param dryRun       check every row and report, store nothing
     * @param allOrNothing store nothing if any row is rejected
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport upload(@RequestParam("file") MultipartFile file,
                        @RequestParam(required = false) String unitId,
                        @RequestParam(defaultValue = "false") boolean dryRun,
                        @RequestParam(defaultValue = "false") boolean allOrNothing,
                        CurrentUser user) throws IOException {
        if (unitId != null && !UnitPath.isValid(unitId)) {
            throw new InvalidRequestException("unitId", "pattern", "Must be a dot-separated unit id such as vinh-long.phu-khuong.");
        }
        // to a file, so that a workbook is opened with random access and read part by part, never whole in memory
        java.nio.file.Path upload = java.nio.file.Files.createTempFile("cchc-import-", ".upload");
        try {
            file.transferTo(upload);
            return imports.importRows(file.getOriginalFilename(), upload, unitId, dryRun, allOrNothing, user);
        } finally {
            java.nio.file.Files.deleteIfExists(upload);
        }
    }

    /** The template with the Vietnamese headers units fill in (UTF-8 with BOM, so Excel shows the diacritics). */
    @GetMapping("/template")
    ResponseEntity<byte[]> template() throws IOException {
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
            byte[] csv = in.readAllBytes();
            byte[] withBom = new byte[csv.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(csv, 0, withBom, 3, csv.length);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-danh-sach-tin-bai.csv\"")
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(withBom);
        }
    }
}
