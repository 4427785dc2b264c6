package vn.cchc.plan.units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.plan.common.ETags;
import vn.cchc.plan.common.PageView;
import java.util.List;
import vn.cchc.plan.common.AuditEntry;
import vn.cchc.plan.common.Caller;

@RestController
@RequestMapping("/api/units")
@Validated
@Tag(name = "Units", description = "The directory of provinces, communes and their implementing units. "
        + "Bearer token required; reads show the caller's units only; changes need PROVINCE_ADMIN within the unit's (or new unit's parent's) subtree")
class UnitController {
    private final UnitService units;

    UnitController(UnitService units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "List units, optionally a subtree (within), by status or kind, sorted by id")
    PageView<UnitView> list(@RequestParam(required = false) String within,
                            @RequestParam(required = false) UnitStatus status,
                            @RequestParam(required = false) UnitKind kind,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        PageView<Unit> result = units.list(within, status, kind, page, size, Caller.current());
        return new PageView<>(result.items().stream().map(UnitView::of).toList(), page, size, result.total());
    }

    @GetMapping("/{id}")
    ResponseEntity<UnitView> get(@PathVariable String id) {
        Unit unit = units.get(id, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(UnitView.of(unit));
    }

    @PostMapping
    @Operation(summary = "Add a unit under an existing active parent")
    ResponseEntity<UnitView> add(@Valid @RequestBody AddUnitRequest request) {
        Unit unit = units.add(request, Caller.current());
        return ResponseEntity.created(URI.create("/api/units/" + unit.getId())).eTag(ETags.of(unit.getVersion())).body(UnitView.of(unit));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a unit, change its kind or replace its channels")
    ResponseEntity<UnitView> update(@PathVariable String id, @Valid @RequestBody UpdateUnitRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Unit unit = units.update(id, request, ifMatch, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(UnitView.of(unit));
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire a unit (never deleted; its history stays)")
    ResponseEntity<UnitView> retire(@PathVariable String id) {
        Unit unit = units.retire(id, Caller.current());
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(UnitView.of(unit));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who changed the unit, when, and what (added, updated, retired), oldest first")
    List<AuditEntry> audit(@PathVariable String id) {
        return units.get(id, Caller.current()).getAudit();
    }
}
