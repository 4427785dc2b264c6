package vn.cchc.plan.units;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface UnitRepository extends MongoRepository<Unit, String> {
    boolean existsByParentIdAndStatus(String parentId, UnitStatus status);
}
