package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.Milestone;
import vn.cchc.plan.plans.MilestoneKind;
import vn.cchc.plan.plans.PartialDate;
import vn.cchc.plan.plans.PlanTask;
import vn.cchc.plan.plans.PublicationKind;
import vn.cchc.plan.plans.Target;
import vn.cchc.plan.plans.TargetPeriod;
import vn.cchc.plan.plans.TargetScope;
import vn.cchc.plan.plans.TimeFrame;
import vn.cchc.plan.plans.TimeFrameType;
import vn.cchc.plan.plans.UnitRef;
import vn.cchc.plan.units.Channel;

/**
 * Rows of a task table → PlanTask: the bold first paragraph of the task cell is the title, the rest {@code details};
 * a time in the body that differs from the time column → {@code alternativeTimeFrame}; "Quy mô: 02 cuộc" → a target
 * for the whole plan (period PLAN) led by the row's lead unit; a contest / training / dialogue / conference row with a
 * month or date → a milestone.
 */
final class TaskRows {
    private static final Pattern BODY_TIME = Pattern.compile("^[-*+•\\s]*(?:thoi gian|thoi han)(?: thuc hien| hoan thanh| to chuc)?\\s*:\\s*(.+)$");
    private static final Pattern SCALE = Pattern.compile("^[-*+•\\s]*(?:quy mo|so luong)\\s*:?\\s*(" + Fold.D + "{1,4})\\s*([a-z]+(?: [a-z]+)?)");

    static final class Result {
        final List<PlanTask> tasks = new ArrayList<>();
        final List<Target> targets = new ArrayList<>();
        final List<Milestone> milestones = new ArrayList<>();
    }

    private TaskRows() {
    }

