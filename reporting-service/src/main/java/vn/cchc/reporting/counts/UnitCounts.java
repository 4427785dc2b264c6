package vn.cchc.reporting.counts;

import java.util.List;
import java.util.Map;

/**
 * Counts of one unit's publications in one year (Vietnam time).
 *
 * @param byChannel       total per channel for the year
 * @param byMonth         month (1–12) → channel → count; months without items are present with an empty map
 * @param includeSubunits whether the units beneath {@code unitId} are counted too
 */
public record UnitCounts(String unitId, int year, boolean includeSubunits, long total, Map<String, Long> byChannel,
                         List<MonthCounts> byMonth) {
    public record MonthCounts(int month, long total, Map<String, Long> byChannel) {
    }
}
