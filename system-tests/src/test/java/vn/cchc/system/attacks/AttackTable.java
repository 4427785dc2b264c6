package vn.cchc.system.attacks;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The end of the run: kind × tried / refused / leaked / 5xx / hang, and every attack that did not end REFUSED. */
final class AttackTable {
    record Result(Attack attack, Outcome outcome) {
    }

    private AttackTable() {
    }

    static String render(List<Result> results) {
        Map<Kind, int[]> rows = new EnumMap<>(Kind.class);
        for (Result result : results) {
            int[] row = rows.computeIfAbsent(result.attack().kind(), k -> new int[5]);
            row[0]++;
            row[1 + result.outcome().verdict().ordinal()]++;
        }
        StringBuilder table = new StringBuilder();
        String format = "%-22s %6s %8s %7s %5s %5s%n";
        table.append(String.format(format, "kind", "tried", "refused", "leaked", "5xx", "hang"));
        int[] total = new int[5];
        rows.forEach((kind, row) -> {
            table.append(String.format(format, kind, row[0], row[1], row[2], row[3], row[4]));
            for (int i = 0; i < 5; i++) {
                total[i] += row[i];
            }
        });
        table.append(String.format(format, "TOTAL", total[0], total[1], total[2], total[3], total[4]));
        return table.toString();
    }

    static String failures(List<Result> results) {
        return results.stream().filter(r -> !r.outcome().passed())
                .map(r -> String.format("%-7s %s%n        %s%n        → %s", r.outcome().verdict(), r.attack(), r.attack().request(),
                        r.outcome().why()))
                .collect(Collectors.joining("\n"));
    }

    /** Every attack with its verdict, for the report file. */
    static String listing(List<Result> results) {
        return results.stream().map(r -> String.format("%-7s %s — %s", r.outcome().verdict(), r.attack(), r.outcome().why()))
                .collect(Collectors.joining("\n"));
    }
}
