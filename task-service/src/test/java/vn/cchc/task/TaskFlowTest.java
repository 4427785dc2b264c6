package vn.cchc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.test.TopicReader;
import vn.cchc.task.tasks.OverdueCheck;
import vn.cchc.task.tasks.Task;
import vn.cchc.task.tasks.TaskEvents;
import vn.cchc.task.tasks.TaskStatus;

/** Plan events in, task events out, publications as evidence: through the real broker and the wire server. */
class TaskFlowTest extends ServiceTestBase {
    static final String BAC_BINH = "bac-binh-2026.issued.json";
    static final String RADIO_UNIT = "lam-dong.bac-binh.dai-truyen-thanh";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    OverdueCheck overdueCheck;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    List<Task> tasksOf(String planId) {
        return tasks.findByPlanId(planId);
    }

    void issue(String planId) {
        sendPlan("vn.cchc.plan.issued.v1", plan(BAC_BINH, planId, 1));
        await().atMost(WAIT).until(() -> tasksOf(planId).size() == 15);
    }

    List<ConsumerRecord<String, byte[]>> eventsOf(String taskId) {
        return taskEvents.poll().stream().filter(r -> taskId.equals(r.key())).toList();
    }

    @Test
    void issuingTheBacBinhPlanCreatesElevenDatedRadioTasksAndValidCreatedEvents() {
        String planId = unique("bac-binh");
        issue(planId);

        List<Task> radio = tasksOf(planId).stream().filter(t -> t.getEntryId().startsWith("radio-")).toList();
        assertThat(radio).hasSize(11).allSatisfy(t -> {
            assertThat(t.getStatus()).isEqualTo(TaskStatus.PLANNED);
            assertThat(t.getChannel()).isEqualTo("RADIO");
            assertThat(t.getWindow()).isNotNull();
        });
        assertThat(task(planId, "radio-02").getWindow().start()).isEqualTo(Instant.parse("2026-03-13T13:15:00Z"));
        assertThat(task(planId, "nv-2").getDueDate()).isEqualTo("2026-11-30");
        assertThat(task(planId, "nv-4").getDueDate()).isNull();

        String id = task(planId, "radio-01").getId();
        ConsumerRecord<String, byte[]> created = await().atMost(WAIT).until(() -> eventsOf(id), l -> !l.isEmpty()).getFirst();
        assertThat(TopicReader.header(created, "ce_type")).isEqualTo(TaskEvents.CREATED);
        assertThat(TopicReader.header(created, "ce_source")).isEqualTo("/cchc/task-service");
        String data = TopicReader.value(created);
        assertThat(ContractSchemas.validate(TaskEvents.CREATED, data)).isEmpty();
        JsonNode event = json.readTree(data);
        assertThat(event.get("revision").asLong()).isEqualTo(1);
        assertThat(event.get("window").get("start").asString()).isEqualTo("2026-01-23T13:15:00Z");
        assertThat(event.get("unitPath").get("commune").asString()).isEqualTo("lam-dong.bac-binh");
        await().atMost(WAIT).until(() -> tasks.findById(id).orElseThrow().pendingEvents().isEmpty());
    }

