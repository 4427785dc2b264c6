package vn.cchc.plan.imports.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.LegalBasis;
import vn.cchc.plan.plans.LegalDocumentKind;

/**
 * Legal bases from the "Thực hiện …" / "Căn cứ …" paragraphs: each document named there (kind word, "số" number,
 * date in either form, "của" issuer, "về …" title), split where a new kind word starts a document.
 */
final class LegalBasisReader {
    private static final String KINDS = "nghi quyet|chi thi|quyet dinh|ke hoach|cong van|luat|nghi dinh|thong tu|thong bao|huong dan|chuong trinh|de an";
    // OCR merges the kind's words ("kehoach"): a space between them may be missing
    private static final Pattern DOC = Pattern.compile("(?<![a-z])(" + KINDS.replace(" ", " ?") + ")(?:\\s+lien tich)?(?:\\s*(?:so|s[a-z0])\\s*[:.]?\\s*([0-9a-z|!]{1,6}(?:\\s*/\\s*[0-9a-z|!]{1,6})?\\s*/\\s*[a-z0-9đ]{1,6}(?:\\s*-\\s*[a-z0-9]{1,10}){0,3})|\\s+(?=[a-z]))");
    private static final Pattern ISSUER = Pattern.compile("\\bcua\\s+(.+?)(?=\\s+(?:ve|ban hanh|quy dinh|phe duyet|huong dan)\\b|\\s*[,;(]|$)");
    private static final Pattern ABOUT = Pattern.compile("\\b(ve viec|ve)\\s+(.+)$");
    private static final Pattern STOP = Pattern.compile("[,;]\\s*(?=(?:uy ban|ubnd|van phong|phong|so|ban|trung tam|hoi dong)\\b[^,;]*\\b(?:xay dung|ban hanh|trien khai|thuc hien)\\s+(?:ke hoach|van ban))");

    private LegalBasisReader() {
    }

    static boolean isBasisParagraph(String text) {
        String k = Fold.key(text);
        if (k.startsWith("thuc hien ") || k.startsWith("can cu ") || k.startsWith("thi hanh ") || k.startsWith("trien khai ")) {
            return true;
        }
        // OCR splits and merges words: "thuc h ien", "cancu"
        String c = k.substring(0, Math.min(k.length(), 16)).replace(" ", "");
        return c.startsWith("thuchien") || c.startsWith("cancu") && !c.startsWith("cancuoc") || c.startsWith("thihanh") || c.startsWith("trienkhai");
    }

