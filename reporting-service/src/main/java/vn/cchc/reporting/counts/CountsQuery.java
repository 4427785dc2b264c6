package vn.cchc.reporting.counts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.cchc.reporting.compliance.Item;
import vn.cchc.reporting.readmodel.ReadStore;

/** Counts per unit, channel, month and year, read from one pre-aggregated counts document ({@link DayCounts}). */
@Component
public class CountsQuery {
    private final ReadStore store;

    CountsQuery(ReadStore store) {
        this.store = store;
    }

    public UnitCounts counts(String unitId, int year, boolean includeSubunits) {
        List<Item> items = DayCounts.items(store.countsDocument(
                DayCounts.id(year, includeSubunits ? DayCounts.TREE : DayCounts.OWN, unitId)));
        Map<String, Long> byChannel = new TreeMap<>();
        List<Map<String, Long>> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(new TreeMap<>());
        }
        long total = 0;
        for (Item item : items) {
            months.get(item.date().getMonthValue() - 1).merge(item.channel(), item.n(), Long::sum);
            byChannel.merge(item.channel(), item.n(), Long::sum);
            total += item.n();
        }
        List<UnitCounts.MonthCounts> byMonth = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            Map<String, Long> channels = months.get(m - 1);
            byMonth.add(new UnitCounts.MonthCounts(m, channels.values().stream().mapToLong(Long::longValue).sum(), channels));
        }
        return new UnitCounts(unitId, year, includeSubunits, total, byChannel, byMonth);
    }
}