    @Test
    void thePlanServicesPublishedExampleBecomesTasks() throws Exception {
        String example;
        try (var in = getClass().getResourceAsStream("/contracts/vn.cchc.plan.issued.v1.json")) {
            example = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String planId = json.readTree(example).get("planId").asString();
        sender.send(PLANS, "vn.cchc.plan.issued.v1", planId, example);
        await().atMost(WAIT).until(() -> tasksOf(planId).size() == 13);
        assertThat(task(planId, "bb-radio-11").getDueDate()).isEqualTo("2026-12-11");
        sendPublication(RECORDED, publication(unique("pub"), 1, "lam-dong.bac-binh.ttdvth", "RADIO", "BROADCAST",
                Instant.parse("2026-12-11T13:44:00Z"), null));
        await().atMost(WAIT).until(() -> task(planId, "bb-radio-11").getStatus() == TaskStatus.DONE);
    }

    @Test
    void replayingThePlanTopicChangesNothing() {
        String planId = unique("bac-binh");
        issue(planId);
        String radio = task(planId, "radio-01").getId();
        sendPublication(RECORDED, publication(unique("pub"), 1, RADIO_UNIT, "RADIO", "BROADCAST",
                Instant.parse("2026-01-23T13:16:00Z"), null));
        await().atMost(WAIT).until(() -> tasks.findById(radio).orElseThrow().getStatus() == TaskStatus.DONE);
        await().atMost(WAIT).until(() -> tasksOf(planId).stream().allMatch(t -> t.pendingEvents().isEmpty()));
        List<Task> before = tasksOf(planId);

        // the same event again, as a replay from the start of the topic would deliver it; then a marker plan
        sendPlan("vn.cchc.plan.issued.v1", plan(BAC_BINH, planId, 1));
        String marker = unique("marker");
        issue(marker);

        List<Task> after = tasksOf(planId);
        assertThat(after).hasSize(15);
        for (Task t : after) {
            Task old = before.stream().filter(b -> b.getId().equals(t.getId())).findFirst().orElseThrow();
            assertThat(t.getRevision()).isEqualTo(old.getRevision());
            assertThat(t.getStatus()).isEqualTo(old.getStatus());
            assertThat(t.getEvidence()).isEqualTo(old.getEvidence());
        }
        assertThat(tasks.findById(radio).orElseThrow().getStatus()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void anAmendmentCancelsDroppedEntriesMovesDatesAndKeepsProgress() {
        String planId = unique("bac-binh");
        issue(planId);
        String kept = task(planId, "radio-01").getId();
        org.springframework.data.mongodb.core.query.Query q = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(kept));
        // progress reported through the API on an entry the amendment keeps unchanged
        vn.cchc.platform.test.Http.putJson(api() + "/" + kept + "/status",
                "{\"status\":\"IN_PROGRESS\",\"author\":\"Trần Thị Bình\",\"note\":\"Đã nhận băng chương trình từ Đài tỉnh\"}", as(ADMIN));
        assertThat(mongo.findOne(q, Task.class).getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);

        ObjectNode amended = plan(BAC_BINH, planId, 2);
        amended.put("status", "AMENDED");
        ArrayNode items = (ArrayNode) amended.get("scheduledItems");
        items.remove(10); // the December programme is dropped
        ((ObjectNode) items.get(1)).put("date", "2026-03-20"); // the March programme moves a week
        sendPlan("vn.cchc.plan.amended.v1", amended);

        // the amendment is applied entry by entry: wait until all of it has been, not only the entry that shows first
        awaitConsumersCaughtUp();
        assertThat(task(planId, "radio-11").getStatus()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(task(planId, "radio-02").getDueDate()).isEqualTo("2026-03-20");
        Task progressed = task(planId, "radio-01");
        assertThat(progressed.getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(progressed.getNotes()).extracting(n -> n.author()).containsExactly("Trần Thị Bình");
        assertThat(tasksOf(planId)).hasSize(15);

        String cancelled = task(planId, "radio-11").getId();
        ConsumerRecord<String, byte[]> event = await().atMost(WAIT).until(() -> eventsOf(cancelled).stream()
                .filter(r -> TaskEvents.STATUS_CHANGED.equals(TopicReader.header(r, "ce_type"))).toList(), l -> !l.isEmpty()).getFirst();
        assertThat(ContractSchemas.validate(TaskEvents.STATUS_CHANGED, TopicReader.value(event))).isEmpty();
        JsonNode data = json.readTree(TopicReader.value(event));
        assertThat(data.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(data.get("previousStatus").asString()).isEqualTo("PLANNED");
        assertThat(data.get("revision").asLong()).isEqualTo(2);
    }

    @Test
    void matchingBroadcastsCompleteAllElevenProgrammesAndOthersDoNot() {
        String planId = unique("bac-binh");
        issue(planId);
        List<Task> radio = tasksOf(planId).stream().filter(t -> t.getEntryId().startsWith("radio-")).toList();
        // not evidence: wrong channel, outside the window, another commune's radio
        Instant first = task(planId, "radio-01").getWindow().start();
        sendPublication(RECORDED, publication(unique("web"), 1, RADIO_UNIT, "WEBSITE", "ARTICLE", first.plusSeconds(60), null));
        sendPublication(RECORDED, publication(unique("late"), 1, RADIO_UNIT, "RADIO", "BROADCAST", first.plusSeconds(3600), null));
        sendPublication(RECORDED, publication(unique("other"), 1, "lam-dong.bac-binh-2.dai-truyen-thanh", "RADIO", "BROADCAST", first, null));
        for (Task t : radio) {
            sendPublication(RECORDED, publication(unique("broadcast"), 1, RADIO_UNIT, "RADIO", "BROADCAST", t.getWindow().start(), null));
        }
        await().atMost(WAIT).until(() -> tasksOf(planId).stream().filter(t -> t.getEntryId().startsWith("radio-"))
                .allMatch(t -> t.getStatus() == TaskStatus.DONE));
        assertThat(tasksOf(planId)).filteredOn(t -> t.getEntryId().startsWith("radio-"))
                .allSatisfy(t -> assertThat(t.getEvidence()).hasSize(1));
        assertThat(tasksOf(planId)).filteredOn(t -> t.getEntryId().startsWith("nv-"))
                .allSatisfy(t -> assertThat(t.getStatus()).isEqualTo(TaskStatus.PLANNED));
    }

    @Test
    void aBroadcastRecordedBeforeThePlanIsIssuedIsLinkedWhenTheTaskAppears() {
        String planId = unique("bac-binh");
        String pub = unique("early");
        sendPublication(RECORDED, publication(pub, 1, RADIO_UNIT, "RADIO", "BROADCAST", Instant.parse("2026-01-23T13:15:00Z"), null));
        await().atMost(WAIT).until(() -> mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(pub)), "publication_facts"));
        issue(planId);
        await().atMost(WAIT).until(() -> task(planId, "radio-01").getStatus() == TaskStatus.DONE);
        assertThat(task(planId, "radio-01").getEvidence()).containsExactly(pub);
    }

    @Test
    void aPublicationNamingTheTaskCompletesItAndItsRetractionReopensIt() {
        String planId = unique("bac-binh");
        issue(planId);
        String contest = task(planId, "nv-2").getId();
        String pub = unique("pub");
        sendPublication(RECORDED, publication(pub, 1, "lam-dong.bac-binh.vhxh", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest));
        await().atMost(WAIT).until(() -> tasks.findById(contest).orElseThrow().getStatus() == TaskStatus.DONE);

        ObjectNode retracted = publication(pub, 2, "lam-dong.bac-binh.vhxh", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest);
        retracted.put("retracted", true);
        retracted.put("retractionReason", "Đăng nhầm bài");
        retracted.put("retractedAt", "2026-01-13T03:00:00Z");
        sendPublication("vn.cchc.publication.retracted.v1", retracted);
        await().atMost(WAIT).until(() -> tasks.findById(contest).orElseThrow().getStatus() == TaskStatus.PLANNED);
        assertThat(tasks.findById(contest).orElseThrow().getEvidence()).isEmpty();

        // a late duplicate of the original "recorded" cannot bring the evidence back
        sendPublication(RECORDED, publication(pub, 1, "lam-dong.bac-binh.vhxh", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest));
        String marker = unique("marker");
        sendPublication(RECORDED, publication(marker, 1, "lam-dong.bac-binh.vhxh", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), null));
        await().atMost(WAIT).until(() -> mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(marker)), "publication_facts"));
        assertThat(tasks.findById(contest).orElseThrow().getStatus()).isEqualTo(TaskStatus.PLANNED);
    }

