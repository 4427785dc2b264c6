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
import vn.cchc.plan.common.AggregateWriter;
import vn.cchc.plan.common.ETags;
import vn.cchc.plan.common.PageView;
import vn.cchc.plan.common.UnitScope;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;

/** The unit directory: add, rename, retire (never delete), look up, list a subtree. */
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

    public Unit add(AddUnitRequest request, UnitScope scope) {
        String id = request.unitId();
        int dot = id.lastIndexOf('.');
        String parentId = dot < 0 ? null : id.substring(0, dot);
        if (parentId == null) {
            if (request.kind() != UnitKind.PROVINCE) {
                throw new InvalidRequestException("kind", "top-level-province",
                        "A unit id without a parent (no dot) names a province; its kind must be PROVINCE.");
            }
            if (!scope.unrestricted()) {
                throw new InvalidRequestException("unitId", "out-of-scope", "Only the platform team may add a province.");
            }
        } else {
            if (!scope.allows(parentId)) {
                throw new InvalidRequestException("unitId", "out-of-scope", "You cannot add units under " + parentId + ".");
            }
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
            return repository.insert(new Unit(id, parentId, request.name().strip(), request.kind(), request.channels(), clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The unit " + id + " already exists.");
        }
    }

    /** Renames a unit or replaces its kind / channels; {@code ifMatch} (optional) must match the version read. */
    public Unit update(String id, UpdateUnitRequest request, String ifMatch, UnitScope scope) {
        Unit unit = get(id, scope);
        ETags.check(ifMatch, unit.getVersion(), false);
        if (!unit.isActive()) {
            throw new ConflictException("The unit " + id + " is retired and cannot be changed.");
        }
        unit.update(request.name() == null ? null : request.name().strip(), request.kind(), request.channels(), clock.instant());
        return writer.update(unit, unit.getId(), unit.getVersion(), unit.unsavedEvents());
    }

    /** Retires a unit; its id, name and history stay, and plans that named it stay readable. */
    public Unit retire(String id, UnitScope scope) {
        Unit unit = get(id, scope);
        if (!unit.isActive()) {
            throw new ConflictException("The unit " + id + " is already retired.");
        }
        if (repository.existsByParentIdAndStatus(id, UnitStatus.ACTIVE)) {
            throw new ConflictException("The unit " + id + " still has active units beneath it; retire them first.");
        }
        unit.retire(clock.instant());
        return writer.update(unit, unit.getId(), unit.getVersion(), unit.unsavedEvents());
    }

    public Unit get(String id, UnitScope scope) {
        if (!scope.allows(id)) {
            throw new NotFoundException("No unit " + id);
        }
        return repository.findById(id).orElseThrow(() -> new NotFoundException("No unit " + id));
    }

    public Optional<Unit> find(String id) {
        return UnitPath.isValid(id) ? repository.findById(id) : Optional.empty();
    }

    public PageView<Unit> list(String within, UnitStatus status, UnitKind kind, int page, int size, UnitScope scope) {
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
        Criteria inScope = scope.criteria("_id");
        if (inScope != null) {
            criteria.add(inScope);
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Unit.class);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        return new PageView<>(mongo.find(query, Unit.class), page, size, total);
    }
}
