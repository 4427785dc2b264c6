package vn.cchc.reporting.counts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import vn.cchc.reporting.compliance.Item;

/**
 * The pre-aggregated counts every figure is served from: per year, one document for a unit's own items ({@code OWN})
 * and one for everything in its subtree ({@code TREE}), holding a counter per day × channel × kind:
 * <pre>{ _id: "2026|TREE|vinh-long.phu-khuong", unitId, scope: "TREE", year: 2026, c: { "0315|WEBSITE|ARTICLE": 3 } }</pre>
 * A counted publication adds 1 to the OWN document of its unit and to the TREE documents of its unit and every unit
 * above it. Reading a target's count is one document whatever the history (at most 366 × channels × kinds counters),
 * and a day's granularity keeps every rule exact (effective starts mid-month, "as of" any day).
 */
public final class DayCounts {
    public static final String COLLECTION = "day_counts";
    public static final String OWN = "OWN";
    public static final String TREE = "TREE";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMdd");

    private DayCounts() {
    }

    public static String id(int year, String scope, String unitId) {
        return year + "|" + scope + "|" + unitId;
    }

    /** The document a target reads: its unit's own items (scope UNIT) or its subtree's (scope SUBTREE). */
    public static String idFor(String targetScope, String unitId, int year) {
        return id(year, "UNIT".equals(targetScope) ? OWN : TREE, unitId);
    }

    /** The counter field of one day, channel and kind. */
    public static String field(LocalDate day, String channel, String kind) {
        return day.format(DAY) + "|" + channel + "|" + kind;
    }

    /** One counted item's place in the counts: the day it counts on and what it is. */
    public record Contribution(String unitId, LocalDate date, String channel, String kind) {
        /** The documents it adds to (OWN of its unit, TREE of its unit and of every ancestor) → counter field. */
        public List<String[]> counters() {
            List<String[]> counters = new ArrayList<>();
            String field = field(date, channel, kind);
            counters.add(new String[] {id(date.getYear(), OWN, unitId), field});
            for (String ancestor : ancestorsAndSelf(unitId)) {
                counters.add(new String[] {id(date.getYear(), TREE, ancestor), field});
            }
            return counters;
        }
    }

    /** The unit and every unit above it ("a.b.c" → a, a.b, a.b.c): the units whose subtree holds its items. */
    public static List<String> ancestorsAndSelf(String unitId) {
        List<String> ids = new ArrayList<>();
        StringBuilder id = new StringBuilder();
        for (String segment : unitId.split("\\.")) {
            id.append(id.isEmpty() ? "" : ".").append(segment);
            ids.add(id.toString());
        }
        return ids;
    }

    /** A counts document read back as weighted items of {@code unitId} (the document's unit), one per non-zero counter. */
    public static List<Item> items(Document counts) {
        List<Item> items = new ArrayList<>();
        if (counts == null) {
            return items;
        }
        String unitId = counts.getString("unitId");
        int year = ((Number) counts.get("year")).intValue();
        Document c = counts.get("c", Document.class);
        if (c == null) {
            return items;
        }
        for (Map.Entry<String, Object> e : c.entrySet()) {
            long n = ((Number) e.getValue()).longValue();
            if (n <= 0) {
                continue;
            }
            String[] key = e.getKey().split("\\|", 3);
            LocalDate day = LocalDate.of(year, Integer.parseInt(key[0].substring(0, 2)), Integer.parseInt(key[0].substring(2)));
            items.add(new Item(unitId, key[1], key[2], day, n));
        }
        return items;
    }
}
