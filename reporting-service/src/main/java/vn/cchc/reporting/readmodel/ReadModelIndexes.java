package vn.cchc.reporting.readmodel;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes the read-model queries need, declared for each generation's collections (a rebuild's new ones too).
 * Real MongoDB uses them; the MongoDB wire server of the local stack ignores non-unique indexes, so there every
 * non-{@code _id} query scans. The hot paths (counts, target statuses, facts by id) are {@code _id} lookups either way.
 */
final class ReadModelIndexes {
    private ReadModelIndexes() {
    }

    static void ensure(MongoTemplate mongo, int generation) {
        // a report's items and a recount: facts of a subtree in a year
        mongo.indexOps(ReadModels.name(ReadModels.FACTS, generation))
                .createIndex(new Index().on("year", Sort.Direction.ASC).on("unitId", Sort.Direction.ASC).named("year_unit"));
        // plans a publication can move (its unit and ancestors), plans of a scope and year
        mongo.indexOps(ReadModels.name(ReadModels.PLANS, generation))
                .createIndex(new Index().on("targetUnitIds", Sort.Direction.ASC).named("target_units"));
        mongo.indexOps(ReadModels.name(ReadModels.PLANS, generation))
                .createIndex(new Index().on("year", Sort.Direction.ASC).on("issuingUnitId", Sort.Direction.ASC).named("year_issuer"));
        // tasks of a scope, tasks of plans
        mongo.indexOps(ReadModels.name(ReadModels.TASKS, generation))
                .createIndex(new Index().on("unitId", Sort.Direction.ASC).named("unit"));
        mongo.indexOps(ReadModels.name(ReadModels.TASKS, generation))
                .createIndex(new Index().on("planId", Sort.Direction.ASC).named("plan"));
    }
}
