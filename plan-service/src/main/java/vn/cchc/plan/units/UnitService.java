package vn.cchc.plan.units;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.cchc.platform.outbox.AggregateWriter;
import vn.cchc.plan.common.ETags;
import vn.cchc.plan.common.PageView;
import vn.cchc.plan.common.Caller;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.security.Action;

/**
 * The unit directory: add, rename, retire (never delete), look up, list a subtree. Reads are limited to the
 * caller's readable units (404 / absent from lists outside them); changes need {@link Action#MANAGE_UNITS}
 * (PROVINCE_ADMIN) within the new unit's parent (a province: the province itself; 403, checked before anything
 * else), or the unit changed (404 outside the caller's units, 403 for a role that may not manage units). Every change appends an audit entry in the same single-document write.
 */
@Service
public class UnitService {
    private final UnitRepository repository;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final AggregateWriter writer;

    UnitService(UnitRepository repository, MongoTemplate mongo, Clock clock, AggregateWriter writer) {
        this.writer = writer;
        this.repository = repository;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Unit add(AddUnitRequest request, Caller caller) {
        String id = request.unitId();
        int dot = id.lastIndexOf('.');
        String parentId = dot < 0 ? null : id.substring(0, dot);
        caller.requireWrite(parentId == null ? id : parentId, Action.MANAGE_UNITS);
        if (parentId == null) {
            if (request.kind() != UnitKind.PROVINCE) {
                throw new InvalidRequestException("kind", "top-level-province",
                        "A unit id without a parent (no dot) names a province; its kind must be PROVINCE.");
            }
        } else {
            Unit parent = repository.findById(parentId).orElseThrow(() -> new InvalidRequestException("unitId",
                    "unknown-parent", "The parent unit " + parentId + " does not exist; add it first."));
            if (!parent.isActive()) {
                throw new InvalidRequestException("unitId", "retired-parent", "The parent unit " + parentId + " is retired.");
            }
        }
        if (repository.existsById(id)) {
            throw new ConflictException("The unit " + id + " already exists.");
        }
        try {
            return repository.insert(new Unit(id, parentId, request.name().strip(), request.kind(), request.channels(), clock.instant(),
                    caller.username()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The unit " + id + " already exists.");
        }
    }

    /** Renames a unit or replaces its kind / channels; {@code ifMatch} (optional) must match the version read. */
    public Unit update(String id, UpdateUnitRequest request, String ifMatch, Caller caller) {
        Unit unit = forWrite(id, caller);
        ETags.check(ifMatch, unit.getVersion(), false);
        if (!unit.isActive()) {
            throw new ConflictException("The unit " + id + " is retired and cannot be changed.");
        }
        unit.update(request.name() == null ? null : request.name().strip(), request.kind(), request.channels(), clock.instant(),
                caller.username());
        return writer.update(unit, unit.getId(), unit.getVersion(), unit.unsavedEvents());
    }

    /** Retires a unit; its id, name and history stay, and plans that named it stay readable. */
    public Unit retire(String id, Caller caller) {
        Unit unit = forWrite(id, caller);
        if (!unit.isActive()) {
            throw new ConflictException("The unit " + id + " is already retired.");
        }
        if (repository.existsByParentIdAndStatus(id, UnitStatus.ACTIVE)) {
            throw new ConflictException("The unit " + id + " still has active units beneath it; retire them first.");
        }
        unit.retire(clock.instant(), caller.username());
        return writer.update(unit, unit.getId(), unit.getVersion(), unit.unsavedEvents());
    }

    /** A unit the caller may read; one outside the caller's units is 404, as if it did not exist. */
    public Unit get(String id, Caller caller) {
        if (!caller.canRead(id)) {
            throw new NotFoundException("No unit " + id);
        }
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No unit " + id));
    }

    /**
     * A unit the caller may change: 404 when absent or outside the caller's units (as on reads: a write never reveals
     * that another province's unit exists), then 403 when the caller's role may not manage units.
     */
    private Unit forWrite(String id, Caller caller) {
        Unit unit = get(id, caller);
        caller.requireWrite(id, Action.MANAGE_UNITS);
        return unit;
    }

    public Optional<Unit> find(String id) {
        return UnitPath.isValid(id) ? repository.findById(id) : Optional.empty();
    }

    public PageView<Unit> list(String within, UnitStatus status, UnitKind kind, int page, int size, Caller caller) {
        List<Criteria> criteria = new ArrayList<>();
        if (within != null && !within.isBlank()) {
            criteria.add(Criteria.where("_id").regex(UnitPath.subtreeRegex(within)));
        }
        if (status != null) {
            criteria.add(Criteria.where("status").is(status));
        }
        if (kind != null) {
            criteria.add(Criteria.where("kind").is(kind));
        }
        Criteria inScope = caller.readCriteria("_id");
        if (inScope != null) {
            criteria.add(inScope);
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Unit.class);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        query.fields().exclude("pendingEvents", "audit");
        return new PageView<>(mongo.find(query, Unit.class), page, size, total);
    }
}
