package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.List;
import vn.cchc.plan.plans.Signatory;

/** "Nơi nhận" (one recipient per bullet, "Lưu: VT" included as written) and the signature block (mandates, position, name). */
final class ClosingReader {
    private ClosingReader() {
    }

    static List<String> recipients(DocumentLayout layout, Findings out) {
        List<String> r = new ArrayList<>();
        for (int i : layout.indexes(DocumentLayout.Part.RECIPIENTS)) {
            Line l = layout.lines.get(i);
            Labels.Label label = Labels.of(l.text());
            String t = label.type() == Labels.Type.BULLET ? label.rest() : l.text().replaceFirst("(?i)^\\s*\\S+\\s+\\S+\\s*:\\s*", "");
            if (label.type() != Labels.Type.BULLET && Fold.key(l.text()).matches("^n[a-z]i nh[a-z]n$")) {
                continue;
            }
            t = t.replaceAll("[;,]\\s*$", "").strip();
            if (!t.isEmpty()) {
                out.field("recipients[" + r.size() + "]", t, l, 0.9);
                r.add(t);
            }
        }
        return r;
    }

    static Signatory signatory(DocumentLayout layout, Findings out) {
        List<String> mandates = new ArrayList<>();
        String position = null;
        String name = null;
        Line first = null;
        Line last = null;
        for (int i : layout.indexes(DocumentLayout.Part.SIGNATURE)) {
            Line l = layout.lines.get(i);
            String t = l.text().strip();
            String k = Fold.key(t);
            if (k.matches("^(tm|kt|tl|tuq|q|thua lenh|thua uy quyen)\\b.*") && Labels.upperish(t)) {
                // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" joined on one line: the position follows the mandate
                String rest = null;
                String up = t;
                int second = secondTitle(up);
                if (second > 0) {
                    rest = up.substring(second).strip();
                    up = up.substring(0, second).strip();
                }
                mandates.add(up);
                if (rest != null) {
                    position = rest;
                }
                first = first == null ? l : first;
                last = l;
                continue;
            }
            if (Labels.upperish(t) && position == null && name == null && t.split("\\s+").length <= 8) {
                position = t;
                first = first == null ? l : first;
                last = l;
                continue;
            }
            if (name == null && !Labels.upperish(t) && t.matches("^(\\p{Lu}\\p{L}*\\s+){1,5}\\p{Lu}\\p{L}*$")) {
                name = t;
                last = l;
            }
        }
        if (mandates.isEmpty() && position == null && name == null) {
            out.warn("signatory", null, "Không tìm thấy khối chữ ký (chức vụ, họ tên người ký).");
            return null;
        }
        Signatory s = new Signatory(null, position, name, mandates);
        out.field("signatory.mandates", mandates, first, 0.8);
        out.field("signatory.position", position, first, 0.8);
        out.field("signatory.name", name, last, 0.8);
        if (name == null) {
            out.warn("signatory.name", last, "Không tìm thấy họ tên người ký.");
        }
        return s;
    }

    /** Where a second title starts on a joined mandate line ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH" → at "PHÓ"). */
    private static int secondTitle(String t) {
        String f = Fold.fold(t);
        String[] heads = {" pho chu tich", " pho chanh van phong", " pho giam doc", " pho truong", " pho bi thu", " chu tich", " giam doc", " truong phong", " chanh van phong"};
        int firstSpace = f.indexOf(' ');
        int best = -1;
        for (String h : heads) {
            int at = f.indexOf(h, Math.max(0, firstSpace));
            // the mandate's own title comes first; a repeated / deputy title after it is the position
            while (at > 0) {
                String before = f.substring(0, at);
                if (before.matches("^(tm|kt|tl|tuq|q)\\.?\\s+\\S.*")) {
                    if (best < 0 || at < best) {
                        best = at;
                    }
                    break;
                }
                at = f.indexOf(h, at + 1);
            }
        }
        // only when the line holds two titles: "KT. CHỦ TỊCH" alone has none after its own
        if (best > 0) {
            String mandateTitle = f.substring(f.indexOf(' ') + 1, best).strip();
            if (mandateTitle.isEmpty()) {
                return -1;
            }
        }
        return best + 1 > 0 ? best + 1 : -1;
    }
}
