package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The usual themes a plan names (PAR INDEX, SIPAS, PAPI, PCI, DTI, online public services, digital government…). */
final class Themes {
    private static final Map<String, String> THEMES = new LinkedHashMap<>();

    static {
        THEMES.put("par index", "PAR INDEX");
        THEMES.put("sipas", "SIPAS");
        THEMES.put("papi", "PAPI");
        THEMES.put("(?<![a-z])pci(?![a-z])", "PCI");
        THEMES.put("(?<![a-z])dti(?![a-z])", "DTI");
        THEMES.put("dich vu cong truc tuyen", "Dịch vụ công trực tuyến");
        THEMES.put("chuyen doi so", "Chuyển đổi số");
        THEMES.put("chinh quyen so", "Chính quyền số");
        THEMES.put("chinh quyen dien tu", "Chính quyền điện tử");
        THEMES.put("mot cua", "Một cửa, một cửa liên thông");
        THEMES.put("iso 9001", "ISO 9001");
        THEMES.put("de an 06", "Đề án 06");
        THEMES.put("van hoa cong vu", "Văn hóa công vụ");
    }

    private Themes() {
    }

    static List<String> in(List<Line> lines) {
        StringBuilder all = new StringBuilder();
        for (Line l : lines) {
            all.append(' ').append(Fold.fold(l.text()));
        }
        String f = all.toString();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : THEMES.entrySet()) {
            if (java.util.regex.Pattern.compile(e.getKey()).matcher(f).find()) {
                out.add(e.getValue());
            }
        }
        return out;
    }
}