    @Test
    void aPublicationOfAnotherCommuneNamingATaskIsNotLinkedAndTheRefusalIsCounted() {
        String planId = unique("bac-binh");
        issue(planId);
        String contest = task(planId, "nv-2").getId();
        double refusedBefore = refusedCount();
        // an editor of Tiên Minh names Bắc Bình's task (its id is computable from plan and entry ids)
        String foreign = unique("foreign");
        sendPublication(RECORDED, publication(foreign, 1, "hai-phong.tien-minh", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest));
        // a look-alike unit and a sibling office that is neither lead nor coordinator are refused too
        sendPublication(RECORDED, publication(unique("lookalike"), 1, "lam-dong.bac-binh-2.vhxh", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest));
        sendPublication(RECORDED, publication(unique("sibling"), 1, "lam-dong.bac-binh.van-phong", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest));
        await().atMost(WAIT).until(() -> refusedCount() >= refusedBefore + 3);
        awaitConsumersCaughtUp();
        Task untouched = tasks.findById(contest).orElseThrow();
        assertThat(untouched.getStatus()).isEqualTo(TaskStatus.PLANNED);
        assertThat(untouched.getEvidence()).isEmpty();
        assertThat(untouched.getRevision()).as("no event, no change").isEqualTo(1);

        // the commune itself and a coordinating unit (phối hợp) work on the task: their items prove it
        String byCommune = unique("commune");
        sendPublication(RECORDED, publication(byCommune, 1, "lam-dong.bac-binh", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest));
        String byCoordinator = unique("coordinator");
        sendPublication(RECORDED, publication(byCoordinator, 1, "lam-dong.bac-binh.phuc-vu-hcc", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest));
        await().atMost(WAIT).until(() -> tasks.findById(contest).orElseThrow().getEvidence().size() == 2);
        assertThat(tasks.findById(contest).orElseThrow().getEvidence()).containsExactlyInAnyOrder(byCommune, byCoordinator)
                .doesNotContain(foreign);
        assertThat(tasks.findById(contest).orElseThrow().getStatus()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void aForeignPublicationRecordedBeforeThePlanIsNotLinkedWhenTheTaskAppears() {
        String planId = unique("bac-binh");
        String contest = Task.idFor(planId, "nv-2");
        String foreign = unique("foreign");
        double refusedBefore = refusedCount();
        sendPublication(RECORDED, publication(foreign, 1, "vinh-long.phu-khuong", "WEBSITE", "ARTICLE",
                Instant.parse("2026-01-12T03:00:00Z"), contest));
        await().atMost(WAIT).until(() -> mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(foreign)), "publication_facts"));
        issue(planId);
        await().atMost(WAIT).until(() -> refusedCount() > refusedBefore);
        assertThat(tasks.findById(contest).orElseThrow().getEvidence()).isEmpty();
        assertThat(tasks.findById(contest).orElseThrow().getStatus()).isEqualTo(TaskStatus.PLANNED);
    }

