package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.PublicationKind;
import vn.cchc.plan.plans.Target;
import vn.cchc.plan.plans.TargetPeriod;
import vn.cchc.plan.plans.TargetScope;
import vn.cchc.plan.plans.UnitRef;
import vn.cchc.plan.units.Channel;

/**
 * Quantitative targets written in prose: a clause with a number of items ("tối thiểu 12 tin/bài trong năm trên Trang
 * Thông tin Điện tử", "định kỳ hàng tháng có ít nhất 02 tin/bài về CCHC") and a quantifier or a period. The channel,
 * period and subject come from the clause; the responsible unit from the section the clause sits in.
 */
final class TargetReader {
    private static final String NOUN = "hoi nghi|tin\\s*/\\s*bai|tin\\s*,\\s*bai|tin bai|bai viet|tin|bai|chuong trinh|phong su|video|clip|cuoc|buoi|lop|san pham|ban tin|chuyen muc|chuyen de|infographic|pano|bang ron|to roi|luot|so|phim|file am thanh";
    private static final Pattern QTY = Pattern.compile("(?<![0-9/.,%])(\\d{1,3}(?:[.,]\\d{3})+|" + Fold.D + "{1,4})\\s*(" + NOUN + ")(?![a-z])");
    private static final Pattern WEEKLY = Pattern.compile("(/\\s*tuan|\\b(moi|hang|mot|1|01) tuan)\\b");
    private static final Pattern QUANTIFIER = Pattern.compile("(toi thieu|it nhat|khong it hon|toi da|phan dau|dat|quy mo|so luong|chi tieu)\\b");
    private static final String SUBJECT_END = "de|tren|trong|tai|nham|den|cho|qua|hang|moi|dinh ky|duoc|dang tai|phat song";
    private static final Pattern SUBJECT = Pattern.compile("\\bve\\s+(.+?)(?=\\s+(?:" + SUBJECT_END + ")\\b|\\s*[,;.(]|$)");
    private static final Pattern SUBJECT_TAIL = Pattern.compile("^,\\s*((?:[a-z0-9]+\\s*){1,4}?)\\s*[.;]?\\s*$");

    private TargetReader() {
    }

