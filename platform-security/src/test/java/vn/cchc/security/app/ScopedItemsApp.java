package vn.cchc.security.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;

/** A tiny service that uses platform-security as a real service would: list filtering, single reads, scoped writes. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ScopedItemsApp {
    public static final List<String> ITEMS = new CopyOnWriteArrayList<>();

    /**
     * Stands in for platform-common's ProblemDetailsAdvice: first in line and with a catch-all handler. A
     * ForbiddenException must still come out as 403 (it is an ErrorResponseException), not as a 500.
     */
    @org.springframework.web.bind.annotation.RestControllerAdvice
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    static class CatchAllAdvice extends org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler {
        @org.springframework.web.bind.annotation.ExceptionHandler(Exception.class)
        org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> unexpected(Exception ex) {
            return org.springframework.http.ResponseEntity.internalServerError().body(
                    org.springframework.http.ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR));
        }
    }

    @RestController
    static class ItemsController {
        @GetMapping("/api/items")
        List<String> list(CurrentUser user) {
            return ITEMS.stream().filter(user::canRead).toList();
        }

        @GetMapping("/api/items/{unitId}")
        Map<String, Object> get(@PathVariable String unitId, CurrentUser user) {
            user.requireRead(unitId);
            return Map.of("unitId", unitId, "present", ITEMS.contains(unitId));
        }

        @PostMapping("/api/items/{unitId}")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> record(@PathVariable String unitId) {
            CurrentUser.get().requireWrite(unitId, Action.RECORD_PUBLICATIONS);
            ITEMS.add(unitId);
            return Map.of("unitId", unitId, "by", CurrentUser.get().username());
        }

        @PostMapping("/api/plans/{unitId}/issue")
        Map<String, Object> issue(@PathVariable String unitId, CurrentUser user) {
            user.requireWrite(unitId, Action.MANAGE_PLANS_AND_TASKS);
            return Map.of("issued", unitId);
        }
    }
}
