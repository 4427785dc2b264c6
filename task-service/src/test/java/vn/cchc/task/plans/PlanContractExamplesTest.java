package vn.cchc.task.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.task.tasks.TaskSource;
import vn.cchc.task.tasks.TaskSpec;

/**
 * The plan-service's published examples (contracts/examples/vn.cchc.plan.*.v1.json, copied from branch plan
 * into test resources until they reach main) are read as task-service expects.
 */
class PlanContractExamplesTest {
    static List<TaskSpec> read(String type) throws IOException {
        try (InputStream in = PlanContractExamplesTest.class.getResourceAsStream("/contracts/" + type + ".json")) {
            return PlanEntries.read(JsonMapper.builder().build().readTree(in));
        }
    }

    @Test
    void theIssuedExampleGivesTwoCatalogueTasksAndElevenRadioProgrammes() throws IOException {
        List<TaskSpec> specs = read("vn.cchc.plan.issued.v1");
        assertThat(specs).hasSize(13);
        assertThat(specs).filteredOn(s -> s.source() == TaskSource.SCHEDULED_ITEM).hasSize(11)
                .allSatisfy(s -> assertThat(s.schedule().window()).isNotNull());
        TaskSpec first = specs.stream().filter(s -> s.entryId().equals("bb-radio-01")).findFirst().orElseThrow();
        assertThat(first.schedule().window().start()).isEqualTo(Instant.parse("2026-01-23T13:15:00Z"));
        assertThat(first.unitId()).isEqualTo("lam-dong.bac-binh.ttdvth");
        assertThat(specs.stream().filter(s -> s.entryId().equals("bb-1")).findFirst().orElseThrow().schedule().dueDate())
                .isEqualTo("2026-12-31");
    }

    @Test
    void theClosedExampleKeepsItsCatalogueDueDates() throws IOException {
        List<TaskSpec> specs = read("vn.cchc.plan.closed.v1");
        assertThat(specs).hasSize(5);
        assertThat(specs.get(4).schedule().dueDate()).isEqualTo("2026-11-30");
        assertThat(specs.getFirst().planRevision()).isEqualTo(4);
    }

    @Test
    void theAmendedExampleWithoutEntriesGivesNoTasks() throws IOException {
        assertThat(read("vn.cchc.plan.amended.v1")).isEmpty();
    }
}
