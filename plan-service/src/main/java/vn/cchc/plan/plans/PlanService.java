package vn.cchc.plan.plans;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.cchc.platform.outbox.AggregateWriter;
import vn.cchc.plan.common.ETags;
import vn.cchc.plan.common.PageView;
import vn.cchc.plan.common.AuditEntry;
import vn.cchc.plan.common.Caller;
import vn.cchc.plan.units.UnitService;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.security.Action;

/**
 * Plan lifecycle. Every method takes the {@link Caller}: a plan outside the caller's readable units does not
 * exist for reads (404, absent from lists); every change first needs {@link Action#MANAGE_PLANS_AND_TASKS}
 * within the issuing unit (403 before anything is read further, validated, written or published). Changes
 * check the caller's If-Match against the stored version, and the save is guarded by {@code @Version}, so a
 * concurrent edit is refused rather than lost. Bad input changes nothing. Each change appends an audit entry
 * (who, when, what) in the same single-document write.
 */
@Service
public class PlanService {
    private final PlanRepository repository;
    private final MongoTemplate mongo;
    private final UnitService units;
    private final Clock clock;
    private final AggregateWriter writer;
    private final Supplier<String> entryIds = () -> UUID.randomUUID().toString().substring(0, 8);

    PlanService(PlanRepository repository, MongoTemplate mongo, UnitService units, Clock clock, AggregateWriter writer) {
        this.writer = writer;
        this.repository = repository;
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
    }

    public Plan create(PlanContent content, Caller caller) {
        return create(UUID.randomUUID().toString(), content, caller);
    }

