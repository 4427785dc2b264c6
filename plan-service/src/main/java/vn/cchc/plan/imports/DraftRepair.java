package vn.cchc.plan.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.plan.imports.extract.ExtractedField;
import vn.cchc.plan.imports.extract.ImportWarning;
import vn.cchc.plan.imports.extract.ProposedUnit;
import vn.cchc.platform.web.FieldError;

/**
 * Takes out of a draft the values the plan rules refuse, so an import still yields a draft to fix: the content is
 * handled as a JSON tree, and for each error (by its JSON path) an element of a list is removed; any other value is
 * first emptied; if the path still fails once empty, the entry holding it (the target, task, scheduled item… at the
 * first list index of the path) is removed. Each change becomes a warning for the reviewer (Vietnamese), and the
 * paths of the extracted fields, warnings and proposed units follow the entries that moved up a list.
 */
final class DraftRepair {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final Pattern INDEXED = Pattern.compile("^(.*)\\[(\\d+)]$");

    private final JsonMapper json;
    private final ObjectNode tree;
    private final Set<String> emptied = new HashSet<>();
    /** Warnings about entries taken out: their path is where the entry was, so later removals do not move them. */
    private final Set<ImportWarning> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    final List<ExtractedField> fields;
    final List<ImportWarning> warnings;
    final List<ProposedUnit> proposedUnits;

    DraftRepair(JsonMapper json, ObjectNode tree, List<ExtractedField> fields, List<ImportWarning> warnings,
                List<ProposedUnit> proposedUnits) {
        this.json = json;
        this.tree = tree;
        this.fields = new ArrayList<>(fields);
        this.warnings = new ArrayList<>(warnings);
        this.proposedUnits = new ArrayList<>(proposedUnits);
    }

    ObjectNode tree() {
        return tree;
    }

    /** Applies one round of errors; false when one of them cannot be repaired (a top-level value that stays wrong). */
    boolean apply(List<FieldError> errors) {
        List<String> removals = new ArrayList<>();
        for (FieldError error : errors) {
            String path = error.field();
            JsonNode value = at(path);
            Matcher indexed = INDEXED.matcher(path);
            if (indexed.matches()) {
                dropped.add(warn(path, error, value, "đã bỏ khỏi bản nháp"));
                removals.add(path);
            } else if (!emptied.contains(path) && value != null && !value.isNull() && parentOf(path) instanceof ObjectNode parent) {
                warn(path, error, value, "đã để trống trong bản nháp");
                parent.putNull(last(path));
                emptied.add(path);
            } else {
                String entry = entryOf(path);
                if (entry == null) {
                    return false;
                }
                warnings.removeIf(w -> w.field() != null && w.field().startsWith(entry + ".") && w.message().startsWith("["));
                dropped.add(warn(entry, error, at(entry), "đã bỏ cả mục này khỏi bản nháp"));
                removals.add(entry);
            }
        }
        // remove list elements from the highest index down, so the lower indices stay right
        removals.stream().distinct().sorted(Comparator.comparing((String p) -> INDEXED.matcher(p).replaceAll("$1"))
                        .thenComparing(p -> -index(p)))
                .forEach(this::remove);
        return true;
    }

    private void remove(String path) {
        Matcher m = INDEXED.matcher(path);
        if (!m.matches() || !(at(m.group(1)) instanceof ArrayNode list)) {
            return;
        }
        int k = Integer.parseInt(m.group(2));
        if (k >= list.size()) {
            return;
        }
        list.remove(k);
        String listPath = m.group(1);
        fields.replaceAll(f -> f.field() == null ? f : new ExtractedField(shift(f.field(), listPath, k), f.value(), f.fromLine(),
                f.toLine(), f.confidence(), f.source()));
        fields.removeIf(f -> f.field() == null);
        warnings.replaceAll(w -> w.field() == null || dropped.contains(w) || shift(w.field(), listPath, k) == null ? w
                : new ImportWarning(shift(w.field(), listPath, k), w.fromLine(), w.toLine(), w.message(), w.text()));
        proposedUnits.replaceAll(u -> new ProposedUnit(u.name(), u.suggestedParentId(), u.suggestedUnitId(),
                u.usedAt() == null ? null : u.usedAt().stream().map(p -> shift(p, listPath, k)).filter(java.util.Objects::nonNull).toList()));
    }

