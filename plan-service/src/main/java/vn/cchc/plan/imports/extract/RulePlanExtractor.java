package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cchc.plan.imports.extract.DocumentLayout.Part;
import vn.cchc.plan.plans.LegalBasis;
import vn.cchc.plan.plans.LegalDocumentKind;
import vn.cchc.plan.plans.Milestone;
import vn.cchc.plan.plans.ParentPlanRef;
import vn.cchc.plan.plans.PlanContent;
import vn.cchc.plan.plans.PlanTask;
import vn.cchc.plan.plans.ReportingDuty;
import vn.cchc.plan.plans.Responsibility;
import vn.cchc.plan.plans.ScheduledItem;
import vn.cchc.plan.plans.Signatory;
import vn.cchc.plan.plans.Target;
import vn.cchc.plan.plans.UnitRef;
import vn.cchc.plan.units.Channel;

/**
 * The rule-based extractor: cleans the text ({@link TextCleaner}), splits it into the parts of a plan
 * ({@link DocumentLayout}) and lets one reader per part fill the draft. See the package documentation.
 */
public class RulePlanExtractor implements PlanExtractor {

    public RulePlanExtractor() {
    }

    @Override
    public Extraction extract(DocumentText text, List<KnownUnit> directory, ExtractionHints hints) {
        List<Line> lines = TextCleaner.clean(text);
        DocumentLayout layout = DocumentLayout.of(lines);
        UnitMatcher matcher = new UnitMatcher(directory);
        Findings out = new Findings(matcher);
        Set<Integer> placed = new HashSet<>();

        // header
        HeaderReader.Header h = HeaderReader.read(layout, out);
        markAll(layout, placed, Part.HEADER, Part.TITLE, Part.HEADING, Part.CLOSING, Part.SIGNATURE, Part.RECIPIENTS);
        out.field("issuingBody", h.issuingBody, h.issuingBodyLine, 0.8);
        out.field("number", h.number, h.numberLine, 0.9);
        if (h.numberBlank) {
            out.warn("number", h.numberLine, "Số văn bản để trống: kế hoạch chưa được ký ban hành (số để null).");
        } else if (h.number == null) {
            out.warn("number", null, "Không tìm thấy số văn bản (Số: …/KH-…).");
        }
        out.field("place", h.place, h.dateLine, 0.8);
        if (h.issuedDate != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("year", h.issuedDate.year());
            d.put("month", h.issuedDate.month());
            d.put("day", h.issuedDate.day());
            d.put("text", h.issuedDate.text());
            out.field("issuedDate", d, h.dateLine, 0.85);
            if (h.issuedDate.day() == null || h.issuedDate.month() == null) {
                out.warn("issuedOn", h.dateLine, "Ngày ban hành còn để trống một phần; chỉ lưu phần đã ghi.");
            }
        } else {
            out.warn("issuedDate", null, "Không tìm thấy dòng địa danh, ngày tháng ban hành.");
        }
        out.field("title", h.title, h.titleLine, 0.85);
        if (h.title == null) {
            out.warn("title", null, "Không tìm thấy tên kế hoạch; cần nhập tay.");
        }
        Integer year = h.year;
        out.field("year", year, h.titleLine != null ? h.titleLine : h.dateLine, 0.8);
        if (year == null) {
            out.warn("year", null, "Không xác định được năm của kế hoạch; cần nhập tay.");
        }

        // legal bases and the issuing unit
        List<LegalBasis> bases = new ArrayList<>();
        List<Line> intro = new ArrayList<>();
        for (int i : layout.indexes(Part.INTRO)) {
            Line l = lines.get(i);
            intro.add(l);
            if (LegalBasisReader.isBasisParagraph(l.text())) {
                bases.addAll(LegalBasisReader.read(l, out, bases.size()));
                placed.add(i);
            }
        }
        String issuing = issuingUnit(hints, h, intro, matcher, out);
        out.issuingUnitId = issuing;
        matcher.context(issuing);
        if (issuing == null) {
            out.warn("issuingUnitId", h.issuingBodyLine, "Không xác định được đơn vị ban hành trong danh mục đơn vị; cần chọn tay.");
        } else {
            out.field("issuingUnitId", issuing, h.issuingBodyLine, hints != null && hints.unitId() != null ? 1.0 : 0.7);
        }
        for (int i : layout.indexes(Part.INTRO)) {
            if (!placed.contains(i) && Fold.key(lines.get(i).text()).matches(".*(xay dung|ban hanh) ke hoach.*")) {
                placed.add(i); // "Ủy ban nhân dân phường … xây dựng kế hoạch … như sau:"
            }
        }
        ParentPlanRef parent = bases.stream().filter(b -> b.kind() == LegalDocumentKind.PLAN).findFirst()
                .map(b -> new ParentPlanRef(null, b.number(), b.date(), b.issuer())).orElse(null);

        // free-text lists
        List<String> purposes = list(layout, Part.PURPOSES, "purposes", out, placed);
        List<String> requirements = list(layout, Part.REQUIREMENTS, "requirements", out, placed);
        List<String> audiences = list(layout, Part.AUDIENCES, "audiences", out, placed);
        List<String> contents = list(layout, Part.CONTENTS, "contents", out, placed);
        List<String> forms = list(layout, Part.FORMS, "forms", out, placed);
        Set<Channel> channels = new LinkedHashSet<>();
        forms.forEach(f -> channels.addAll(Channels.in(f)));
        String budget = null;
        List<String> budgetParts = new ArrayList<>();
        for (int i : layout.indexes(Part.BUDGET)) {
            budgetParts.add(lines.get(i).text());
            placed.add(i);
            out.field("budgetNote", lines.get(i).text(), lines.get(i), 0.8);
        }
        if (!budgetParts.isEmpty()) {
            budget = String.join("\n", budgetParts);
            if (budget.length() > 2000) {
                budget = budget.substring(0, 2000);
            }
        }
        List<String> themes = Themes.in(lines);

        // organisation: responsibilities, targets and reporting duties within them
        List<Target> targets = new ArrayList<>();
        List<ReportingDuty> reporting = new ArrayList<>();
        List<Responsibility> responsibilities = new ArrayList<>();
        Map<Integer, UnitRef> sectionUnit = new LinkedHashMap<>();
        for (ResponsibilityReader.Section s : ResponsibilityReader.read(layout, out)) {
            responsibilities.add(s.responsibility());
            for (Line l : s.lines()) {
                sectionUnit.put(l.from(), s.responsibility().unit());
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Part p = layout.parts[i];
            if (l.isRow() || p == Part.HEADER || p == Part.TITLE || p == Part.RECIPIENTS || p == Part.SIGNATURE || p == Part.CLOSING
                    || p == Part.APPENDIX || (p == Part.INTRO && LegalBasisReader.isBasisParagraph(l.text()))) {
                continue;
            }
            UnitRef unit = sectionUnit.get(l.from());
            if (p == Part.ORGANISATION) {
                placed.add(i);
            }
            List<Target> found = TargetReader.read(l, unit, issuing, out, targets.size());
            if (!found.isEmpty()) {
                targets.addAll(found);
                placed.add(i);
            }
            List<ReportingDuty> rd = ReportingDutyReader.read(l, unit, out, reporting.size());
            if (!rd.isEmpty()) {
                reporting.addAll(rd);
                placed.add(i);
            }
        }

        // tables
        TaskRows.Result taskResult = new TaskRows.Result();
        List<ScheduledItem> items = new ArrayList<>();
        for (TableReader.Table t : TableReader.read(layout, out)) {
            for (int c = t.headerIndex - 1; c >= 0 && c >= t.headerIndex - 3 && !lines.get(c).isRow()
                    && (layout.parts[c] != Part.ORGANISATION); c--) {
                if (!t.caption.isEmpty() && Fold.key(t.caption).contains(Fold.key(lines.get(c).text()))) {
                    placed.add(c); // the table's caption
                }
            }
            switch (t.kind) {
                case TASKS -> TaskRows.read(t, year, out, taskResult, targets.size() + taskResult.targets.size());
                case SCHEDULE -> {
                    if (ScheduleRows.monthsOnly(t, year)) {
                        TaskRows.read(t, year, out, taskResult, targets.size() + taskResult.targets.size());
                    } else {
                        ScheduleRows.read(t, year, out, items);
                    }
                }
                default -> out.warn(null, null, "Bảng ở dòng " + t.headerLine + " không nhận ra là bảng nhiệm vụ hay lịch; chưa đưa vào bản nháp.");
            }
        }
        ProseTasks.read(layout, year, out, taskResult, targets.size() + taskResult.targets.size(), placed);
        targets.addAll(taskResult.targets);
        List<PlanTask> tasks = taskResult.tasks;
        List<Milestone> milestones = new ArrayList<>(taskResult.milestones);
        milestones.addAll(ProseEvents.read(layout, year, taskResult.milestones, out));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isRow()) {
                placed.add(i);
            }
            if (layout.parts[i] == Part.APPENDIX) {
                placed.add(i); // captions
            }
        }

