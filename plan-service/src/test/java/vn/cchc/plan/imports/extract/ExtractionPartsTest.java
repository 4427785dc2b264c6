package vn.cchc.plan.imports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cchc.plan.plans.PublicationKind;
import vn.cchc.plan.plans.Recurrence;
import vn.cchc.plan.plans.Target;
import vn.cchc.plan.plans.TargetPeriod;
import vn.cchc.plan.plans.TimeFrame;
import vn.cchc.plan.plans.TimeFrameType;
import vn.cchc.plan.plans.UnitRef;
import vn.cchc.plan.units.Channel;

/** The parts on their own: unit matcher, dates, time frames, target sentences, numbering, legal bases. */
class ExtractionPartsTest {
    private static final List<KnownUnit> DIRECTORY = ExtractionScoring.directory();

    private static UnitMatcher matcher(String context) {
        UnitMatcher m = new UnitMatcher(DIRECTORY);
        m.context(context);
        return m;
    }

    private static String id(UnitMatcher m, String name) {
        UnitMatcher.Match match = m.match(name);
        return match == null ? null : match.unit().unitId();
    }

    @Test
    void matchesUnitsThroughAccentsAbbreviationsAndTheCommuneSuffix() {
        UnitMatcher m = matcher("vinh-long.phu-khuong");
        assertThat(id(m, "Phòng Văn hóa - Xã hội phường")).isEqualTo("vinh-long.phu-khuong.vhxh");
        assertThat(id(m, "Phòng VH-XH phường Phú Khương")).isEqualTo("vinh-long.phu-khuong.vhxh");
        assertThat(id(m, "PHONG VAN HOA - XA HOI")).isEqualTo("vinh-long.phu-khuong.vhxh");
        assertThat(id(m, "TTPVHCC phường")).isEqualTo("vinh-long.phu-khuong.ttphvhc");
        assertThat(id(m, "VP HĐND và UBND phường")).isEqualTo("vinh-long.phu-khuong.vp-hdnd-ubnd");
        assertThat(id(m, "Phòng Văn hóa - Xã hôi phuờng")).as("OCR-damaged").isEqualTo("vinh-long.phu-khuong.vhxh");
        assertThat(id(m, "Ủy ban nhân dân phường Phú Khương")).isEqualTo("vinh-long.phu-khuong");
        assertThat(id(m, "UBND phường")).as("the issuing ward by its level").isEqualTo("vinh-long.phu-khuong");
        assertThat(id(m, "UBND tỉnh")).isEqualTo("vinh-long");
        assertThat(id(m, "Hội Liên hiệp Phụ nữ phường")).isNull();
        // the same office name in another commune: the issuing unit's subtree wins
        assertThat(id(matcher("hai-phong.tien-minh"), "Phòng Văn hóa - Xã hội")).isEqualTo("hai-phong.tien-minh.vhxh");
        assertThat(id(matcher("lam-dong.bac-binh"), "Phòng Văn hóa - Xã hội")).isEqualTo("lam-dong.bac-binh.vhxh");
    }

    @Test
    void groupsAreNamesOnlyAndSpecificUnknownsAreProposed() {
        Findings f = new Findings(matcher("vinh-long.phu-khuong"));
        f.issuingUnitId = "vinh-long.phu-khuong";
        UnitRef group = f.unit("Các cơ quan, đơn vị có liên quan", "tasks[0].coordinators[0]", null);
        assertThat(group).isEqualTo(new UnitRef(null, "Các cơ quan, đơn vị có liên quan"));
        UnitRef unknown = f.unit("Hội Cựu chiến binh phường", "responsibilities[3].unit", null);
        assertThat(unknown.unitId()).isNull();
        assertThat(f.proposals()).singleElement().satisfies(p -> {
            assertThat(p.suggestedParentId()).isEqualTo("vinh-long.phu-khuong");
            assertThat(p.suggestedUnitId()).isEqualTo("vinh-long.phu-khuong.hoi-cuu-chien-binh");
            assertThat(p.usedAt()).containsExactly("responsibilities[3].unit");
        });
        UnitRef higher = f.unit("Sở Nội vụ tỉnh", "reportingDuties[0].chain[0]", null);
        assertThat(higher.unitId()).isNull();
        assertThat(f.proposals()).hasSize(1);
    }