    /** The path once element k of listPath is gone: null when it was in that element, one index lower after it. */
    static String shift(String path, String listPath, int k) {
        String prefix = listPath + "[";
        if (path == null || !path.startsWith(prefix)) {
            return path;
        }
        int close = path.indexOf(']', prefix.length());
        if (close < 0) {
            return path;
        }
        int i;
        try {
            i = Integer.parseInt(path.substring(prefix.length(), close));
        } catch (NumberFormatException e) {
            return path;
        }
        if (i < k) {
            return path;
        }
        return i == k ? null : prefix + (i - 1) + path.substring(close);
    }

    private ImportWarning warn(String path, FieldError error, JsonNode value, String what) {
        ExtractedField source = sourceOf(path);
        ImportWarning warning = new ImportWarning(path, source == null ? null : source.fromLine(), source == null ? null : source.toLine(),
                "[" + error.rule() + "] " + reason(error) + "; " + what + ", vui lòng kiểm tra và nhập lại.", text(value, source));
        warnings.add(warning);
        return warning;
    }

    private static String reason(FieldError error) {
        return switch (error.rule()) {
            case "unknown-unit" -> "Đơn vị không có trong danh mục đơn vị";
            case "retired-unit" -> "Đơn vị đã ngừng hoạt động";
            case "outside-issuing-unit" -> "Đơn vị không thuộc đơn vị ban hành";
            case "plan-year" -> "Ngày không thuộc năm của kế hoạch";
            case "after-start" -> "Giờ kết thúc không sau giờ bắt đầu";
            case "required", "not-null", "not-blank" -> "Thiếu thông tin bắt buộc";
            case "unique" -> "Mã mục bị trùng";
            case "unknown-plan" -> "Kế hoạch căn cứ không có trong hệ thống";
            case "size", "max", "min", "pattern" -> "Giá trị không đúng quy định (" + error.message() + ")";
            default -> "Giá trị không hợp lệ (" + error.message() + ")";
        };
    }

    /** The extracted field that is the path, or the nearest one above it (the entry it belongs to). */
    private ExtractedField sourceOf(String path) {
        for (String p = path; p != null; p = up(p)) {
            String key = p;
            for (ExtractedField f : fields) {
                if (key.equals(f.field())) {
                    return f;
                }
            }
        }
        return null;
    }

    private String text(JsonNode value, ExtractedField source) {
        if (value != null && value.isString()) {
            return value.asString();
        }
        if (value instanceof ObjectNode o) {
            for (String name : List.of("title", "description", "name", "text")) {
                if (o.get(name) != null && o.get(name).isString()) {
                    return o.get(name).asString();
                }
            }
        }
        if (source != null && source.source() != null) {
            return source.source();
        }
        String s = value == null ? null : json.writeValueAsString(value);
        return s == null || s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }

    JsonNode at(String path) {
        JsonNode node = tree;
        Matcher m = SEGMENT.matcher(path);
        while (m.find() && node != null) {
            node = m.group(1) != null ? node.get(m.group(1)) : node.get(Integer.parseInt(m.group(2)));
        }
        return node;
    }

    private JsonNode parentOf(String path) {
        String up = up(path);
        return up == null ? tree : at(up);
    }

    /** The path one level up: {@code a.b[2].c} → {@code a.b[2]} → {@code a.b}; null at the top. */
    static String up(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? null : path.substring(0, cut);
    }

    private static String last(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** The outermost list element holding the path ({@code tasks[2]} for {@code tasks[2].timeFrame.month}), or null. */
    static String entryOf(String path) {
        int bracket = path.indexOf('[');
        if (bracket < 0) {
            return null;
        }
        int close = path.indexOf(']', bracket);
        return close < 0 ? null : path.substring(0, close + 1);
    }

    private static int index(String path) {
        Matcher m = INDEXED.matcher(path);
        return m.matches() ? Integer.parseInt(m.group(2)) : -1;
    }
}
