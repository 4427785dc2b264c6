package vn.cchc.plan.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.cchc.plan.common.Caller;
import vn.cchc.plan.common.PageView;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.security.CurrentUser;

@RestController
@RequestMapping("/api/plans/imports")
@Validated
@Tag(name = "Plan imports", description = "Upload a plan document (.docx, .pdf with a text layer, .txt, .md): the service "
        + "reads it, creates a DRAFT plan from it (edit it with PUT /api/plans/{id}, then issue it) and keeps what it read for "
        + "review. Needs PROVINCE_ADMIN or COORDINATOR of the issuing unit; reads are limited to the caller's units")
class PlanImportController {
    private final ImportService imports;

    PlanImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a plan document as a draft plan (multipart: file, optional unitId; at most 20 MB)")
    ResponseEntity<PlanImportView> upload(
            @Parameter(description = "The plan document: .docx, .pdf (text layer), .txt or .md (UTF-8)")
            @RequestPart(value = "file", required = false) MultipartFile file,
            @Parameter(description = "The issuing unit; read from the document when absent")
            @RequestParam(value = "unitId", required = false) String unitId) {
        CurrentUser user = CurrentUser.get();
        String unit = unitId == null || unitId.isBlank() ? null : unitId.strip();
        imports.checkCaller(user, unit);
        if (file == null) {
            throw new InvalidRequestException("file", "required", "Send the document as the multipart part 'file'.");
        }
        if (file.isEmpty()) {
            throw new InvalidRequestException("file", "not-empty", "The file is empty.");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlanImport imported = imports.importDocument(file.getOriginalFilename(), bytes, unit, user);
        return ResponseEntity.created(URI.create("/api/plans/imports/" + imported.id())).body(PlanImportView.of(imported));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import: the document's lines, the extracted fields with their source lines, warnings, proposed units")
    PlanImportView get(@PathVariable String id) {
        return PlanImportView.of(imports.get(id, Caller.current()));
    }

    @GetMapping
    @Operation(summary = "Imports of plans issued within the caller's units (optionally one unit's subtree), newest first, "
            + "without the document's lines")
    PageView<PlanImportView> list(@RequestParam(required = false) String unitId,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageView<PlanImport> result = imports.list(unitId, page, size, Caller.current());
        return new PageView<>(result.items().stream().map(PlanImportView::listed).toList(), page, size, result.total());
    }
}