    @Test
    void splitsUnitListsWithoutBreakingNamesThatHoldCommas() {
        UnitMatcher m = matcher("vinh-long.phu-khuong");
        assertThat(UnitLists.split("Phòng Kinh tế, Hạ tầng và Đô thị; Phòng Văn hóa - Xã hội", m))
                .containsExactly("Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội");
        assertThat(UnitLists.split("Các phòng, ban, trung tâm", m)).containsExactly("Các phòng, ban, trung tâm");
    }

    @Test
    void readsDatesInBothFormsAndOcrDigits() {
        assertThat(VnDates.first("ngày 29 tháng 12 năm 2025 của").date()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(VnDates.first("ngay 29/l2/2025").date()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(VnDates.first("ngày 15/7/2021").date()).isEqualTo(LocalDate.of(2021, 7, 15));
        assertThat(VnDates.firstDayMonth("ngày 15 tháng 2", 2026).date()).isEqualTo(LocalDate.of(2026, 2, 15));
        VnDates.DateLine partial = VnDates.dateLine("Tiên Minh, ngày    tháng 3 nim 2026");
        assertThat(partial.place()).isEqualTo("Tiên Minh");
        assertThat(partial.date().year()).isEqualTo(2026);
        assertThat(partial.date().month()).isEqualTo(3);
        assertThat(partial.date().day()).isNull();
        assertThat(VnDates.times("Từ 19 giờ 00’ - 19 giờ 30’ ngày 15 tháng 2")).containsExactly("19:00", "19:30");
        assertThat(VnDates.times("20h15 - 20h45")).containsExactly("20:15", "20:45");
    }

    @Test
    void readsTimeFramesKeepingTheWording() {
        assertThat(tf("Năm 2026").type()).isEqualTo(TimeFrameType.YEAR);
        TimeFrame month = tf("Tháng 4/2026");
        assertThat(month.type()).isEqualTo(TimeFrameType.MONTH);
        assertThat(month.month()).isEqualTo(4);
        assertThat(month.text()).isEqualTo("Tháng 4/2026");
        assertThat(tf("Quý II").quarter()).isEqualTo(2);
        assertThat(tf("6 tháng đầu năm").half()).isEqualTo(1);
        TimeFrame range = tf("từ tháng 3 đến tháng 6");
        assertThat(range.type()).isEqualTo(TimeFrameType.RANGE);
        assertThat(range.fromMonth()).isEqualTo(3);
        assertThat(range.toMonth()).isEqualTo(6);
        assertThat(tf("hàng tháng").recurrence()).isEqualTo(Recurrence.MONTHLY);
        assertThat(tf("Thường xuyên").type()).isEqualTo(TimeFrameType.ONGOING);
        assertThat(tf("Khi có kết quả công bố").type()).isEqualTo(TimeFrameType.ON_RESULTS);
        assertThat(tf("theo kế hoạch của tỉnh").type()).isEqualTo(TimeFrameType.PER_HIGHER_PLAN);
        TimeFrame date = tf("trước ngày 20/01/2026");
        assertThat(date.type()).isEqualTo(TimeFrameType.DATE);
        assertThat(date.date()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(tf("Thang 11/2026").month()).as("without accents").isEqualTo(11);
        assertThat(tf("không rõ")).isNull();
    }

    private static TimeFrame tf(String s) {
        return TimeFrames.parse(s, 2026);
    }

    @Test
    void readsTargetSentences() {
        Target web = TargetReader.clause("đảm bảo đăng tải tối thiểu 12 tin/bài trong năm trên Trang Thông tin Điện tử của phường", "", null, "u");
        assertThat(web.minimum()).isEqualTo(12);
        assertThat(web.period()).isEqualTo(TargetPeriod.YEAR);
        assertThat(web.channels()).containsExactly(Channel.WEBSITE);
        assertThat(web.kinds()).containsExactly(PublicationKind.ARTICLE);
        Target radio = TargetReader.clause("Đài Truyền thanh phường định kỳ hàng tháng có ít nhất 02 tin/bài về CCHC để phát trên hệ thống truyền thanh", "", null, "u");
        assertThat(radio.minimum()).isEqualTo(2);
        assertThat(radio.period()).isEqualTo(TargetPeriod.MONTH);
        assertThat(radio.channels()).containsExactly(Channel.RADIO);
        assertThat(radio.subject()).isEqualTo("CCHC");
        Target ocr = TargetReader.clause("dam bao dang tai toi thieu l2 tin/bai trong nam tren Trang thong tin dien tu", "", null, "u");
        assertThat(ocr.minimum()).isEqualTo(12);
        assertThat(TargetReader.clause("Kế hoạch được triển khai tại 100% các cơ quan, đơn vị", "", null, "u")).isNull();
        assertThat(TargetReader.clause("Chương trình tổng thể giai đoạn 2021 - 2030", "", null, "u")).isNull();
    }

    @Test
    void readsNumberingWithOcrDamage() {
        assertThat(Labels.of("|. MUC DICH, YEU CAU").type()).isEqualTo(Labels.Type.ROMAN);
        assertThat(Labels.of("lI. NỘI DUNG").number()).isEqualTo(2);
        assertThat(Labels.of("1. Mục đích").type()).isEqualTo(Labels.Type.ARABIC);
        assertThat(Labels.of("l) Tuyên truyền về việc").type()).isEqualTo(Labels.Type.LETTER);
        assertThat(Labels.of("đ) Phối hợp").label()).isEqualTo("đ");
    }

    @Test
    void readsSeveralLegalBasesFromOneParagraph() {
        Findings f = new Findings(matcher(null));
        Line l = new Line(1, 1, "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ; Kế hoạch số l25/KH-UBND ngày 29 tháng 12 năm 2025 của UBND tỉnh về tuyên truyền CCHC;", false, List.of());
        var bases = LegalBasisReader.read(l, f, 0);
        assertThat(bases).hasSize(2);
        assertThat(bases.get(0).number()).isEqualTo("42/2022/NĐ-CP");
        assertThat(bases.get(1).number()).as("OCR l → 1").isEqualTo("125/KH-UBND");
        assertThat(bases.get(1).date()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(bases.get(1).issuer()).isEqualTo("UBND tỉnh");
    }

    @Test
    void usesTheHintLeavesAMissingTitleEmptyAndSaysWhereValuesCameFrom() {
        String text = "Số: 12/KH-UBND\nPhú Khương, ngày 15 tháng 01 năm 2026\n\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\n\n"
                + "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội phường\nĐảm bảo đăng tải tối thiểu 10 tin/bài trong năm trên Trang thông tin điện tử phường.\n";
        Extraction e = new RulePlanExtractor().extract(DocumentText.of(text), DIRECTORY, new ExtractionHints("vinh-long.phu-khuong"));
        assertThat(e.draft().issuingUnitId()).isEqualTo("vinh-long.phu-khuong");
        assertThat(e.draft().number()).isEqualTo("12/KH-UBND");
        assertThat(e.draft().title()).isNull();
        assertThat(e.warnings()).anyMatch(w -> "title".equals(w.field()));
        assertThat(e.draft().targets()).singleElement().satisfies(t -> {
            assertThat(t.minimum()).isEqualTo(10);
            assertThat(t.responsible().unitId()).isEqualTo("vinh-long.phu-khuong.vhxh");
        });
        assertThat(e.fields()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("number");
            assertThat(f.fromLine()).isEqualTo(1);
        });
        assertThat(e.fields()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("targets[0].minimum");
            assertThat(f.fromLine()).isEqualTo(9);
        });
    }

    @Test
    void doesNotTakeAnotherCommunesUnitUnlessTheNameSaysSo() {
        UnitMatcher m = matcher("quang-ngai.tu-nghia.vhtt");
        assertThat(id(m, "Văn phòng HĐND và UBND huyện")).isEqualTo("quang-ngai.tu-nghia.vp-hdnd-ubnd");
        assertThat(id(m, "Phòng Nội vụ")).as("a sibling of the issuing office").isEqualTo("quang-ngai.tu-nghia.noi-vu");
        assertThat(id(m, "Phòng Văn hóa - Xã hội")).as("only wards have one; never another area's").isNull();
        assertThat(id(m, "Phòng Văn hóa - Xã hội phường Cẩm Thành")).isEqualTo("quang-ngai.cam-thanh.vhxh");
        assertThat(id(m, "UBND huyện")).isEqualTo("quang-ngai.tu-nghia");
    }

    @Test
    void readsTablesAndHeadersLaidOutWithSpacesAndRejoinsHardWrappedLines() {
        String text = String.join("\n",
                "    UBND HUYEN TU NGHIA                 CONG HOA XA HOI CHU NGHIA VIET NAM",
                "PHONG VAN HOA VA THONG TIN                  Doc lap - Tu do - Hanh phuc",
                "   So: 15/KH-VHTT                     Tu Nghia, ngay 24 thang 02 nam 2025",
                "KE HOACH",
                "Thong tin, tuyen truyen cai cach hanh chinh nam 2025",
                "I. NHIEM VU",
                "  STT  Noi dung nhiem vu              Co quan chu tri      Thoi gian",
                "  1    Cap nhat tin, bai ve cai cach  Phong Noi vu         Hang thang",
                "       hanh chinh tren Trang TTDT",
                "  2    Tong hop, bao cao ket qua      Phong Noi vu         Truoc ngay",
                "                                                           10/12/2025",
                "",
                "Scanned with CamScanner");
        List<Line> lines = TextCleaner.clean(DocumentText.of(text));
        assertThat(lines.get(0).cells()).containsExactly("UBND HUYEN TU NGHIA", "CONG HOA XA HOI CHU NGHIA VIET NAM");
        assertThat(lines).filteredOn(Line::isRow).extracting(l -> l.cells().get(1))
                .contains("Cap nhat tin, bai ve cai cach hanh chinh tren Trang TTDT", "Tong hop, bao cao ket qua");
        assertThat(lines).filteredOn(Line::isRow).extracting(l -> l.cells().getLast()).contains("Truoc ngay 10/12/2025");
        assertThat(lines).noneMatch(l -> l.text().contains("CamScanner"));

        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            wrapped.append("Tuyen truyen cai cach hanh chinh tren dia ban huyen, thuc hien nhiem vu so " + (10 + i) + " cua\n")
                    .append("Phong Van hoa va Thong tin huyen theo ke hoach.\n");
        }
        List<Line> prose = TextCleaner.clean(DocumentText.of(wrapped.toString()));
        assertThat(prose).hasSize(12).allMatch(l -> l.text().contains("cua Phong Van hoa"));
    }

    @Test
    void readsDatedEventsWrittenInProse() {
        String text = "KẾ HOẠCH\nTuyên truyền CCHC năm 2026\nI. HÌNH THỨC\n"
                + "1. Tổ chức các hoạt động hưởng ứng Ngày Pháp luật Việt Nam 09/11 gắn với tuyên truyền CCHC;\n"
                + "2. Tổ chức Cuộc thi tìm hiểu về CCHC trong Quý III năm 2026.\n"
                + "3. Tổ chức hội nghị đối thoại với doanh nghiệp.\n";
        Extraction e = new RulePlanExtractor().extract(DocumentText.of(text), DIRECTORY, new ExtractionHints("vinh-long.phu-khuong"));
        assertThat(e.draft().milestones()).hasSize(2);
        assertThat(e.draft().milestones().get(0).kind()).isEqualTo(vn.cchc.plan.plans.MilestoneKind.NATIONAL_DAY);
        assertThat(e.draft().milestones().get(0).date().month()).isEqualTo(11);
        assertThat(e.draft().milestones().get(0).date().day()).isEqualTo(9);
        assertThat(e.draft().milestones().get(1).date().month()).as("a quarter is not a month: left blank").isNull();
    }
    @Test
    void readsProseTaskListsWithLeadCoordinatorsAndTime() {
        String text = "Số: 12/KH-UBND\nPhú Khương, ngày 15/1/2026\n\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026\n\n"
                + "I. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Đăng tin, bài về cải cách hành chính.\n"
                + "- Chủ trì: Phòng Văn hóa - Xã hội phường; Phối hợp: Các cơ quan, đơn vị; Thời gian hoàn thành: tháng 5/2026.\n"
                + "2. Nâng cao chất lượng phục vụ người dân.\n";
        Extraction e = new RulePlanExtractor().extract(DocumentText.of(text), DIRECTORY, new ExtractionHints("vinh-long.phu-khuong"));
        assertThat(e.draft().issuedDate().day()).isEqualTo(15);
        assertThat(e.draft().place()).isEqualTo("Phú Khương");
        assertThat(e.draft().tasks()).as("an item without a unit or time field stays prose").singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Đăng tin, bài về cải cách hành chính");
            assertThat(t.leadUnitId()).isEqualTo("vinh-long.phu-khuong.vhxh");
            assertThat(t.coordinators()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("Các cơ quan, đơn vị"));
            assertThat(t.timeFrame().type()).isEqualTo(TimeFrameType.MONTH);
            assertThat(t.timeFrame().month()).isEqualTo(5);
        });
    }
}
