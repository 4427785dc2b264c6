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
    static PlanContent rich(List<PlanTask> tasks, List<Responsibility> responsibilities, List<ReportingDuty> duties,
                            PartialDate issuedDate, LocalDate effectiveFrom, ParentPlanRef parent, List<LegalBasis> bases,
                            List<Milestone> milestones) {
        return new PlanContent(PK, null, " Kế hoạch thông tin, tuyên truyền CCHC năm 2026 ", 2026, "Phú Khương", null, parent,
                null, null, null, null, null, null, null, null, List.of(), List.of(), tasks, duties, null, issuedDate, effectiveFrom,
                bases, null, null, responsibilities, milestones);
    }

    static Responsibility vhxh(Duty... duties) {
        return new Responsibility(null, new UnitRef(PK + ".vhxh", " Phòng Văn hóa - Xã hội "), null, List.of(duties));
    }

    static final TimeFrame ONGOING = new TimeFrame(TimeFrameType.ONGOING, null, null, null, null, null);

    @Test
    void responsibilitiesDutiesAndMilestonesGetIdsUniqueInThePlanAndKeepThem() {
        Responsibility kept = new Responsibility("rs-x1", new UnitRef(null, "Các cơ quan, đơn vị có liên quan"), true,
                List.of(new Duty("du-x1", "a", "Phối hợp", null), new Duty(null, " b ", " Báo cáo ", "")));
        Milestone contest = new Milestone(null, "Cuộc thi phát thanh viên", MilestoneKind.CONTEST, new PartialDate(2026, 11, null, null),
                "01 cuộc", null, null);
        AtomicInteger n = new AtomicInteger();
        PlanContent complete = PlanEntries.complete(rich(List.of(task(PK + ".vhxh", ONGOING)), List.of(kept, vhxh(new Duty(null, "a", "Viết tin", null))),
                List.of(), null, null, null, List.of(), List.of(contest)), () -> "x" + n.incrementAndGet());

        assertThat(complete.tasks().get(0).id()).isEqualTo("tk-x1");
        assertThat(complete.responsibilities()).extracting(Responsibility::id).containsExactly("rs-x1", "rs-x3");
        assertThat(complete.responsibilities().get(0).duties()).extracting(Duty::id, Duty::label, Duty::text, Duty::taskId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("du-x1", "a", "Phối hợp", null),
                        org.assertj.core.groups.Tuple.tuple("du-x2", "b", "Báo cáo", null));
        assertThat(complete.responsibilities().get(1).duties().get(0).id()).isEqualTo("du-x4");
        assertThat(complete.responsibilities().get(1).unit().name()).isEqualTo("Phòng Văn hóa - Xã hội");
        assertThat(complete.milestones().get(0).id()).isEqualTo("ms-x5");
        assertThat(complete.title()).isEqualTo("Kế hoạch thông tin, tuyên truyền CCHC năm 2026");
        assertThat(PlanRules.check(complete, units)).isEmpty();

        PlanContent again = PlanEntries.complete(complete, () -> "y");
        assertThat(again.responsibilities()).isEqualTo(complete.responsibilities());
        assertThat(again.milestones()).isEqualTo(complete.milestones());
    }

    @Test
    void theLeadIsGivenBothWaysAndAGroupMayLead() {
        PlanTask byId = task(PK + ".vhxh", ONGOING);
        PlanTask byRef = new PlanTask(null, "2", "Phối hợp", null, List.of(), ONGOING, List.of(), new UnitRef(PK + ".vhxh", "Phòng VH-XH"),
                List.of(new UnitRef(null, "Các cơ quan, đơn vị"), new UnitRef(PK, null)), null, null);
        PlanTask group = new PlanTask(null, "3", "Triển khai kế hoạch", " ", List.of(PK + ".vhxh"), ONGOING, List.of(),
                new UnitRef(null, " Các cơ quan, đơn vị có liên quan "), null, null, null);
        PlanContent complete = PlanEntries.complete(rich(List.of(byId, byRef, group), List.of(), List.of(), null, null, null, List.of(), List.of()),
                () -> "z" + System.nanoTime());

        assertThat(complete.tasks().get(0).lead()).isEqualTo(new UnitRef(PK + ".vhxh", null));
        assertThat(complete.tasks().get(1).leadUnitId()).isEqualTo(PK + ".vhxh");
        assertThat(complete.tasks().get(1).coordinatingUnitIds()).containsExactly(PK);
        assertThat(complete.tasks().get(2).leadUnitId()).isNull();
        assertThat(complete.tasks().get(2).lead()).isEqualTo(new UnitRef(null, "Các cơ quan, đơn vị có liên quan"));
        assertThat(complete.tasks().get(2).coordinators()).containsExactly(new UnitRef(PK + ".vhxh", null));
        assertThat(PlanRules.check(complete, units)).isEmpty();

        PlanTask nobody = new PlanTask(null, "4", "Không ai", null, List.of(), ONGOING, List.of(), new UnitRef(null, " "), null, null, null);
        assertThat(check(rich(List.of(nobody), List.of(), List.of(), null, null, null, List.of(), List.of())))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tasks[0].lead", "required"));
    }

    @Test
    void legalBasesAndParentPlanAgree() {
        ParentPlanRef parent = new ParentPlanRef(null, " 125/KH-UBND ", LocalDate.of(2025, 12, 29), "UBND tỉnh Vĩnh Long");
        PlanContent fromParent = PlanEntries.complete(rich(List.of(), List.of(), List.of(), null, null, parent, List.of(), List.of()), () -> "a");
        assertThat(fromParent.legalBases()).containsExactly(new LegalBasis(LegalDocumentKind.PLAN, "125/KH-UBND",
                LocalDate.of(2025, 12, 29), "UBND tỉnh Vĩnh Long", null, null, null));
        assertThat(fromParent.parentPlan().number()).isEqualTo("125/KH-UBND");

        List<LegalBasis> bases = List.of(
                new LegalBasis(LegalDocumentKind.RESOLUTION, "76/NQ-CP", LocalDate.of(2021, 7, 15), "Chính phủ", null, null, null),
                new LegalBasis(LegalDocumentKind.PLAN, "125/KH-UBND", LocalDate.of(2025, 12, 29), " UBND tỉnh ", null, null, " "));
        PlanContent fromBases = PlanEntries.complete(rich(List.of(), List.of(), List.of(), null, null, null, bases, List.of()), () -> "a");
        assertThat(fromBases.parentPlan()).isEqualTo(new ParentPlanRef(null, "125/KH-UBND", LocalDate.of(2025, 12, 29), "UBND tỉnh"));
        assertThat(fromBases.legalBases()).hasSize(2);
        assertThat(fromBases.legalBases().get(1).text()).isNull();
    }

    @Test
    void refusesIncompleteTimeFramesUnknownTasksEmptyUnitsImpossibleDatesAndMutedReportingDuties() {
        PlanTask range = new PlanTask("tk-1", "1", "a", PK, List.of(), new TimeFrame(TimeFrameType.RANGE, null, null, null, null, null, 6, 3, null, null), List.of());
        PlanTask half = new PlanTask("tk-2", "2", "b", PK, List.of(), new TimeFrame(TimeFrameType.HALF_YEAR, null, null, null, null, null), List.of());
        PlanTask recurring = new PlanTask("tk-3", "3", "c", PK, List.of(), new TimeFrame(TimeFrameType.RECURRING, null, null, null, null, null), List.of());
        Responsibility r = new Responsibility("rs-1", new UnitRef(null, null), false, List.of(new Duty("du-1", "a", "x", "tk-9")));
        ReportingDuty muted = new ReportingDuty(null, null, null, false, false, false, null, null, null, "?");
        ReportingDuty fine = new ReportingDuty(null, null, null, true, false, false, null, new UnitRef(PK + ".cu", null), null, null);
        Milestone feb31 = new Milestone("ms-1", "Ngày?", MilestoneKind.OTHER, new PartialDate(2026, 2, 31, null), null, null, null);
        PlanContent plan = rich(List.of(range, half, recurring), List.of(r), List.of(muted, fine), new PartialDate(2026, 2, 30, null),
                LocalDate.of(2027, 1, 1), null, List.of(), List.of(feb31));

        assertThat(check(plan)).extracting(FieldError::field, FieldError::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("tasks[0].timeFrame.toMonth", "range"),
                org.assertj.core.groups.Tuple.tuple("tasks[1].timeFrame.half", "required"),
                org.assertj.core.groups.Tuple.tuple("tasks[2].timeFrame.recurrence", "required"),
                org.assertj.core.groups.Tuple.tuple("responsibilities[0].unit", "required"),
                org.assertj.core.groups.Tuple.tuple("responsibilities[0].duties[0].taskId", "unknown-task"),
                org.assertj.core.groups.Tuple.tuple("milestones[0].date", "date"),
                org.assertj.core.groups.Tuple.tuple("reportingDuties[0]", "required"),
                org.assertj.core.groups.Tuple.tuple("reportingDuties[1].reporter.unitId", "retired-unit"),
                org.assertj.core.groups.Tuple.tuple("issuedDate", "date"),
                org.assertj.core.groups.Tuple.tuple("effectiveFrom", "plan-year"));
    }

    @Test
    void targetResponsibleUnitsLieInTheIssuingUnitAndUnitRefsMustExist() {
        Target t = new Target(null, "12 tin", List.of(), List.of(Channel.WEBSITE), 12, TargetPeriod.YEAR, TargetScope.UNIT, PK,
                new UnitRef("hai-phong.tien-minh", null), "CCHC", null);
        Target radio = new Target(null, "2 tin", List.of(), List.of(Channel.RADIO), 2, TargetPeriod.MONTH, TargetScope.UNIT, PK,
                new UnitRef(null, "Đài Truyền thanh phường"), "CCHC", null);
        Responsibility ghost = new Responsibility(null, new UnitRef(PK + ".khong-co", null), false, List.of());
        assertThat(check(plan(List.of(t, radio), List.of(), List.of()).withTasks(List.of(), List.of(ghost))))
                .extracting(FieldError::field, FieldError::rule).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("targets[0].responsible.unitId", "outside-issuing-unit"),
                        org.assertj.core.groups.Tuple.tuple("responsibilities[0].unit.unitId", "unknown-unit"));
    }

    @Test
    void aPartlyWrittenIssueDateGivesTheEffectiveStart() {
        PlanContent march = rich(List.of(), List.of(), List.of(), new PartialDate(2026, 3, null, "ngày    tháng 3 năm 2026"), null, null, List.of(), List.of());
        assertThat(march.issuedOn()).isNull();
        assertThat(march.effectiveStart()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(rich(List.of(), List.of(), List.of(), new PartialDate(2026, null, null, null), null, null, List.of(), List.of()).effectiveStart())
                .isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(rich(List.of(), List.of(), List.of(), new PartialDate(2026, 2, 31, null), null, null, List.of(), List.of()).issuedOn()).isNull();
        assertThat(rich(List.of(), List.of(), List.of(), march.issuedDate(), LocalDate.of(2026, 4, 1), null, List.of(), List.of()).effectiveStart())
                .isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aDutyBecomesATaskLedByItsUnitWithATimeFrameItStates() {
        assertThat(DutyTasks.timeFrame("gửi về Phòng VH-XH trước ngày 20/01/2026 để tổng hợp", 2026))
                .extracting(TimeFrame::type, TimeFrame::date).containsExactly(TimeFrameType.DATE, LocalDate.of(2026, 1, 20));
        assertThat(DutyTasks.timeFrame("Tổ chức hội nghị trong tháng 4/2026", 2026)).extracting(TimeFrame::type, TimeFrame::month)
                .containsExactly(TimeFrameType.MONTH, 4);
        assertThat(DutyTasks.timeFrame("Kế hoạch ngày 29 tháng 12 năm 2025 của tỉnh", 2026).type()).isEqualTo(TimeFrameType.ONGOING);
        assertThat(DutyTasks.timeFrame("Hoàn thành trong Quý II", 2026)).extracting(TimeFrame::type, TimeFrame::quarter)
                .containsExactly(TimeFrameType.QUARTER, 2);
        assertThat(DutyTasks.timeFrame("phát sóng định kỳ hàng tháng", 2026)).extracting(TimeFrame::type, TimeFrame::recurrence)
                .containsExactly(TimeFrameType.RECURRING, Recurrence.MONTHLY);
        assertThat(DutyTasks.timeFrame("Sơ kết 6 tháng đầu năm", 2026)).extracting(TimeFrame::type, TimeFrame::half)
                .containsExactly(TimeFrameType.HALF_YEAR, 1);
        assertThat(DutyTasks.timeFrame("Phối hợp thông tin, tuyên truyền", 2026).type()).isEqualTo(TimeFrameType.ONGOING);
        assertThat(DutyTasks.nextNumber(List.of(task(PK, ONGOING), new PlanTask(null, "2.a", "x", PK, List.of(), ONGOING, List.of()))))
                .isEqualTo("3");
        assertThat(DutyTasks.title("x".repeat(3000))).hasSize(DutyTasks.TITLE_MAX).endsWith("…");
        assertThat(DutyTasks.lead(new UnitRef("hai-phong.tien-minh", null), PK, id -> Optional.of("Xã Tiên Minh")))
                .isEqualTo(new UnitRef(null, "Xã Tiên Minh"));

        AtomicInteger n = new AtomicInteger();
        PlanContent plan = PlanEntries.complete(rich(List.of(task(PK + ".vhxh", ONGOING)),
                List.of(vhxh(new Duty(null, "c", "Tăng cường viết tin, bài về CCHC và phát sóng định kỳ hàng tháng.", null))),
                List.of(), null, null, null, List.of(), List.of()), () -> "x" + n.incrementAndGet());
        Responsibility owner = plan.responsibilities().get(0);
        PlanContent tracked = PlanEntries.complete(DutyTasks.track(plan, owner, owner.duties().get(0), () -> "x" + n.incrementAndGet(),
                id -> Optional.empty()), () -> "x" + n.incrementAndGet());

        PlanTask added = tracked.tasks().get(1);
        assertThat(added.number()).isEqualTo("2");
        assertThat(added.leadUnitId()).isEqualTo(PK + ".vhxh");
        assertThat(added.lead().name()).isEqualTo("Phòng Văn hóa - Xã hội");
        assertThat(added.timeFrame().text()).isEqualTo("Hàng tháng");
        assertThat(added.details()).isEqualTo(added.title()).startsWith("Tăng cường");
        assertThat(tracked.responsibilities().get(0).duties().get(0).taskId()).isEqualTo(added.id());
        assertThat(PlanRules.check(tracked, units)).isEmpty();
        assertThat(DutyTasks.note(owner.duties().get(0))).isEqualTo("Theo dõi nhiệm vụ: c) Tăng cường viết tin, bài về CCHC và phát sóng định kỳ hàng tháng.");
    }
}