    /** Creates a draft under a given id (the demo data uses readable ids). */
    public Plan create(String id, PlanContent content, Caller caller) {
        caller.requireWrite(content.issuingUnitId(), Action.MANAGE_PLANS_AND_TASKS);
        PlanContent checked = validated(id, content, caller);
        try {
            return repository.insert(new Plan(id, checked, clock.instant(), caller.username()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A plan " + id + " already exists.");
        }
    }

    public Plan updateDraft(String id, PlanContent content, String ifMatch, Caller caller) {
        Plan plan = forWrite(id, caller);
        caller.requireWrite(content.issuingUnitId(), Action.MANAGE_PLANS_AND_TASKS);
        ETags.check(ifMatch, plan.getVersion(), true);
        if (plan.getStatus() != PlanStatus.DRAFT) {
            throw new ConflictException("Plan " + id + " is " + plan.getStatus() + "; only a draft can be edited. Amend it instead.");
        }
        plan.updateDraft(validated(id, content, caller), clock.instant(), caller.username());
        return writer.update(plan, plan.getId(), plan.getVersion(), plan.unsavedEvents());
    }

    /** Issues a draft; its content is checked again, since units may have been retired since it was saved. */
    public Plan issue(String id, String ifMatch, Caller caller) {
        Plan plan = forWrite(id, caller);
        ETags.check(ifMatch, plan.getVersion(), false);
        if (plan.getStatus() == PlanStatus.DRAFT) {
            validated(id, plan.getContent(), caller);
        }
        plan.issue(clock.instant(), caller.username());
        return writer.update(plan, plan.getId(), plan.getVersion(), plan.unsavedEvents());
    }

    public Plan amend(String id, AmendPlanRequest request, String ifMatch, Caller caller) {
        Plan plan = forWrite(id, caller);
        ETags.check(ifMatch, plan.getVersion(), true);
        PlanContent content = plan.getStatus().isLive() ? validated(id, request.plan(), caller) : request.plan();
        plan.amend(content, request.note() == null || request.note().isBlank() ? null : request.note().strip(), clock.instant(),
                caller.username());
        return writer.update(plan, plan.getId(), plan.getVersion(), plan.unsavedEvents());
    }

    public Plan close(String id, String ifMatch, Caller caller) {
        Plan plan = forWrite(id, caller);
        ETags.check(ifMatch, plan.getVersion(), false);
        plan.close(clock.instant(), caller.username());
        return writer.update(plan, plan.getId(), plan.getVersion(), plan.unsavedEvents());
    }

    /**
     * Tracks one duty of "Tổ chức thực hiện" as a task: adds a catalogue entry led by the responsibility's unit
     * (see {@link DutyTasks}) and links the duty to it. A draft is edited (revision 0, audited UPDATED); an issued
     * plan is amended (next revision, amended event), so task-service creates the task as for any new entry.
     * 404 for an unknown duty; 409 when the duty is already tracked or the plan is closed.
     */
    public Plan trackDuty(String id, String dutyId, String ifMatch, Caller caller) {
        Plan plan = forWrite(id, caller);
        ETags.check(ifMatch, plan.getVersion(), false);
        PlanContent content = plan.getContent();
        Responsibility owner = null;
        Duty duty = null;
        for (Responsibility r : content.responsibilities()) {
            for (Duty d : r.duties()) {
                if (d.id() != null && d.id().equals(dutyId)) {
                    owner = r;
                    duty = d;
                }
            }
        }
        if (duty == null) {
            throw new NotFoundException("Plan " + id + " has no duty " + dutyId);
        }
        if (plan.getStatus() == PlanStatus.CLOSED) {
            throw new ConflictException("Plan " + id + " is closed; its duties cannot be tracked any more.");
        }
        if (duty.taskId() != null) {
            throw new ConflictException("Duty " + dutyId + " is already tracked as task " + duty.taskId() + ".");
        }
        PlanContent tracked = DutyTasks.track(content, owner, duty, entryIds, unitId -> units.find(unitId).map(u -> u.getName()));
        PlanContent checked = validated(id, tracked, caller);
        if (plan.getStatus() == PlanStatus.DRAFT) {
            plan.updateDraft(checked, clock.instant(), caller.username());
        } else {
            plan.amend(checked, DutyTasks.note(duty), clock.instant(), caller.username());
        }
        return writer.update(plan, plan.getId(), plan.getVersion(), plan.unsavedEvents());
    }

    /** A plan the caller may read; one outside the caller's units is 404, as if it did not exist. */
    public Plan get(String id, Caller caller) {
        Plan plan = repository.findById(id).orElseThrow(() -> new NotFoundException("No plan " + id));
        if (!caller.canRead(plan.getIssuingUnitId())) {
            throw new NotFoundException("No plan " + id);
        }
        return plan;
    }

    /**
     * A plan the caller may change: 404 when absent or outside the caller's units (the answer of a read, so a write
     * never reveals that another unit's plan exists), 403 when the caller's role may not manage plans of its own units.
     */
    private Plan forWrite(String id, Caller caller) {
        Plan plan = get(id, caller);
        caller.requireWrite(plan.getIssuingUnitId(), Action.MANAGE_PLANS_AND_TASKS);
        return plan;
    }

    /** Who changed the plan, when, and what, oldest first. */
    public List<AuditEntry> audit(String id, Caller caller) {
        return get(id, caller).getAudit();
    }

    public PlanSnapshot revision(String id, long revision, Caller caller) {
        return get(id, caller).getRevisions().stream().filter(r -> r.revision() == revision).findFirst()
                .orElseThrow(() -> new NotFoundException("Plan " + id + " has no published revision " + revision));
    }

    /**
     * Lists plans, newest year first. {@code unitId} alone matches plans issued by that unit; with
     * {@code subtree} also those of the units beneath it.
     */
    public PageView<Plan> list(String unitId, boolean subtree, Integer year, PlanStatus status, int page, int size, Caller caller) {
        List<Criteria> criteria = new ArrayList<>();
        if (unitId != null && !unitId.isBlank()) {
            if (!UnitPath.isValid(unitId)) {
                throw new InvalidRequestException("unitId", "pattern", "must be a dot-separated unit id such as vinh-long.phu-khuong");
            }
            criteria.add(subtree ? Criteria.where("issuingUnitId").regex(UnitPath.subtreeRegex(unitId))
                    : Criteria.where("issuingUnitId").is(unitId));
        }
        if (year != null) {
            criteria.add(Criteria.where("year").is(year));
        }
        if (status != null) {
            criteria.add(Criteria.where("status").is(status));
        }
        Criteria inScope = caller.readCriteria("issuingUnitId");
        if (inScope != null) {
            criteria.add(inScope);
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Plan.class);
        query.with(Sort.by(Sort.Order.desc("year"), Sort.Order.asc("issuingUnitId"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude("revisions", "pendingEvents", "audit");
        return new PageView<>(mongo.find(query, Plan.class), page, size, total);
    }

    private PlanContent validated(String planId, PlanContent content, Caller caller) {
        PlanContent complete = PlanEntries.complete(content, entryIds);
        List<FieldError> errors = new ArrayList<>(PlanRules.check(complete, units::find));
        // the legal basis links by id only to a plan the system holds; otherwise it is written as number/date/issuer
        String parentId = complete.parentPlan() == null ? null : complete.parentPlan().planId();
        if (parentId != null && !PlanReferences.mayBeParent(parentId, planId, complete.issuingUnitId(), repository)) {
            errors.add(new FieldError("parentPlan.planId", "unknown-plan",
                    "No other plan " + parentId + " above this plan's unit; give the parent's number, date and issuer instead."));
        }
        for (int i = 0; i < complete.legalBases().size(); i++) {
            String basisId = complete.legalBases().get(i).planId();
            if (basisId != null && !basisId.equals(parentId)
                    && !PlanReferences.mayBeBasis(basisId, planId, complete.issuingUnitId(), caller, repository)) {
                errors.add(new FieldError("legalBases[" + i + "].planId", "unknown-plan",
                        "No other plan " + basisId + " you may cite; give the document's number, date and issuer instead."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return complete;
    }
}