    /** Targets in one paragraph (split into clauses on ";" and sentence ends). */
    static List<Target> read(Line line, UnitRef responsible, String issuingUnitId, Findings out, int offset) {
        List<Target> targets = new ArrayList<>();
        for (String clause : clauses(line.text())) {
            if (WEEKLY.matcher(Fold.fold(clause)).find() && QTY.matcher(Fold.fold(clause)).find()) {
                // the model has no weekly period: a count per week is neither per plan nor per month as written
                out.warn("targets", line, "Chỉ tiêu tính theo tuần (\"" + clause + "\") chưa có kỳ tương ứng; cần nhập tay.");
                continue;
            }
            Target t = clause(clause, line.text(), responsible, issuingUnitId);
            if (t != null) {
                String path = "targets[" + (offset + targets.size()) + "]";
                out.field(path + ".minimum", t.minimum(), line, 0.85);
                out.field(path + ".period", t.period().name(), line, t.period() == TargetPeriod.PLAN ? 0.5 : 0.8);
                out.field(path + ".channels", t.channels().stream().map(Enum::name).toList(), line, 0.7);
                out.field(path + ".kinds", t.kinds().stream().map(Enum::name).toList(), line, 0.6);
                out.field(path + ".subject", t.subject(), line, 0.6);
                out.field(path + ".description", t.description(), line, 0.8);
                targets.add(t);
            }
        }
        return targets;
    }

    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(";|(?<=[.!?])\\s+(?=\\p{Lu})")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    static Target clause(String clause, String sentence, UnitRef responsible, String issuingUnitId) {
        String f = Fold.fold(clause);
        Matcher m = QTY.matcher(f);
        while (m.find()) {
            // "2.000 tờ rơi": a thousands separator (Vietnamese writes "." or ",") is not a decimal point
            Integer n = Fold.toInt(m.group(1).replaceAll("[.,](?=\\d{3}\\b)", ""));
            boolean separated = m.group(1).matches(".*[.,]\\d{3}");
            if (n == null || n < 1 || n > 100000 || (n >= 1900 && n <= 2100 && !separated)) {
                continue;
            }
            String noun = m.group(2);
            TargetPeriod period = period(Fold.ocr(f));
            boolean quantified = QUANTIFIER.matcher(f.substring(Math.max(0, m.start() - 40), m.start())).find();
            if (!quantified && period == null) {
                continue;
            }
            if (noun.equals("so") && !quantified) {
                continue;
            }
            List<Channel> channels = Channels.in(clause).stream()
                    .filter(c -> c != Channel.MEETING || noun.matches("cuoc|buoi|hoi nghi"))
                    .toList();
            boolean broadcast = channels.stream().anyMatch(c -> c == Channel.RADIO || c == Channel.TELEVISION || c == Channel.LOUDSPEAKER);
            List<PublicationKind> kinds = kinds(noun, Fold.ocr(f), broadcast);
            String subject = null;
            Matcher sm = SUBJECT.matcher(f);
            if (sm.find(m.end())) {
                int end = sm.end(1);
                // "về cải cách hành chính, chuyển đổi số." — a short enumeration closing the clause belongs to the subject
                Matcher tail = SUBJECT_TAIL.matcher(f.substring(end));
                if (tail.matches() && !Pattern.compile("\\b(" + SUBJECT_END + ")\\b").matcher(tail.group(1)).find()) {
                    end = end + tail.end(1);
                }
                subject = Fold.collapse(clause.substring(sm.start(1), end));
            }
            String description = Fold.upperFirst(Fold.collapse(clause).replaceAll("[.;,]+$", ""));
            return new Target(null, description, kinds, channels, n, period == null ? TargetPeriod.PLAN : period, TargetScope.SUBTREE,
                    issuingUnitId, responsible, subject, Fold.collapse(sentence));
        }
        return null;
    }

    static TargetPeriod period(String f) {
        if (f.matches(".*(hang thang|hang thang|moi thang|/\\s*thang|mot thang|trong thang|hang th[a-z]ng).*")) {
            return TargetPeriod.MONTH;
        }
        if (f.matches(".*(hang quy|moi quy|/\\s*quy|trong quy).*")) {
            return TargetPeriod.QUARTER;
        }
        if (f.matches(".*(trong nam|moi nam|hang nam|/\\s*nam|ca nam|mot nam)(?!\\s*\\d).*")) {
            return TargetPeriod.YEAR;
        }
        if (f.matches(".*trong ?nam \\d{4}(?![0-9]).*")) {
            return TargetPeriod.YEAR; // "phát hành 2.000 tờ rơi … trong năm 2026"
        }
        return null;
    }

    static List<PublicationKind> kinds(String noun, String clause, boolean broadcast) {
        String n = noun.replaceAll("\\s+", " ");
        if (n.startsWith("tin") || n.startsWith("bai") || n.equals("ban tin")) {
            return broadcast ? List.of() : List.of(PublicationKind.ARTICLE);
        }
        return switch (n) {
            case "chuong trinh", "chuyen muc", "chuyen de" -> broadcast ? List.of(PublicationKind.BROADCAST) : List.of();
            case "phong su" -> List.of(PublicationKind.REPORTAGE);
            case "video", "clip", "phim" -> List.of(PublicationKind.VIDEO);
            case "infographic" -> List.of(PublicationKind.INFOGRAPHIC);
            case "pano", "bang ron" -> List.of(PublicationKind.BANNER);
            case "to roi" -> List.of(PublicationKind.LEAFLET);
            case "file am thanh" -> List.of(PublicationKind.AUDIO);
            case "cuoc", "buoi", "hoi nghi" -> Pattern.compile("doi ?thoai").matcher(clause).find() ? List.of(PublicationKind.DIALOGUE) : List.of();
            default -> List.of();
        };
    }
}
