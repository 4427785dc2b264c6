package vn.cchc.task.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.InvalidRequestException;

class TaskTest {
    static final Instant NOW = Instant.parse("2026-01-10T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    static TaskSpec radio(long planRevision, LocalDate date) {
        TimeFrame frame = new TimeFrame(TimeFrameType.DATE, date, null, null, date.getYear(), date.toString());
        return new TaskSpec("plan-1", planRevision, "radio-01", TaskSource.SCHEDULED_ITEM, "Đối thoại về cải cách hành chính",
                "lam-dong.bac-binh.dai-truyen-thanh", List.of(), "RADIO", "BROADCAST", List.of(), frame,
                Schedule.of(frame, LocalTime.of(20, 15), LocalTime.of(20, 45), 2026));
    }

    static TaskSpec onResults(long planRevision) {
        TimeFrame frame = new TimeFrame(TimeFrameType.ON_RESULTS, null, null, null, null, "Khi có kết quả công bố");
        return new TaskSpec("plan-1", planRevision, "nv-3", TaskSource.CATALOGUE, "Tuyên truyền kết quả PAR INDEX",
                "lam-dong.bac-binh.vhxh", List.of(), null, null, List.of("Tin, bài"), frame, Schedule.of(frame, null, null, 2026));
    }

    static List<String> types(Task task) {
        return task.pendingEvents().stream().map(PendingEvent::type).toList();
    }

    @Test
    void aNewTaskIsPlannedWithItsCreatedEventAndAStableId() {
        Task task = Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.PLANNED);
        assertThat(task.getRevision()).isEqualTo(1);
        assertThat(task.getId()).isEqualTo(Task.idFor("plan-1", "radio-01"));
        assertThat(types(task)).containsExactly(TaskEvents.CREATED);
        assertThat(task.pendingEvents().getFirst().data()).containsEntry("dueDate", "2026-01-23").containsEntry("previousStatus", null);
    }

    @Test
    void evidenceCompletesAndItsRetractionReopensToWhereItWas() {
        Task task = Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW);
        task.requestStatus(TaskStatus.IN_PROGRESS, NOW, TODAY);
        assertThat(task.linkEvidence("pub-1", NOW)).isTrue();
        assertThat(task.getStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(task.linkEvidence("pub-1", NOW)).isFalse();
        task.linkEvidence("pub-2", NOW);

        task.unlinkEvidence("pub-1", NOW, TODAY);
        assertThat(task.getStatus()).as("pub-2 still supports it").isEqualTo(TaskStatus.DONE);
        task.unlinkEvidence("pub-2", NOW, TODAY);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.getPreviousStatus()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void aRetractionAfterTheDueDateReopensAsOverdue() {
        Task task = Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW);
        task.linkEvidence("pub-1", NOW);
        task.unlinkEvidence("pub-1", NOW, LocalDate.of(2026, 1, 24));
        assertThat(task.getStatus()).isEqualTo(TaskStatus.OVERDUE);
    }

    @Test
    void aTaskDoneByHandStaysDoneWhenEvidenceGoes() {
        Task task = Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW);
        task.requestStatus(TaskStatus.DONE, NOW, TODAY);
        task.linkEvidence("pub-1", NOW);
        task.unlinkEvidence("pub-1", NOW, TODAY);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void overdueOnlyOnceTheDueDayHasPassedInVietnam() {
        Task task = Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW);
        assertThat(task.markOverdueIfPastDue(NOW, LocalDate.of(2026, 1, 23))).isFalse();
        assertThat(task.markOverdueIfPastDue(NOW, LocalDate.of(2026, 1, 24))).isTrue();
        assertThat(task.getStatus()).isEqualTo(TaskStatus.OVERDUE);
        assertThat(task.markOverdueIfPastDue(NOW, LocalDate.of(2026, 1, 25))).isFalse();
        assertThat(task.getRevision()).isEqualTo(2);
    }

    @Test
    void anAmendmentMovesTheDueDateButKeepsProgressAndIgnoresOldRevisions() {
        Task task = Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW);
        task.requestStatus(TaskStatus.IN_PROGRESS, NOW, TODAY);
        task.addNote("Nguyễn Văn An", "Đã liên hệ Đài tỉnh", NOW);
        long revision = task.getRevision();

        assertThat(task.applyPlan(radio(1, LocalDate.of(2026, 1, 30)), NOW, TODAY)).as("same plan revision").isFalse();
        assertThat(task.getRevision()).isEqualTo(revision);

        assertThat(task.applyPlan(radio(2, LocalDate.of(2026, 1, 30)), NOW, TODAY)).isTrue();
        assertThat(task.getDueDate()).isEqualTo("2026-01-30");
        assertThat(task.getWindow().start()).isEqualTo(Instant.parse("2026-01-30T13:15:00Z"));
        assertThat(task.getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.getNotes()).hasSize(1);
        assertThat(task.getRevision()).isEqualTo(revision + 1);

        long afterAmendment = task.getRevision();
        assertThat(task.applyPlan(radio(3, LocalDate.of(2026, 1, 30)), NOW, TODAY)).isTrue();
        assertThat(task.getRevision()).as("nothing the plan owns changed: no event").isEqualTo(afterAmendment);
    }

    @Test
    void aDroppedEntryIsCancelledAndComesBackWhenRestored() {
        Task task = Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW);
        assertThat(task.cancelByPlan(2, NOW)).isTrue();
        assertThat(task.getStatus()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(task.cancelByPlan(2, NOW)).isFalse();
        task.applyPlan(radio(3, LocalDate.of(2026, 1, 23)), NOW, TODAY);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.PLANNED);
    }

    @Test
    void peopleCannotSetOverdueNorFinishACancelledTask() {
        Task task = Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW);
        assertThatThrownBy(() -> task.requestStatus(TaskStatus.OVERDUE, NOW, TODAY)).isInstanceOf(InvalidRequestException.class);
        task.requestStatus(TaskStatus.CANCELLED, NOW, TODAY);
        assertThatThrownBy(() -> task.requestStatus(TaskStatus.DONE, NOW, TODAY)).isInstanceOf(ConflictException.class);
        task.requestStatus(TaskStatus.PLANNED, NOW, TODAY);
        assertThat(task.getStatus()).isEqualTo(TaskStatus.PLANNED);
    }

    @Test
    void aTaskDueWhenResultsArePublishedGetsItsDueDateOnlyWhenTriggered() {
        Task task = Task.create(onResults(1), NOW);
        assertThat(task.getDueDate()).isNull();
        assertThat(task.markOverdueIfPastDue(NOW, LocalDate.of(2030, 1, 1))).isFalse();

        task.trigger(LocalDate.of(2026, 5, 15), NOW, TODAY);
        assertThat(task.getDueDate()).isEqualTo("2026-05-15");
        assertThat(types(task)).containsExactly(TaskEvents.CREATED, TaskEvents.STATUS_CHANGED);
        // an amendment that keeps the entry keeps the triggered due date
        task.applyPlan(onResults(2), NOW, TODAY);
        assertThat(task.getDueDate()).isEqualTo("2026-05-15");
        assertThatThrownBy(() -> Task.create(radio(1, LocalDate.of(2026, 1, 23)), NOW).trigger(LocalDate.of(2026, 5, 15), NOW, TODAY))
                .isInstanceOf(ConflictException.class);
    }
}
