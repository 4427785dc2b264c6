package vn.cchc.plan.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cchc.plan.common.ETags;
import vn.cchc.plan.common.PageView;
import vn.cchc.plan.common.AuditEntry;
import vn.cchc.plan.common.Caller;

@RestController
@RequestMapping("/api/plans")
@Validated
@Tag(name = "Plans", description = "Communication plans: draft, issue, amend, close; ETag / If-Match on every change. "
        + "Bearer token required; reads show the caller's units only; changes need PROVINCE_ADMIN or COORDINATOR of the issuing unit")
class PlanController {
    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(summary = "List plans by issuing unit (or its subtree), year and status, newest year first")
    PageView<PlanView> list(@RequestParam(required = false) String unitId,
                            @RequestParam(defaultValue = "false") boolean subtree,
                            @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) PlanStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageView<Plan> result = plans.list(unitId, subtree, year, status, page, size, Caller.current());
        return new PageView<>(result.items().stream().map(PlanView::of).toList(), page, size, result.total());
    }

    @PostMapping
    @Operation(summary = "Create a draft plan")
    ResponseEntity<PlanView> create(@Valid @RequestBody PlanContent content) {
        Plan plan = plans.create(content, Caller.current());
        return ResponseEntity.created(URI.create("/api/plans/" + plan.getId())).eTag(ETags.of(plan.getVersion())).body(PlanView.of(plan));
    }

    @GetMapping("/{id}")
    ResponseEntity<PlanView> get(@PathVariable String id) {
        return withETag(plans.get(id, Caller.current()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a draft's content (If-Match required)")
    ResponseEntity<PlanView> update(@PathVariable String id, @Valid @RequestBody PlanContent content,
                                    @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withETag(plans.updateDraft(id, content, ifMatch, Caller.current()));
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Issue a draft: publishes revision 1 (vn.cchc.plan.issued.v1)")
    ResponseEntity<PlanView> issue(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withETag(plans.issue(id, ifMatch, Caller.current()));
    }

    @PostMapping("/{id}/amendments")
    @Operation(summary = "Amend an issued plan (If-Match required): publishes the next revision (vn.cchc.plan.amended.v1)")
    ResponseEntity<PlanView> amend(@PathVariable String id, @Valid @RequestBody AmendPlanRequest request,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withETag(plans.amend(id, request, ifMatch, Caller.current()));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an issued plan: publishes the last revision (vn.cchc.plan.closed.v1)")
    ResponseEntity<PlanView> close(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withETag(plans.close(id, ifMatch, Caller.current()));
    }

    @PostMapping("/{id}/duties/{dutyId}/task")
    @Operation(summary = "Track a duty of 'Tổ chức thực hiện' as a task: adds a catalogue entry led by the responsibility's unit "
            + "and links the duty to it (If-Match checked when sent). A draft is edited; an issued plan is amended "
            + "(next revision, vn.cchc.plan.amended.v1). 404 unknown duty; 409 already tracked or plan closed")
    ResponseEntity<PlanView> trackDuty(@PathVariable String id, @PathVariable String dutyId,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return withETag(plans.trackDuty(id, dutyId, ifMatch, Caller.current()));
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The published revisions of a plan (issued, each amendment, closing)")
    List<PlanSnapshot> revisions(@PathVariable String id) {
        return plans.get(id, Caller.current()).getRevisions();
    }

    @GetMapping("/{id}/revisions/{revision}")
    PlanSnapshot revision(@PathVariable String id, @PathVariable long revision) {
        return plans.revision(id, revision, Caller.current());
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who changed the plan, when, and what (created, updated, issued, amended, closed), oldest first")
    List<AuditEntry> audit(@PathVariable String id) {
        return plans.audit(id, Caller.current());
    }

    private static ResponseEntity<PlanView> withETag(Plan plan) {
        return ResponseEntity.ok().eTag(ETags.of(plan.getVersion())).body(PlanView.of(plan));
    }
}