        // closing
        List<String> recipients = ClosingReader.recipients(layout, out);
        Signatory signatory = ClosingReader.signatory(layout, out);

        // what was not placed
        for (int i = 0; i < lines.size(); i++) {
            if (!placed.contains(i)) {
                Line l = lines.get(i);
                out.warn(null, l, "Chưa xác định được đoạn này thuộc phần nào của kế hoạch; chưa đưa vào bản nháp.");
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            if (targets.get(t).period() == vn.cchc.plan.plans.TargetPeriod.PLAN) {
                out.warn("targets[" + t + "].period", null, "Chỉ tiêu không ghi kỳ (năm, quý, tháng): tạm tính cho cả kế hoạch.");
            }
        }

        PlanContent draft = new PlanContent(issuing, h.number, h.title, year, h.place, null, parent, purposes, requirements, audiences,
                themes, forms, budget, recipients, signatory, targets, items, tasks, reporting, h.issuingBody, h.issuedDate, null,
                bases, contents, new ArrayList<>(channels), responsibilities, milestones);
        return new Extraction(draft, List.copyOf(out.fields), List.copyOf(out.warnings), out.proposals());
    }

    private static void markAll(DocumentLayout layout, Set<Integer> placed, Part... parts) {
        for (Part p : parts) {
            placed.addAll(layout.indexes(p));
        }
    }

