package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cchc.plan.plans.UnitRef;

/**
 * What the readers found besides the draft: the source of each value, warnings, proposed units; and the unit
 * resolution shared by every reader (directory match → UnitRef with id; group → name only; a specific name that
 * matches nothing → name only plus a proposal under the issuing unit).
 */
final class Findings {
    final List<ExtractedField> fields = new ArrayList<>();
    final List<ImportWarning> warnings = new ArrayList<>();
    private final Map<String, ProposedUnit> proposals = new LinkedHashMap<>();
    final UnitMatcher matcher;
    String issuingUnitId;

    Findings(UnitMatcher matcher) {
        this.matcher = matcher;
    }

    void field(String path, Object value, Line line, double confidence) {
        field(path, value, line == null ? 0 : line.from(), line == null ? 0 : line.to(), confidence, line == null ? null : line.text());
    }

    void field(String path, Object value, int from, int to, double confidence, String source) {
        if (value == null) {
            return;
        }
        fields.add(new ExtractedField(path, value, from, to, Math.max(0, Math.min(1, confidence)), source));
    }

    void warn(String field, Line line, String message) {
        warnings.add(new ImportWarning(field, line == null ? null : line.from(), line == null ? null : line.to(), message,
                line == null ? null : line.text()));
    }

    /** A unit as written → UnitRef; records a proposal for a specific unit missing from the directory. */
    UnitRef unit(String name, String usedAt, Line line) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = clean(name);
        UnitMatcher.Match m = matcher.match(n);
        if (m != null) {
            field(usedAt + ".unitId", m.unit().unitId(), line, m.score());
            return new UnitRef(m.unit().unitId(), n);
        }
        if (!UnitMatcher.isGroup(n) && !UnitMatcher.isHigherLevel(n) && issuingUnitId != null) {
            String key = matcher.core(n);
            ProposedUnit p = proposals.get(key);
            List<String> used = new ArrayList<>(p == null ? List.of() : p.usedAt());
            used.add(usedAt);
            String slug = UnitMatcher.slug(key.isBlank() ? n : key);
            proposals.put(key, new ProposedUnit(p == null ? n : p.name(), issuingUnitId, issuingUnitId + "." + slug, used));
            warn(usedAt, line, "Không tìm thấy đơn vị \"" + n + "\" trong danh mục đơn vị; đã đề xuất thêm đơn vị mới.");
        }
        return new UnitRef(null, n);
    }

    static String clean(String name) {
        String n = Fold.collapse(name).replaceAll("^[\\-–+•*:,;.\\s]+|[\\s,;:.]+$", "");
        n = n.replaceAll("^\\(|\\)$", "").strip();
        return n;
    }

    List<ProposedUnit> proposals() {
        return List.copyOf(proposals.values());
    }
}
