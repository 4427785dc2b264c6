package vn.cchc.reporting.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.security.CurrentUser;
import vn.cchc.security.Role;

@RestController
class RebuildController {
    private final RebuildService rebuild;

    RebuildController(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    /**
     * Who may rebuild: a province admin, or OPS (ops runs the platform; the gateway keeps OPS off {@code /api/**}, so OPS
     * calls the service directly inside the cluster). A rebuild recomputes every unit's read models and shows none.
     */
    static final Role[] ADMINS = {Role.PROVINCE_ADMIN, Role.OPS};

    /** {@code POST /api/reports/admin/rebuild}: 202 with the rebuild's status; 409 while one runs; 403 for other roles. */
    @PostMapping("/api/reports/admin/rebuild")
    ResponseEntity<RebuildService.Status> start(CurrentUser user) {
        user.requireRole(ADMINS);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }

    @GetMapping("/api/reports/admin/rebuild")
    RebuildService.Status status(CurrentUser user) {
        user.requireRole(ADMINS);
        RebuildService.Status status = rebuild.status();
        if (status == null) {
            throw new NotFoundException("Chưa có lần dựng lại nào kể từ khi dịch vụ khởi động.");
        }
        return status;
    }
}
