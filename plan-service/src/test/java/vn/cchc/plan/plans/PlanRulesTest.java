package vn.cchc.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.cchc.plan.common.AuditEntry;
import vn.cchc.plan.units.Channel;
import vn.cchc.plan.units.Unit;
import vn.cchc.plan.units.UnitTestData;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.FieldError;

class PlanRulesTest {
    static final String PK = "vinh-long.phu-khuong";
    final Map<String, Unit> directory = Map.of(
            PK, UnitTestData.active(PK),
            PK + ".vhxh", UnitTestData.active(PK + ".vhxh"),
            PK + ".cu", UnitTestData.retired(PK + ".cu"),
            "hai-phong.tien-minh", UnitTestData.active("hai-phong.tien-minh"));
    final Function<String, Optional<Unit>> units = id -> Optional.ofNullable(directory.get(id));

    static PlanContent plan(List<Target> targets, List<ScheduledItem> items, List<PlanTask> tasks) {
        return new PlanContent(PK, null, "Kế hoạch thông tin, tuyên truyền CCHC năm 2026", 2026, "Phú Khương", null, null,
                null, null, null, null, null, null, null, null, targets, items, tasks, null);
    }

    static Target websiteArticles(String unitId) {
        return new Target(null, "12 tin/bài trong năm", List.of(PublicationKind.ARTICLE), List.of(Channel.WEBSITE), 12,
                TargetPeriod.YEAR, TargetScope.SUBTREE, unitId);
    }

    static PlanTask task(String lead, TimeFrame timeFrame) {
        return new PlanTask(null, "1", "Viết tin, bài", lead, List.of(), timeFrame, List.of("Tin, bài"));
    }

    List<FieldError> check(PlanContent plan) {
        AtomicInteger n = new AtomicInteger();
        return PlanRules.check(PlanEntries.complete(plan, () -> "x" + n.incrementAndGet()), units);
    }

    @Test
    void aCompletePlanPassesAndEntriesGetIdsAndDefaults() {
        PlanContent plan = plan(List.of(websiteArticles(null)), List.of(),
                List.of(task(PK + ".vhxh", new TimeFrame(TimeFrameType.MONTH, null, 4, null, null, null))));
        AtomicInteger n = new AtomicInteger();
        PlanContent complete = PlanEntries.complete(plan, () -> "x" + n.incrementAndGet());

        assertThat(PlanRules.check(complete, units)).isEmpty();
        assertThat(complete.targets().get(0).id()).isEqualTo("tg-x1");
        assertThat(complete.targets().get(0).unitId()).isEqualTo(PK);
        assertThat(complete.tasks().get(0).id()).isEqualTo("tk-x2");
        assertThat(complete.tasks().get(0).timeFrame().text()).isEqualTo("Tháng 4/2026");
        assertThat(complete.tasks().get(0).timeFrame().year()).isEqualTo(2026);
    }

    @Test
    void keepsTheIdsAnEntryAlreadyHasAndNeverReusesThem() {
        Target kept = new Target("x1", "giữ nguyên", List.of(), List.of(Channel.RADIO), 2, TargetPeriod.MONTH, TargetScope.UNIT, PK);
        AtomicInteger n = new AtomicInteger();
        PlanContent complete = PlanEntries.complete(plan(List.of(kept, websiteArticles(null)), List.of(), List.of()),
                () -> "x" + n.incrementAndGet());

        assertThat(complete.targets()).extracting(Target::id).containsExactly("x1", "tg-x2");
    }

    @Test
    void writesTheVietnameseWordingOfEachTimeFrame() {
        assertThat(PlanEntries.complete(new TimeFrame(TimeFrameType.ONGOING, null, null, null, null, null), 2026).text()).isEqualTo("Thường xuyên");
        assertThat(PlanEntries.complete(new TimeFrame(TimeFrameType.ON_RESULTS, null, null, null, null, null), 2026).text()).isEqualTo("Khi có kết quả công bố");
        assertThat(PlanEntries.complete(new TimeFrame(TimeFrameType.QUARTER, null, null, 2, null, null), 2026).text()).isEqualTo("Quý 2/2026");
        assertThat(PlanEntries.complete(new TimeFrame(TimeFrameType.DATE, LocalDate.of(2026, 1, 20), null, null, null, null), 2026).text()).isEqualTo("Ngày 20/01/2026");
        assertThat(PlanEntries.complete(new TimeFrame(TimeFrameType.YEAR, null, null, null, null, "Năm 2026"), 2026).text()).isEqualTo("Năm 2026");
    }

