package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the logical lines into the parts of a plan: header (before the title), title, introduction (legal bases),
 * the numbered sections (recognised by their wording, not their numbers, which plans get wrong: "II." twice), the
 * closing paragraph, "Nơi nhận", the signature block and the appendix (tables and their captions).
 */
final class DocumentLayout {
    enum Part { HEADER, TITLE, INTRO, PURPOSES, REQUIREMENTS, AUDIENCES, CONTENTS, FORMS, TASKS, BUDGET, ORGANISATION, TARGETS,
        REPORTING, OTHER, HEADING, CLOSING, RECIPIENTS, SIGNATURE, APPENDIX, TABLE }

    enum Top { PURPOSE_REQ, CONTENT, TASKS, BUDGET, ORGANISATION, TARGETS, REPORTING, OTHER }

    final List<Line> lines;
    final Part[] parts;
    /** For section lines: the top section they sit in. */
    final Top[] tops;
    int titleLine = -1;
    final List<Integer> titleLines = new ArrayList<>();

    private DocumentLayout(List<Line> lines) {
        this.lines = lines;
        this.parts = new Part[lines.size()];
        this.tops = new Top[lines.size()];
    }

    static DocumentLayout of(List<Line> lines) {
        DocumentLayout l = new DocumentLayout(lines);
        l.split();
        return l;
    }

