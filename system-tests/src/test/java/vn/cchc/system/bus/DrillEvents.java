package vn.cchc.system.bus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.ContractSchemas;

/** Event data of the published contracts (contracts/examples) made the drill commune's, for records produced by hand. */
final class DrillEvents {
    static final String RECORDED = "vn.cchc.publication.recorded.v1";
    static final String TASK_CREATED = "vn.cchc.task.created.v1";
    static final String PUBLICATION_SOURCE = "/cchc/publication-service";
    static final String TASK_SOURCE = "/cchc/task-service";
    static final String OUTSIDE = "/outside/system";

    private DrillEvents() {
    }

    /** A website article of the commune, published a few minutes ago, revision 1. */
    static String publication(DrillCommune commune, String publicationId) {
        ObjectNode data = (ObjectNode) BusStack.JSON.readTree(ContractSchemas.example(RECORDED));
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        data.put("publicationId", publicationId).put("unitId", commune.unitId).put("channel", "WEBSITE").put("kind", "ARTICLE")
                .put("title", "Tin diễn tập " + publicationId).put("url", "https://example.invalid/" + publicationId)
                .put("publishedAt", Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("recordedAt", now).put("changedAt", now);
        unitPath(data, commune);
        return data.toString();
    }

    /** A task of the commune, created. */
    static String task(DrillCommune commune, String taskId) {
        ObjectNode data = (ObjectNode) BusStack.JSON.readTree(ContractSchemas.example(TASK_CREATED));
        data.put("taskId", taskId).put("unitId", commune.unitId).put("planId", "bus-plan-" + taskId).put("source", "CATALOGUE")
                .put("entryId", "bus-entry").putNull("window").put("dueDate", BusStack.year() + "-12-31");
        unitPath(data, commune);
        return data.toString();
    }

    private static void unitPath(ObjectNode data, DrillCommune commune) {
        data.putObject("unitPath").put("province", "lai-chau").put("commune", commune.unitId).put("unit", commune.unitId);
    }
}