    /** The items of a list section: one per paragraph, its label or bullet removed; an unlabelled lead-in ending in ":" is skipped. */
    private static List<String> list(DocumentLayout layout, Part part, String field, Findings out, Set<Integer> placed) {
        List<String> items = new ArrayList<>();
        for (int i : layout.indexes(part)) {
            Line l = layout.lines.get(i);
            placed.add(i);
            Labels.Label label = Labels.of(l.text());
            String t = label.type() == Labels.Type.NONE || label.type() == Labels.Type.ROMAN ? l.text() : label.rest();
            if (label.type() == Labels.Type.NONE && t.strip().endsWith(":")) {
                continue;
            }
            t = t.strip();
            if (t.isEmpty() || !t.matches("(?s).*[\\p{L}\\p{N}].*")) {
                // a stray "." or "~" (OCR noise) is not an item
                continue;
            }
            out.field(field + "[" + items.size() + "]", t, l, 0.75);
            items.add(t);
        }
        return items;
    }

    /** hints.unitId, else the directory unit matching the issuing body, the issuer named in the introduction, or the place. */
    private static String issuingUnit(ExtractionHints hints, HeaderReader.Header h, List<Line> intro, UnitMatcher matcher, Findings out) {
        if (hints != null && hints.unitId() != null && !hints.unitId().isBlank()) {
            return hints.unitId();
        }
        UnitMatcher.Match place = matcher.matchPlace(h.place);
        KnownUnit area = place == null ? null : place.unit();
        List<String> candidates = new ArrayList<>();
        if (h.issuingBody != null) {
            candidates.add(h.issuingBody);
        }
        for (Line l : intro) {
            String f = Fold.fold(l.text());
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?:^|[,;:]\\s*)((?:uy ban nhan dan|ubnd|van phong|so|phong|trung tam|ban)\\b[^,;:]{0,80}?)\\s+(?:xay dung|ban hanh|trien khai)\\s+(?:ke hoach|van ban)")
                    .matcher(f);
            if (m.find()) {
                candidates.add(l.text().substring(m.start(1), m.end(1)));
            }
        }
        for (String c : candidates) {
            String ctx = area != null ? area.unitId() : provinceOfPlace(h.place, matcher);
            matcher.context(ctx);
            UnitMatcher.Match m = matcher.match(c);
            if (m == null && h.place != null && !Fold.key(c).contains(Fold.key(h.place))) {
                m = matcher.match(c + " " + h.place);
            }
            matcher.context(null);
            if (m != null) {
                return m.unit().unitId();
            }
        }
        if (area != null) {
            return area.unitId();
        }
        return null;
    }

    private static String provinceOfPlace(String place, UnitMatcher matcher) {
        if (place == null) {
            return null;
        }
        UnitMatcher.Match m = matcher.match("Tỉnh " + place);
        if (m == null) {
            m = matcher.match("Thành phố " + place);
        }
        return m == null ? null : m.unit().unitId();
    }
}