    double refusedCount() {
        io.micrometer.core.instrument.Counter counter = meters.find("cchc.evidence.refused").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aRetractedBroadcastAfterTheAirDateLeavesTheProgrammeOverdue() {
        String planId = unique("bac-binh");
        issue(planId);
        String programme = task(planId, "radio-01").getId();
        String pub = unique("pub");
        ObjectNode broadcast = publication(pub, 1, RADIO_UNIT, "RADIO", "BROADCAST", Instant.parse("2026-01-23T13:20:00Z"), null);
        sendPublication(RECORDED, broadcast);
        await().atMost(WAIT).until(() -> tasks.findById(programme).orElseThrow().getStatus() == TaskStatus.DONE);

        clock.set(Instant.parse("2026-01-25T02:00:00Z"));
        broadcast.put("revision", 2);
        broadcast.put("retracted", true);
        broadcast.put("retractionReason", "Chương trình phát nhầm ngày");
        broadcast.put("retractedAt", "2026-01-25T02:00:00Z");
        sendPublication("vn.cchc.publication.retracted.v1", broadcast);
        await().atMost(WAIT).until(() -> tasks.findById(programme).orElseThrow().getStatus() == TaskStatus.OVERDUE);
    }

    @Test
    void aCorrectionThatMovesTheAirTimeOutOfTheWindowMovesTheEvidence() {
        String planId = unique("bac-binh");
        issue(planId);
        String january = task(planId, "radio-01").getId();
        String march = task(planId, "radio-02").getId();
        String pub = unique("pub");
        sendPublication(RECORDED, publication(pub, 1, RADIO_UNIT, "RADIO", "BROADCAST", Instant.parse("2026-01-23T13:20:00Z"), null));
        await().atMost(WAIT).until(() -> tasks.findById(january).orElseThrow().getStatus() == TaskStatus.DONE);

        sendPublication("vn.cchc.publication.corrected.v1",
                publication(pub, 2, RADIO_UNIT, "RADIO", "BROADCAST", Instant.parse("2026-03-13T13:20:00Z"), null));
        await().atMost(WAIT).until(() -> tasks.findById(march).orElseThrow().getStatus() == TaskStatus.DONE);
        assertThat(tasks.findById(january).orElseThrow().getStatus()).isEqualTo(TaskStatus.PLANNED);
        assertThat(tasks.findById(march).orElseThrow().getEvidence()).containsExactly(pub);
    }

    @Test
    void theOverdueCheckUsesTheClockInVietnamTimeAndEmitsStatusChanged() {
        String planId = unique("bac-binh");
        issue(planId);
        String january = task(planId, "radio-01").getId();

        // 23:30 on 23 January in Vietnam is 16:30 UTC: the due day has not passed yet
        clock.set(Instant.parse("2026-01-23T16:30:00Z"));
        assertThat(overdueCheck.run()).isZero();
        // 00:30 on 24 January in Vietnam, still the 23rd in UTC
        clock.set(Instant.parse("2026-01-23T17:30:00Z"));
        assertThat(overdueCheck.run()).isEqualTo(1);
        assertThat(overdueCheck.run()).as("twice changes nothing more").isZero();
        assertThat(tasks.findById(january).orElseThrow().getStatus()).isEqualTo(TaskStatus.OVERDUE);
        assertThat(task(planId, "radio-02").getStatus()).isEqualTo(TaskStatus.PLANNED);
        assertThat(task(planId, "nv-4").getStatus()).as("ongoing: never overdue").isEqualTo(TaskStatus.PLANNED);

        ConsumerRecord<String, byte[]> overdue = await().atMost(WAIT).until(() -> eventsOf(january).stream()
                .filter(r -> TaskEvents.STATUS_CHANGED.equals(TopicReader.header(r, "ce_type"))).toList(), l -> !l.isEmpty()).getFirst();
        assertThat(ContractSchemas.validate(TaskEvents.STATUS_CHANGED, TopicReader.value(overdue))).isEmpty();
        assertThat(json.readTree(TopicReader.value(overdue)).get("status").asString()).isEqualTo("OVERDUE");

        // a late broadcast still proves it
        sendPublication(RECORDED, publication(unique("pub"), 1, RADIO_UNIT, "RADIO", "BROADCAST", Instant.parse("2026-01-23T13:15:00Z"), null));
        await().atMost(WAIT).until(() -> tasks.findById(january).orElseThrow().getStatus() == TaskStatus.DONE);
    }

    @Test
    void aGroupLedTaskIsTrackedByTheIssuingUnitAndAnAmendmentAddingAnEntryCreatesItsTask() {
        String planId = unique("tan-hanh");
        sendPlan("vn.cchc.plan.issued.v1", plan("tan-hanh-2026.v2-shape.issued.json", planId, 1));
        await().atMost(WAIT).until(() -> tasksOf(planId).size() == 8);

        Task group = task(planId, "nv-4");
        assertThat(group.getUnitId()).as("led by a group: the issuing unit tracks it").isEqualTo("vinh-long.tan-hanh");
        assertThat(group.getLeadName()).isEqualTo("Các cơ quan, đơn vị có liên quan");
        assertThat(group.getCoordinatorNames()).containsExactly("Ủy ban Mặt trận Tổ quốc Việt Nam phường");
        assertThat(group.getDueDate()).isNull();
        assertThat(task(planId, "nv-1").getDueDate()).as("RANGE 3..6").isEqualTo("2026-06-30");
        assertThat(task(planId, "nv-2").getDueDate()).as("HALF_YEAR 1").isEqualTo("2026-06-30");
        assertThat(task(planId, "nv-3").getDueDate()).as("HALF_YEAR 2").isEqualTo("2026-12-31");
        assertThat(task(planId, "nv-5").getDueDate()).as("RECURRING").isNull();
        assertThat(task(planId, "nv-6").getDueDate()).as("PER_HIGHER_PLAN").isNull();
        String groupId = group.getId();
        ConsumerRecord<String, byte[]> created = await().atMost(WAIT).until(() -> eventsOf(groupId), l -> !l.isEmpty()).getFirst();
        assertThat(ContractSchemas.validate(TaskEvents.CREATED, TopicReader.value(created))).isEmpty();
        assertThat(json.readTree(TopicReader.value(created)).get("unitId").asString()).isEqualTo("vinh-long.tan-hanh");

        // the amendment turns a responsibility duty into a catalogue entry: it becomes a tracked task
        ObjectNode amended = plan("tan-hanh-2026.v2-shape.issued.json", planId, 2);
        amended.put("status", "AMENDED");
        ObjectNode duty = json.createObjectNode();
        duty.put("id", "nv-8");
        duty.put("number", "8");
        duty.put("title", "Báo cáo kết quả tuyên truyền CCHC 6 tháng cuối năm");
        duty.putNull("leadUnitId");
        duty.set("coordinatingUnitIds", json.createArrayNode());
        ObjectNode frame = duty.putObject("timeFrame");
        frame.put("type", "HALF_YEAR");
        frame.putNull("date");
        frame.putNull("month");
        frame.putNull("quarter");
        frame.put("half", 2);
        frame.put("year", 2026);
        frame.put("text", "6 tháng cuối năm 2026");
        duty.set("products", json.createArrayNode().add("Báo cáo"));
        duty.putObject("lead").putNull("unitId").put("name", "Đài Truyền thanh phường");
        ((ArrayNode) amended.get("tasks")).add(duty);
        ((ObjectNode) amended.get("responsibilities").get(0).get("duties").get(0)).put("taskId", "nv-8");
        sendPlan("vn.cchc.plan.amended.v1", amended);

        await().atMost(WAIT).until(() -> tasksOf(planId).size() == 9);
        Task added = task(planId, "nv-8");
        assertThat(added.getUnitId()).isEqualTo("vinh-long.tan-hanh");
        assertThat(added.getLeadName()).isEqualTo("Đài Truyền thanh phường");
        assertThat(added.getDueDate()).isEqualTo("2026-12-31");
        assertThat(added.getStatus()).isEqualTo(TaskStatus.PLANNED);
        assertThat(added.getPlanRevision()).isEqualTo(2);
        ConsumerRecord<String, byte[]> addedEvent = await().atMost(WAIT).until(() -> eventsOf(added.getId()), l -> !l.isEmpty()).getFirst();
        assertThat(TopicReader.header(addedEvent, "ce_type")).isEqualTo(TaskEvents.CREATED);
        assertThat(ContractSchemas.validate(TaskEvents.CREATED, TopicReader.value(addedEvent))).isEmpty();
        assertThat(tasksOf(planId)).filteredOn(t -> !t.getEntryId().equals("nv-8"))
                .allSatisfy(t -> assertThat(t.getStatus()).isEqualTo(TaskStatus.PLANNED));
    }
}