    List<Integer> indexes(Part p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == p) {
                out.add(i);
            }
        }
        return out;
    }

    private void split() {
        int n = lines.size();
        // title: the "KẾ HOẠCH" line
        int kh = -1;
        for (int i = 0; i < Math.min(n, 40); i++) {
            Line l = lines.get(i);
            if (l.isRow()) {
                continue;
            }
            String k = Fold.key(l.text());
            if (k.length() <= 12 && Fold.similarity(k, "ke hoach") >= 0.75) {
                kh = i;
                break;
            }
            if (k.startsWith("ke hoach ") && Labels.upperish(l.text().substring(0, Math.min(8, l.text().length())))
                    && !k.contains(" so ")) {
                kh = i;
                titleLines.add(i);
                break;
            }
        }
        int introStart = -1;
        int start = Math.max(0, kh);
        for (int i = start; i < n; i++) {
            Line l = lines.get(i);
            if (l.isRow()) {
                continue;
            }
            String f = Fold.key(l.text());
            if (i > kh && (LegalBasisReader.isBasisParagraph(l.text())
                    || f.startsWith("nham ") || Labels.of(l.text()).type() == Labels.Type.ROMAN)) {
                introStart = i;
                break;
            }
        }
        if (introStart < 0) {
            introStart = Math.min(n, kh + 2);
        }
        for (int i = 0; i < introStart; i++) {
            parts[i] = kh >= 0 && i > kh ? Part.TITLE : Part.HEADER;
            if (parts[i] == Part.TITLE) {
                titleLines.add(i);
            }
        }
        if (kh >= 0) {
            parts[kh] = titleLines.contains(kh) ? Part.TITLE : Part.HEADER;
            titleLine = kh;
        }
        // closing, recipients, signature, appendix
        int closing = n;
        for (int i = introStart; i < n; i++) {
            Line l = lines.get(i);
            String f = Fold.key(l.text());
            if (!l.isRow() && (f.startsWith("tren day la") || f.startsWith("noi nhan") || f.matches("^n[a-z]i nh[a-z]n.*"))) {
                closing = i;
                break;
            }
        }
        Top top = null;
        Part sub = Part.INTRO;
        for (int i = introStart; i < closing; i++) {
            Line l = lines.get(i);
            if (l.isRow()) {
                parts[i] = Part.TABLE;
                continue;
            }
            Labels.Label label = Labels.of(l.text());
            if (label.type() == Labels.Type.ROMAN) {
                top = top(label.rest());
                sub = defaultPart(top, label.rest());
                parts[i] = Part.HEADING;
                tops[i] = top;
                continue;
            }
            if (top == Top.PURPOSE_REQ || top == Top.CONTENT || top == null) {
                String rest = label.type() == Labels.Type.ARABIC ? label.rest() : l.text();
                boolean short_ = rest.split("\\s+").length <= 14 && !rest.endsWith(".") && !rest.endsWith(";");
                if ((label.type() == Labels.Type.ARABIC || (label.type() == Labels.Type.NONE && rest.split("\\s+").length <= 5)) && short_) {
                    Part p = subPart(rest);
                    if (p != null) {
                        if (top == null) {
                            top = p == Part.PURPOSES || p == Part.REQUIREMENTS ? Top.PURPOSE_REQ : Top.CONTENT;
                        }
                        sub = p;
                        parts[i] = Part.HEADING;
                        tops[i] = top;
                        continue;
                    }
                    if (top == Top.CONTENT && label.type() == Labels.Type.ARABIC) {
                        sub = Part.CONTENTS;
                        parts[i] = Part.CONTENTS; // a content heading is itself a content item
                        tops[i] = top;
                        continue;
                    }
                }
            }
            parts[i] = top == null ? Part.INTRO : sub;
            tops[i] = top;
        }
        // closing paragraph(s) and recipients
        int i = closing;
        boolean signed = false;
        while (i < n && !lines.get(i).isRow() && !Fold.key(lines.get(i).text()).matches("^n[a-z]i nh[a-z]n.*")) {
            // the signature block may come before "Nơi nhận" (OCR reads the right column first)
            signed = signed || signatureStart(lines.get(i).text());
            parts[i++] = signed ? Part.SIGNATURE : Part.CLOSING;
        }
        if (i < n && Fold.key(lines.get(i).text()).matches("^n[a-z]i nh[a-z]n.*")) {
            parts[i++] = Part.RECIPIENTS;
            while (i < n && !lines.get(i).isRow() && Labels.of(lines.get(i).text()).type() == Labels.Type.BULLET) {
                parts[i++] = Part.RECIPIENTS;
            }
        }
        // signature until the appendix (a caption or a table)
        while (i < n) {
            Line l = lines.get(i);
            if (l.isRow() || appendixCaption(l)) {
                break;
            }
            parts[i++] = Part.SIGNATURE;
        }
        for (; i < n; i++) {
            parts[i] = lines.get(i).isRow() ? Part.TABLE : Part.APPENDIX;
        }
        for (int k = 0; k < n; k++) {
            if (parts[k] == null) {
                parts[k] = lines.get(k).isRow() ? Part.TABLE : Part.OTHER;
            }
        }
    }

    /** A signature block's first line: a mandate ("TM.", "KT.") or a position in capitals ("TRƯỞNG PHÒNG", "CHỦ TỊCH"). */
    static boolean signatureStart(String text) {
        String k = Fold.key(text);
        if (!Labels.upperish(text)) {
            return false;
        }
        return k.matches("^(tm|kt|tl|tuq|q)\\b.*")
                || (k.split(" ").length <= 6 && k.matches("^(pho )?(chu tich|truong [a-z ]+|giam doc|chanh van phong|bi thu|thu truong|cuc truong|vu truong)$"));
    }

    static boolean appendixCaption(Line l) {
        String f = Fold.key(l.text());
        return (Labels.upperish(l.text()) && f.matches("^(danh muc|bieu|phu luc|lich|bang|ke hoach chi tiet|noi dung chi tiet).*"))
                || f.matches("^\\(?\\s*(ban hanh )?kem theo.*");
    }

    static Top top(String heading) {
        String k = Fold.key(heading);
        if (Fold.fuzzyContains(k, "to chuc thuc hien", 0.8)) {
            return Top.ORGANISATION;
        }
        if (Fold.fuzzyContains(k, "kinh phi", 0.8)) {
            return Top.BUDGET;
        }
        if (Fold.fuzzyContains(k, "muc dich", 0.75) || Fold.fuzzyContains(k, "yeu cau", 0.75)) {
            return Top.PURPOSE_REQ;
        }
        if (Fold.fuzzyContains(k, "chi tieu", 0.8)) {
            return Top.TARGETS;
        }
        if (Fold.fuzzyContains(k, "doi tuong", 0.8) || Fold.fuzzyContains(k, "noi dung", 0.8) || Fold.fuzzyContains(k, "hinh thuc", 0.8)) {
            return Top.CONTENT;
        }
        if (Fold.fuzzyContains(k, "nhiem vu", 0.8) || Fold.fuzzyContains(k, "giai phap", 0.8)) {
            return Top.TASKS;
        }
        if (Fold.fuzzyContains(k, "bao cao", 0.8)) {
            return Top.REPORTING;
        }
        return Top.OTHER;
    }

    private static Part defaultPart(Top top, String heading) {
        return switch (top) {
            case PURPOSE_REQ -> Fold.fuzzyContains(heading, "muc dich", 0.75) || !Fold.fuzzyContains(heading, "yeu cau", 0.75)
                    ? Part.PURPOSES : Part.REQUIREMENTS;
            case CONTENT -> {
                Part p = subPart(heading);
                yield p == null ? Part.CONTENTS : p;
            }
            case TASKS -> Part.TASKS;
            case BUDGET -> Part.BUDGET;
            case ORGANISATION -> Part.ORGANISATION;
            case TARGETS -> Part.TARGETS;
            case REPORTING -> Part.REPORTING;
            case OTHER -> Part.OTHER;
        };
    }

    /** A sub-heading's part: "Mục đích", "Yêu cầu", "Đối tượng", "Nội dung", "Hình thức"; null for others. */
    static Part subPart(String heading) {
        String k = Fold.key(heading);
        boolean dt = Fold.fuzzyContains(k, "doi tuong", 0.8);
        boolean nd = Fold.fuzzyContains(k, "noi dung", 0.8);
        boolean ht = Fold.fuzzyContains(k, "hinh thuc", 0.8);
        int count = (dt ? 1 : 0) + (nd ? 1 : 0) + (ht ? 1 : 0);
        if (k.startsWith("muc dich") || Fold.similarity(k, "muc dich") >= 0.75) {
            return Part.PURPOSES;
        }
        if (k.startsWith("yeu cau") || Fold.similarity(k, "yeu cau") >= 0.75) {
            return Part.REQUIREMENTS;
        }
        if (count == 1 || (count > 1 && k.split(" ").length <= 3)) {
            if (dt && k.indexOf("doi tuong") <= 2) {
                return Part.AUDIENCES;
            }
            if (ht && (k.startsWith("hinh thuc") || !nd)) {
                return Part.FORMS;
            }
            if (nd && k.split(" ").length <= 6) {
                return Part.CONTENTS;
            }
            if (dt) {
                return Part.AUDIENCES;
            }
        }
        return null;
    }

    Map<Part, List<Integer>> byPart() {
        Map<Part, List<Integer>> m = new EnumMap<>(Part.class);
        for (int i = 0; i < parts.length; i++) {
            m.computeIfAbsent(parts[i], k -> new ArrayList<>()).add(i);
        }
        return m;
    }
}
