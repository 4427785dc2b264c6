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
import vn.cchc.plan.common.UnitScope;

@RestController
@RequestMapping("/api/units")
@Validated
@Tag(name = "Units", description = "The directory of provinces, communes and their implementing units")
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
                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                            @RequestHeader(value = UnitScope.HEADER, required = false) String scope) {
        PageView<Unit> result = units.list(within, status, kind, page, size, UnitScope.fromHeader(scope));
        return new PageView<>(result.items().stream().map(UnitView::of).toList(), page, size, result.total());
    }

    @GetMapping("/{id}")
    ResponseEntity<UnitView> get(@PathVariable String id, @RequestHeader(value = UnitScope.HEADER, required = false) String scope) {
        Unit unit = units.get(id, UnitScope.fromHeader(scope));
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(UnitView.of(unit));
    }

    @PostMapping
    @Operation(summary = "Add a unit under an existing active parent")
    ResponseEntity<UnitView> add(@Valid @RequestBody AddUnitRequest request,
                                 @RequestHeader(value = UnitScope.HEADER, required = false) String scope) {
        Unit unit = units.add(request, UnitScope.fromHeader(scope));
        return ResponseEntity.created(URI.create("/api/units/" + unit.getId())).eTag(ETags.of(unit.getVersion())).body(UnitView.of(unit));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a unit, change its kind or replace its channels")
    ResponseEntity<UnitView> update(@PathVariable String id, @Valid @RequestBody UpdateUnitRequest request,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @RequestHeader(value = UnitScope.HEADER, required = false) String scope) {
        Unit unit = units.update(id, request, ifMatch, UnitScope.fromHeader(scope));
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(UnitView.of(unit));
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire a unit (never deleted; its history stays)")
    ResponseEntity<UnitView> retire(@PathVariable String id, @RequestHeader(value = UnitScope.HEADER, required = false) String scope) {
        Unit unit = units.retire(id, UnitScope.fromHeader(scope));
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(UnitView.of(unit));
    }
}