    static List<LegalBasis> read(Line line, Findings out, int offset) {
        List<LegalBasis> bases = new ArrayList<>();
        String text = line.text();
        String f = Fold.fold(text);
        // the paragraph's own sentence ends where the issuer starts speaking: ", Ủy ban nhân dân xã … ban hành Kế hoạch"
        Matcher stop = STOP.matcher(f);
        int end = stop.find() ? stop.start() : f.length();
        List<int[]> starts = new ArrayList<>();
        Matcher m = DOC.matcher(f);
        while (m.find() && m.start() < end) {
            boolean numbered = m.group(2) != null;
            String kind = m.group(1);
            boolean named = kind.equals("luat") || kind.equals("nghi dinh") || kind.equals("thong tu") || kind.equals("nghi quyet") || kind.equals("chi thi");
            // a document starts a basis when numbered, or when it opens a segment ("Căn cứ Luật …", "; Luật …")
            String before = f.substring(Math.max(0, m.start() - 12), m.start());
            boolean opens = m.start() < 14 || before.matches(".*(;|,|\\bva)\\s*$") || before.matches(".*(can cu|thuc hien)\\s*$");
            if (numbered || (named && opens)) {
                starts.add(new int[] {m.start(), m.end(), numbered ? 1 : 0});
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            int s = starts.get(i)[0];
            int e = i + 1 < starts.size() ? starts.get(i + 1)[0] : end;
            String seg = text.substring(s, e);
            String segF = f.substring(s, e);
            // a basis inside another's title ("… ban hành Kế hoạch số …") starts its own only after ";" or a comma
            seg = seg.replaceAll("[\\s,;.]+(và|va)?\\s*$", "");
            segF = segF.substring(0, seg.length());
            Matcher dm = DOC.matcher(segF);
            dm.find();
            LegalDocumentKind kind = kind(dm.group(1));
            String number = null;
            if (dm.group(2) != null) {
                String raw = seg.substring(dm.start(2), dm.end(2)).replaceAll("\\s+", "");
                number = repairNumber(raw);
            }
            String rest = seg.substring(dm.end());
            String restF = segF.substring(dm.end());
            VnDates.Found date = VnDates.first(rest);
            LocalDate d = date == null ? null : date.date();
            String afterDate = date == null ? rest : rest.substring(date.end());
            String afterDateF = date == null ? restF : restF.substring(date.end());
            String issuer = null;
            Matcher im = ISSUER.matcher(afterDateF);
            int titleFrom = 0;
            if (im.find() && im.start() < 6) {
                issuer = Fold.collapse(afterDate.substring(im.start(1), im.end(1)));
                titleFrom = im.end();
            }
            String title = null;
            String tail = afterDate.substring(titleFrom);
            String tailF = afterDateF.substring(titleFrom);
            Matcher am = ABOUT.matcher(tailF);
            if (am.find() && am.start() < 8) {
                title = Fold.collapse(tail.substring(am.start(2)).split(";")[0]).replaceAll("[,;.:]+$", "");
            } else if (number == null) {
                // "Luật Tổ chức chính quyền địa phương ngày …": the name is the title
                String name = seg.substring(dm.start(1), date == null ? seg.length() : dm.end() + date.start());
                title = Fold.collapse(name).replaceAll("[,;.]+$", "");
            } else if (!Fold.collapse(tail).isEmpty() && Fold.key(tail).split(" ").length >= 3) {
                title = Fold.collapse(tail).replaceAll("^[,;:\\s]+|[,;.]+$", "");
            }
            LegalBasis b = new LegalBasis(kind, number, d, issuer, title, null, Fold.collapse(seg));
            String path = "legalBases[" + (offset + bases.size()) + "]";
            double conf = number != null && d != null ? 0.9 : 0.6;
            out.field(path + ".kind", kind.name(), line, conf);
            out.field(path + ".number", number, line, conf);
            out.field(path + ".date", d == null ? null : d.toString(), line, conf);
            out.field(path + ".issuer", issuer, line, 0.7);
            out.field(path + ".title", title, line, 0.6);
            if (d == null) {
                out.warn(path + ".date", line, "Không đọc được ngày ban hành của văn bản căn cứ.");
            }
            bases.add(b);
        }
        return bases;
    }

    /** "l25/KH-UBND" → "125/KH-UBND": digits repaired, the document code upper-cased as written. */
    static String repairNumber(String raw) {
        String[] parts = raw.split("/");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i > 0) {
                b.append('/');
            }
            if (i == 0 || (i == 1 && parts.length > 2 && p.matches("[0-9lIoO|!]{4}"))) {
                b.append(Fold.digits(p));
            } else {
                b.append(p.toUpperCase().replace('0', 'O'));
            }
        }
        String s = b.toString();
        // QĐ, NĐ keep their Đ; OCR without accents gives QD / ND
        return s;
    }

    static LegalDocumentKind kind(String found) {
        String folded = found;
        for (String k : KINDS.split("\\|")) {
            if (k.replace(" ", "").equals(found.replace(" ", ""))) {
                folded = k;
            }
        }
        return switch (folded) {
            case "nghi quyet" -> LegalDocumentKind.RESOLUTION;
            case "chi thi" -> LegalDocumentKind.DIRECTIVE;
            case "quyet dinh" -> LegalDocumentKind.DECISION;
            case "ke hoach" -> LegalDocumentKind.PLAN;
            case "cong van" -> LegalDocumentKind.OFFICIAL_LETTER;
            case "luat" -> LegalDocumentKind.LAW;
            case "nghi dinh" -> LegalDocumentKind.DECREE;
            case "thong tu" -> LegalDocumentKind.CIRCULAR;
            default -> LegalDocumentKind.OTHER;
        };
    }
}
