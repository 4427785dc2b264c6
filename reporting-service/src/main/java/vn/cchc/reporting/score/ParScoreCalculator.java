package vn.cchc.reporting.score;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import vn.cchc.reporting.compliance.Item;

/** Pure scoring: tasks done / planned and the channels actually used → points, each with its explanation. */
public final class ParScoreCalculator {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private ParScoreCalculator() {
    }

    /**
     * @param planned tasks of the unit's plans for the year, cancelled ones excluded
     * @param done    of those, the ones done
     * @param items   counted publications of the unit (and its subunits) in the year
     */
    public static ParScore score(String unitId, int year, ScoringRules rules, int planned, int done, Collection<Item> items) {
        return score(unitId, year, rules, planned, done, items, null, null);
    }

    /**
     * The same, saying in every explanation which days were counted ("từ ngày 01/01/2026 đến ngày 14/09/2026"), so a
     * reader can match each figure with the listed items: {@code items} must be exactly those of {@code from}..{@code to}
     * and {@code done} the tasks done by {@code to}.
     */
    public static ParScore score(String unitId, int year, ScoringRules rules, int planned, int done, Collection<Item> items,
                                 LocalDate from, LocalDate to) {
        String range = from == null || to == null ? "" : " từ ngày " + DMY.format(from) + " đến ngày " + DMY.format(to);
        String completed = to == null ? "Hoàn thành " : "Đến ngày " + DMY.format(to) + " hoàn thành ";
        List<ParScore.Line> lines = new ArrayList<>();
        double share = planned == 0 ? 0 : (double) done / planned;
        double completion;
        String why;
        if (planned == 0) {
            completion = 0;
            why = "Chưa có nhiệm vụ nào trong kế hoạch: không tính điểm.";
        } else if (share >= 1.0) {
            completion = rules.completionPoints();
            why = String.format(Locale.ROOT, "%d/%d nhiệm vụ (100%%): đạt điểm tối đa.", done, planned);
        } else if (share >= rules.completionFloor()) {
            completion = round(share * rules.completionPoints());
            why = String.format(Locale.ROOT, "%d/%d nhiệm vụ (%s): %d/%d × %s điểm.", done, planned,
                    percent(share), done, planned, fmt(rules.completionPoints()));
        } else {
            completion = 0;
            why = String.format(Locale.ROOT, "%d/%d nhiệm vụ (%s), dưới %.0f%%: không tính điểm.", done, planned,
                    percent(share), rules.completionFloor() * 100);
        }
        if (planned > 0) {
            why = completed + why;
        }
        lines.add(new ParScore.Line("PLAN_COMPLETION", "Mức độ hoàn thành kế hoạch tuyên truyền", completion,
                rules.completionPoints(), why, null));

        for (ScoringRules.ChannelGroup group : rules.channelGroups()) {
            long used = items.stream().filter(group::counts).mapToLong(vn.cchc.reporting.compliance.Item::n).sum();
            lines.add(new ParScore.Line("CHANNEL_" + group.id(), group.label(), used > 0 ? group.points() : 0, group.points(),
                    used > 0 ? used + " tin, bài, sản phẩm" + range + " trên nhóm hình thức này: đạt " + fmt(group.points()) + " điểm."
                            : "Không có sản phẩm nào" + range + " trên nhóm hình thức này: 0 điểm.", used));
        }
        double total = round(lines.stream().mapToDouble(ParScore.Line::points).sum());
        return new ParScore(unitId, year, total, rules.max(), lines);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Vietnamese decimal comma: 0,25 điểm. */
    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v).replace('.', ',');
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100).replace('.', ',');
    }
}
