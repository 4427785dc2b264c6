package vn.cchc.reporting.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.web.NotFoundException;

@RestController
class RebuildController {
    private final RebuildService rebuild;

    RebuildController(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    /** {@code POST /api/reports/admin/rebuild}: 202 with the rebuild's status; 409 while one runs. */
    @PostMapping("/api/reports/admin/rebuild")
    ResponseEntity<RebuildService.Status> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping("/api/reports/admin/rebuild")
    RebuildService.Status status() {
        RebuildService.Status status = rebuild.status();
        if (status == null) {
            throw new NotFoundException("Chưa có lần dựng lại nào kể từ khi dịch vụ khởi động.");
        }
        return status;
    }
}
