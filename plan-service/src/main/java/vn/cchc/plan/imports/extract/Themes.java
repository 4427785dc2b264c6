package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The usual themes a plan names (PAR INDEX, SIPAS, PAPI, PCI, DTI, online public services, digital government…). */
final class Themes {
    private static final Map<Pattern, String> THEMES = new LinkedHashMap<>();

    static {
        theme("par index", "PAR INDEX");
        theme("sipas", "SIPAS");
        theme("papi", "PAPI");
        theme("(?<![a-z])pci(?![a-z])", "PCI");
        theme("(?<![a-z])dti(?![a-z])", "DTI");
        theme("dich vu cong truc tuyen", "Dịch vụ công trực tuyến");
        theme("chuyen doi so", "Chuyển đổi số");
        theme("chinh quyen so", "Chính quyền số");
        theme("chinh quyen dien tu", "Chính quyền điện tử");
        theme("mot cua", "Một cửa, một cửa liên thông");
        theme("iso 9001", "ISO 9001");
        theme("de an 06", "Đề án 06");
        theme("van hoa cong vu", "Văn hóa công vụ");
    }

    private Themes() {
    }

    /** Patterns are compiled once, not for every document. */
    private static void theme(String foldedPattern, String name) {
        THEMES.put(Pattern.compile(foldedPattern), name);
    }

    static List<String> in(List<Line> lines) {
        StringBuilder all = new StringBuilder();
        for (Line l : lines) {
            all.append(' ').append(Fold.fold(l.text()));
        }
        String f = all.toString();
        List<String> out = new ArrayList<>();
        for (Map.Entry<Pattern, String> e : THEMES.entrySet()) {
            if (e.getKey().matcher(f).find()) {
                out.add(e.getValue());
            }
        }
        return out;
    }
}