    static void read(TableReader.Table table, Integer year, Findings out, Result result, int targetOffset) {
        int seq = 0;
        for (TableReader.Row row : table.rows) {
            seq++;
            Line src = new Line(row.from, row.to, row.raw.toString(), false, List.of());
            int index = result.tasks.size();
            String path = "tasks[" + index + "]";
            String numberCell = row.get(TableReader.Role.NUMBER);
            String number = numberCell == null ? null : Fold.digits(TextCleaner.stripMarkers(numberCell)).replaceAll("[^0-9.a-z]", "");
            if (number == null || number.isBlank()) {
                number = String.valueOf(seq);
                if (numberCell != null) {
                    out.warn(path + ".number", src, "Không đọc được số thứ tự của nhiệm vụ; đã đánh số theo thứ tự dòng.");
                }
            }
            List<String[]> paras = TableReader.paragraphs(row.get(TableReader.Role.TASK));
            if (paras.isEmpty()) {
                out.warn(path, src, "Dòng bảng nhiệm vụ không có nội dung nhiệm vụ; bỏ qua.");
                continue;
            }
            int titleIdx = 0;
            for (int i = 0; i < paras.size(); i++) {
                if (!paras.get(i)[1].isEmpty()) {
                    titleIdx = i;
                    break;
                }
            }
            String title = paras.get(titleIdx)[0].replaceAll("(?<![.])[.;:]+$", "").strip();
            List<String> body = new ArrayList<>();
            for (int i = 0; i < paras.size(); i++) {
                if (i != titleIdx) {
                    body.add(paras.get(i)[0]);
                }
            }
            String details = body.isEmpty() ? null : String.join("\n", body);
            // units
            String leadText = plain(row.get(TableReader.Role.LEAD));
            String coordText = plain(row.get(TableReader.Role.COORD));
            String unitText = plain(row.get(TableReader.Role.UNIT));
            if (leadText == null && unitText != null) {
                // "Đơn vị thực hiện: A, B": the first unit leads, the others coordinate
                List<String> names = UnitLists.split(unitText, out.matcher);
                if (!names.isEmpty()) {
                    leadText = names.getFirst();
                    List<String> rest = new ArrayList<>(names.subList(1, names.size()));
                    if (coordText != null) {
                        rest.add(coordText);
                    }
                    coordText = rest.isEmpty() ? null : String.join("; ", rest);
                }
            }
            UnitRef lead = leadText == null ? null : out.unit(leadText, path + ".lead", src);
            List<UnitRef> coordinators = new ArrayList<>();
            if (coordText != null) {
                List<String> names = UnitLists.split(coordText, out.matcher);
                for (int i = 0; i < names.size(); i++) {
                    UnitRef r = out.unit(names.get(i), path + ".coordinators[" + i + "]", src);
                    if (r != null) {
                        coordinators.add(r);
                    }
                }
            }
            // time
            String timeText = plain(row.get(TableReader.Role.TIME));
            if (timeText == null) {
                timeText = plain(row.get(TableReader.Role.DATE));
            }
            TimeFrame tf = timeText == null ? null : TimeFrames.parse(timeText, year);
            if (tf == null) {
                tf = new TimeFrame(TimeFrameType.ONGOING, null, null, null, null, timeText);
                out.warn(path + ".timeFrame", src, timeText == null
                        ? "Nhiệm vụ không ghi thời gian thực hiện; tạm để \"Thường xuyên\", cần kiểm tra."
                        : "Không hiểu được thời gian \"" + timeText + "\"; tạm để \"Thường xuyên\", cần kiểm tra.");
            }
            TimeFrame alt = null;
            Integer scale = null;
            String scaleText = null;
            String scaleNoun = null;
            for (String b : body) {
                String f = Fold.fold(b);
                Matcher m = BODY_TIME.matcher(f);
                if (m.find()) {
                    TimeFrame t = TimeFrames.parse(b.substring(m.start(1)), year);
                    if (t != null && !TimeFrames.sameMeaning(t, tf)) {
                        alt = t;
                    }
                }
                m = SCALE.matcher(f);
                if (m.find()) {
                    scale = Fold.toInt(m.group(1));
                    scaleNoun = m.group(2);
                    scaleText = b.replaceFirst("^[-*+•\\s]+", "");
                }
            }
            // products
            List<String> products = new ArrayList<>();
            for (String[] p : TableReader.paragraphs(row.get(TableReader.Role.PRODUCT))) {
                for (String s : p[0].split(";")) {
                    String t = s.strip().replaceAll("[.;,]+$", "");
                    if (!t.isEmpty()) {
                        products.add(t);
                    }
                }
            }
            String leadUnitId = lead == null ? null : lead.unitId();
            List<String> coordIds = coordinators.stream().map(UnitRef::unitId).filter(java.util.Objects::nonNull).toList();
            PlanTask task = new PlanTask(null, number, title, leadUnitId, coordIds, tf, products, lead, coordinators, alt, details);
            result.tasks.add(task);
            out.field(path + ".number", number, src, 0.9);
            out.field(path + ".title", title, src, paras.get(titleIdx)[1].isEmpty() ? 0.6 : 0.9);
            out.field(path + ".timeFrame.type", tf.type().name(), src, timeText == null ? 0.2 : 0.8);
            out.field(path + ".timeFrame.text", tf.text(), src, 0.8);
            out.field(path + ".alternativeTimeFrame.type", alt == null ? null : alt.type().name(), src, 0.7);
            out.field(path + ".products", products, src, 0.7);
            out.field(path + ".details", details, src, 0.7);
            if (alt != null) {
                out.warn(path + ".alternativeTimeFrame", src, "Thời gian ghi trong nội dung nhiệm vụ (\"" + alt.text()
                        + "\") khác cột thời gian (\"" + tf.text() + "\"); cần kiểm tra.");
            }
            String all = Fold.fold(title + " " + (details == null ? "" : details));
            if (scale != null && scale > 0) {
                List<Channel> channels = Channels.in(title).stream().filter(c -> c != Channel.MEETING).toList();
                List<PublicationKind> kinds = TargetReader.kinds(scaleNoun.split(" ")[0], all, false);
                String tp = "targets[" + (targetOffset + result.targets.size()) + "]";
                result.targets.add(new Target(null, title.replaceAll("[.;]+$", "") + " (" + scaleText.replaceAll("[.;]+$", "") + ")",
                        kinds, channels, scale, TargetPeriod.PLAN, TargetScope.SUBTREE, out.issuingUnitId, lead, null, scaleText));
                out.field(tp + ".minimum", scale, src, 0.8);
                out.field(tp + ".period", TargetPeriod.PLAN.name(), src, 0.6);
            }
            MilestoneKind mk = milestoneKind(Fold.fold(title));
            TimeFrame when = alt != null ? alt : tf;
            if (mk != null && (when.type() == TimeFrameType.MONTH || when.type() == TimeFrameType.DATE)) {
                PartialDate d = when.type() == TimeFrameType.DATE
                        ? new PartialDate(when.date().getYear(), when.date().getMonthValue(), when.date().getDayOfMonth(), when.text())
                        : new PartialDate(when.year() == null ? year : when.year(), when.month(), null, when.text());
                result.milestones.add(new Milestone(null, title, mk, d, scaleText, lead, details));
                out.field("milestones[" + (result.milestones.size() - 1) + "].date", d.text(), src, 0.6);
            }
        }
    }

    static MilestoneKind milestoneKind(String f) {
        if (f.matches(".*(cuoc thi|hoi thi).*")) {
            return MilestoneKind.CONTEST;
        }
        if (f.matches(".*(tap huan|boi duong).*")) {
            return MilestoneKind.TRAINING;
        }
        if (f.matches(".*doi thoai.*")) {
            return MilestoneKind.DIALOGUE;
        }
        if (f.matches(".*(hoi nghi|hoi thao|toa dam).*")) {
            return MilestoneKind.CONFERENCE;
        }
        if (f.matches(".*(ngay phap luat|ngay chuyen doi so|ngay quoc te|ngay truyen thong).*")) {
            return MilestoneKind.NATIONAL_DAY;
        }
        return null;
    }

    static String plain(String cell) {
        if (cell == null) {
            return null;
        }
        List<String[]> paras = TableReader.paragraphs(cell);
        String s = Fold.collapse(String.join("; ", paras.stream().map(p -> p[0]).toList()));
        return s.isBlank() ? null : s;
    }
}
