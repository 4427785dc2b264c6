package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell or phrase naming several units ("Phòng VH-XH, Trung tâm DVSNC; các cơ quan, đơn vị") into names,
 * without breaking a name that holds a comma ("Phòng Kinh tế, Hạ tầng và Đô thị", "Các phòng, ban, trung tâm"):
 * a group phrase is kept whole; otherwise adjacent pieces are merged while that matches a unit of the directory.
 */
final class UnitLists {
    private UnitLists() {
    }

    static List<String> split(String text, UnitMatcher matcher) {
        String t = Findings.clean(text);
        List<String> out = new ArrayList<>();
        if (t.isEmpty()) {
            return out;
        }
        if (matcher.match(t) != null || (UnitMatcher.isGroup(t) && Fold.key(t).startsWith("cac ") && !t.contains(";"))) {
            out.add(t);
            return out;
        }
        String[] pieces = t.split("\\s*[;,\\n]\\s*|\\s+và\\s+(?=(?:các|Các|Phòng|Trung tâm|Văn phòng|Ủy ban|UBND|Đoàn|Hội|Ban)\\b)");
        int i = 0;
        while (i < pieces.length) {
            int best = i;
            for (int j = pieces.length - 1; j > i; j--) {
                String joined = String.join(", ", java.util.Arrays.copyOfRange(pieces, i, j + 1));
                if (matcher.match(joined) != null) {
                    best = j;
                    break;
                }
            }
            if (best == i && UnitMatcher.isGroup(pieces[i]) && Fold.key(pieces[i]).matches("(.* )?cac .*")) {
                // "các phòng, ban, trung tâm": a group runs on while its pieces are short nouns
                int j = i;
                while (j + 1 < pieces.length && pieces[j + 1].split("\\s+").length <= 3 && matcher.match(pieces[j + 1]) == null
                        && !Fold.key(pieces[j + 1]).startsWith("cac")) {
                    j++;
                }
                best = j;
            }
            String name = String.join(", ", java.util.Arrays.copyOfRange(pieces, i, best + 1)).strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
            i = best + 1;
        }
        return out;
    }
}