    @Test
    void refusesUnknownRetiredAndOutsideUnits() {
        List<FieldError> errors = check(plan(List.of(websiteArticles("hai-phong.tien-minh")), List.of(),
                List.of(task(PK + ".khong-co", new TimeFrame(TimeFrameType.YEAR, null, null, null, null, null)),
                        task(PK + ".cu", new TimeFrame(TimeFrameType.YEAR, null, null, null, null, null)))));

        assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("targets[0].unitId", "outside-issuing-unit"),
                org.assertj.core.groups.Tuple.tuple("tasks[0].leadUnitId", "unknown-unit"),
                org.assertj.core.groups.Tuple.tuple("tasks[1].leadUnitId", "retired-unit"));
    }

    @Test
    void theAuditNamesThePartsOfThePlanThatChanged() {
        PlanContent before = PlanEntries.complete(plan(List.of(websiteArticles(PK)), List.of(), List.of()), () -> "a");
        PlanContent after = new PlanContent(PK, "12/KH-UBND", before.title(), 2026, before.place(), null, null,
                null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), null);

        assertThat(Plan.changedParts(before, after)).containsExactly("number", "targets");
        assertThat(Plan.changedParts(before, before)).isEmpty();
        assertThat(Plan.changedParts(null, before)).containsExactly("issuingUnitId", "title", "year", "place", "targets");
    }

    @Test
    void refusesScheduledItemsOutsideThePlanYearOrEndingBeforeTheyStart() {
        ScheduledItem lastYear = new ScheduledItem(null, "Đối thoại", LocalDate.of(2025, 12, 11), "20:15", "20:45", PK, Channel.RADIO, PublicationKind.BROADCAST);
        ScheduledItem backwards = new ScheduledItem(null, "Đối thoại", LocalDate.of(2026, 12, 11), "20:45", "20:15", PK, Channel.RADIO, PublicationKind.BROADCAST);

        assertThat(check(plan(List.of(), List.of(lastYear, backwards), List.of())))
                .extracting(FieldError::field, FieldError::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("scheduledItems[0].date", "plan-year"),
                        org.assertj.core.groups.Tuple.tuple("scheduledItems[1].endTime", "after-start"));
    }

    @Test
    void refusesIncompleteTimeFramesAndDuplicateEntryIds() {
        Target a = new Target("same", "a", List.of(), List.of(), 1, TargetPeriod.YEAR, TargetScope.UNIT, PK);
        PlanTask b = new PlanTask("same", "1", "b", PK, List.of(), new TimeFrame(TimeFrameType.MONTH, null, null, null, null, "Tháng ?"), List.of());

        assertThat(check(plan(List.of(a), List.of(), List.of(b))))
                .extracting(FieldError::field, FieldError::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tasks[0].id", "unique"),
                        org.assertj.core.groups.Tuple.tuple("tasks[0].timeFrame.month", "required"));
    }

    @Test
    void lifecycleRulesOfTheAggregate() {
        Instant now = Instant.parse("2026-01-15T02:00:00Z");
        Plan plan = new Plan("p1", PlanEntries.complete(plan(List.of(websiteArticles(PK)), List.of(), List.of()), () -> "a"), now, "dp");
        assertThat(plan.getRevision()).isZero();
        assertThat(plan.pendingEvents()).isEmpty(); // drafts are private

        assertThatThrownBy(() -> plan.close(now, "dp")).isInstanceOf(ConflictException.class);
        plan.issue(now, "dp");
        assertThatThrownBy(() -> plan.issue(now, "dp")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> plan.updateDraft(plan.getContent(), now, "dp")).isInstanceOf(ConflictException.class);
        plan.amend(plan.getContent(), "Bổ sung số hiệu", now, "qt");
        plan.close(now, "qt");
        assertThatThrownBy(() -> plan.amend(plan.getContent(), null, now, "qt")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("closed");

        assertThat(plan.getRevision()).isEqualTo(3);
        assertThat(plan.getRevisions()).extracting(PlanSnapshot::revision, PlanSnapshot::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, PlanStatus.ISSUED),
                org.assertj.core.groups.Tuple.tuple(2L, PlanStatus.AMENDED),
                org.assertj.core.groups.Tuple.tuple(3L, PlanStatus.CLOSED));
        assertThat(plan.pendingEvents()).extracting(e -> e.type()).containsExactly(PlanEvents.ISSUED, PlanEvents.AMENDED, PlanEvents.CLOSED);
        // refused changes leave no audit entry
        assertThat(plan.getAudit()).extracting(AuditEntry::action, AuditEntry::by, AuditEntry::revision, AuditEntry::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CREATED", "dp", 0L, null),
                org.assertj.core.groups.Tuple.tuple("ISSUED", "dp", 1L, null),
                org.assertj.core.groups.Tuple.tuple("AMENDED", "qt", 2L, "Bổ sung số hiệu"),
                org.assertj.core.groups.Tuple.tuple("CLOSED", "qt", 3L, null));
        assertThat(plan.getAudit()).allSatisfy(entry -> assertThat(entry.at()).isEqualTo(now));
    }
}
