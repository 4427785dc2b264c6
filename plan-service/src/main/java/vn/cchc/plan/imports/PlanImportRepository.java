package vn.cchc.plan.imports;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PlanImportRepository extends MongoRepository<PlanImport, String> {
}
