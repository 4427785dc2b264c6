package vn.cchc.reporting.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.cchc.reporting.counts.DayCounts;

/** Where a target's counted items come from: the pre-aggregated day counts, or a list of facts (reports). */
public interface TargetItems {
    /** The items that may count for {@code target} of a plan of {@code year} (the calculator applies its rules). */
    List<Item> of(TargetDef target, int year);

    /** The same, without the items published after {@code day}. */
    default TargetItems upTo(LocalDate day) {
        TargetItems all = this;
        return (target, year) -> all.of(target, year).stream().filter(i -> !i.date().isAfter(day)).toList();
    }

    /** From counts documents read by id ({@link DayCounts#idFor}); a missing document means nothing counted. */
    static TargetItems counted(Map<String, List<Item>> byDocument) {
        return (target, year) -> byDocument.getOrDefault(DayCounts.idFor(target.scope(), target.unitId(), year), List.of());
    }

    /** From single items (facts): a target inside a commune looks at that commune's items only. */
    static TargetItems listed(List<Item> items) {
        Map<String, List<Item>> byCommune = new HashMap<>();
        for (Item item : items) {
            ComplianceService.commune(item.unitId()).ifPresent(c -> byCommune.computeIfAbsent(c, k -> new ArrayList<>()).add(item));
        }
        return (target, year) -> ComplianceService.commune(target.unitId()).map(c -> byCommune.getOrDefault(c, List.of())).orElse(items);
    }
}
