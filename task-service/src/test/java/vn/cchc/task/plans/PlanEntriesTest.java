package vn.cchc.task.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.task.tasks.TaskSource;
import vn.cchc.task.tasks.TaskSpec;

/** The sample plans (shared/samples/plans, as plan events in test resources) yield their tasks with the right due dates. */
class PlanEntriesTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<TaskSpec> read(String file) throws IOException {
        try (InputStream in = PlanEntriesTest.class.getResourceAsStream("/plans/" + file)) {
            return PlanEntries.read(JSON.readTree(in));
        }
    }

    static Map<String, LocalDate> dueDates(List<TaskSpec> specs) {
        return specs.stream().collect(Collectors.toMap(TaskSpec::entryId, s -> s.schedule().dueDate() == null
                ? LocalDate.MIN : s.schedule().dueDate()));
    }

    @Test
    void bacBinhHasElevenRadioDialoguesAt2015VietnamTimeAndItsCatalogue() throws IOException {
        List<TaskSpec> specs = read("bac-binh-2026.issued.json");
        List<TaskSpec> radio = specs.stream().filter(s -> s.source() == TaskSource.SCHEDULED_ITEM).toList();
        assertThat(radio).hasSize(11);
        assertThat(radio).allSatisfy(s -> {
            assertThat(s.channel()).isEqualTo("RADIO");
            assertThat(s.unitId()).isEqualTo("lam-dong.bac-binh.dai-truyen-thanh");
            assertThat(s.title()).contains("Đối thoại về cải cách hành chính");
        });
        assertThat(radio.stream().map(s -> s.schedule().dueDate().toString()).toList()).containsExactly(
                "2026-01-23", "2026-03-13", "2026-04-10", "2026-05-08", "2026-06-12", "2026-07-10",
                "2026-08-14", "2026-09-11", "2026-10-09", "2026-11-13", "2026-12-11");
        assertThat(radio.get(9).schedule().window().start()).isEqualTo(Instant.parse("2026-11-13T13:15:00Z"));
        assertThat(radio.get(9).schedule().window().end()).isEqualTo(Instant.parse("2026-11-13T13:45:00Z"));
        assertThat(radio.get(9).timeFrame().text()).isEqualTo("13/11/2026, 20:15–20:45");

        Map<String, LocalDate> due = dueDates(specs);
        assertThat(due.get("nv-1")).isEqualTo("2026-03-31");
        assertThat(due.get("nv-2")).isEqualTo("2026-11-30");
        assertThat(due.get("nv-3")).isEqualTo(LocalDate.MIN);
        assertThat(due.get("nv-4")).isEqualTo(LocalDate.MIN);
    }

    @Test
    void laiChauOfficeCatalogue() throws IOException {
        Map<String, LocalDate> due = dueDates(read("lai-chau-vp-2026.issued.json"));
        assertThat(due).hasSize(7);
        assertThat(due.get("nv-1")).as("Tháng 4/2026").isEqualTo("2026-04-30");
        assertThat(due.get("nv-3")).as("Khi có kết quả công bố").isEqualTo(LocalDate.MIN);
        assertThat(List.of("nv-2", "nv-4", "nv-5", "nv-6", "nv-7")).allSatisfy(id ->
                assertThat(due.get(id)).as("Thường xuyên").isEqualTo(LocalDate.MIN));
    }

    @Test
    void tienMinhCatalogue() throws IOException {
        Map<String, LocalDate> due = dueDates(read("tien-minh-2026.issued.json"));
        assertThat(due).hasSize(5);
        assertThat(List.of("nv-1", "nv-2", "nv-3", "nv-4")).allSatisfy(id ->
                assertThat(due.get(id)).as("Năm 2026").isEqualTo("2026-12-31"));
        assertThat(due.get("nv-5")).as("the contest in Tháng 11/2026").isEqualTo("2026-11-30");
    }

    @Test
    void phuKhuongSubPlanDeadlineAndOngoingWork() throws IOException {
        List<TaskSpec> specs = read("phu-khuong-2026.issued.json");
        Map<String, LocalDate> due = dueDates(specs);
        assertThat(due.get("nv-1")).as("trước ngày 20/01/2026").isEqualTo("2026-01-20");
        assertThat(due.get("nv-2")).isEqualTo(LocalDate.MIN);
        assertThat(due.get("nv-3")).isEqualTo("2026-12-31");
        assertThat(specs.getFirst().unitId()).isEqualTo("vinh-long.phu-khuong.vhxh");
    }

    @Test
    void thePlanEventsNewShapeIsReadGroupLedTasksGoToTheIssuingUnit() throws IOException {
        tools.jackson.databind.JsonNode plan;
        try (InputStream in = PlanEntriesTest.class.getResourceAsStream("/plans/tan-hanh-2026.v2-shape.issued.json")) {
            plan = JSON.readTree(in);
        }
        // a time frame type this reader does not know (the bus refuses it against the v1 contract; the reader tolerates it)
        ((tools.jackson.databind.node.ObjectNode) plan.get("tasks").get(6).get("timeFrame")).put("type", "FORTNIGHTLY_SOMEDAY");
        List<TaskSpec> specs = PlanEntries.read(plan);
        assertThat(specs).hasSize(8);
        Map<String, TaskSpec> byId = specs.stream().collect(Collectors.toMap(TaskSpec::entryId, s -> s));
        Map<String, LocalDate> due = dueDates(specs);
        assertThat(due.get("nv-1")).as("RANGE 3..6").isEqualTo("2026-06-30");
        assertThat(due.get("nv-2")).as("HALF_YEAR 1").isEqualTo("2026-06-30");
        assertThat(due.get("nv-3")).as("HALF_YEAR 2").isEqualTo("2026-12-31");
        assertThat(List.of("nv-4", "nv-5", "nv-6", "nv-7")).allSatisfy(id ->
                assertThat(due.get(id)).as("no single due date").isEqualTo(LocalDate.MIN));
        TaskSpec group = byId.get("nv-4");
        assertThat(group.unitId()).isEqualTo("vinh-long.tan-hanh");
        assertThat(group.leadName()).isEqualTo("Các cơ quan, đơn vị có liên quan");
        assertThat(group.coordinatorNames()).containsExactly("Ủy ban Mặt trận Tổ quốc Việt Nam phường");
        assertThat(byId.get("nv-1").unitId()).isEqualTo("vinh-long.tan-hanh.vhxh");
        assertThat(byId.get("nv-1").timeFrame().fromMonth()).isEqualTo(3);
        assertThat(byId.get("nv-5").timeFrame().recurrence()).isEqualTo("MONTHLY");
        assertThat(byId.get("nv-7").timeFrame().type()).as("unknown type").isEqualTo(vn.cchc.task.tasks.TimeFrameType.ONGOING);
        assertThat(byId.get("th-dialogue-1").channel()).isEqualTo("LOUDSPEAKER");
    }
}
