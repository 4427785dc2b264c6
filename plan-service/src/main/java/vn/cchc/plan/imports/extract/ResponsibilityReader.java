package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.plans.Duty;
import vn.cchc.plan.plans.Responsibility;
import vn.cchc.plan.plans.UnitRef;

/**
 * "Tổ chức thực hiện": a numbered heading per unit ("2. Phòng Văn hóa - Xã hội phường", "Đề nghị …" → requested)
 * followed by lettered duties, or by paragraphs (one duty each); or the unit and its duty on one line
 * ("2. Trung tâm Tin học và Công báo thực hiện …"), the name ending where the verb starts.
 */
final class ResponsibilityReader {
    private static final Pattern VERB = Pattern.compile("\\s(thuc hien|chu tri|trien khai|theo doi|co trach nhiem|phoi hop|tham muu|xay dung|to chuc|cung cap|huong dan|chi dao|dam bao|bao cao|la co quan|la don vi|can cu|chu dong|tang cuong|duy tri|tiep tuc|dua|cap nhat|phan cong|kiem tra|lam dau moi|giup)\\b");

    record Section(Responsibility responsibility, Line heading, List<Line> lines) {
    }

    private ResponsibilityReader() {
    }

    static List<Section> read(DocumentLayout layout, Findings out) {
        List<Section> sections = new ArrayList<>();
        String name = null;
        boolean requested = false;
        Line heading = null;
        List<Duty> duties = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < layout.lines.size(); i++) {
            if (layout.parts[i] != DocumentLayout.Part.ORGANISATION) {
                continue;
            }
            Line l = layout.lines.get(i);
            Labels.Label label = Labels.of(l.text());
            if (label.type() == Labels.Type.ARABIC) {
                if (name != null) {
                    sections.add(build(sections.size(), name, requested, heading, duties, lines, out));
                }
                duties = new ArrayList<>();
                lines = new ArrayList<>();
                heading = l;
                lines.add(l);
                String rest = label.rest();
                String f = Fold.fold(rest);
                requested = f.startsWith("de nghi");
                String head = rest;
                java.util.regex.Matcher lead = Pattern.compile("^(de nghi|giao)\\s+").matcher(f);
                if (lead.find()) {
                    head = rest.substring(lead.end());
                }
                String headF = Fold.fold(head);
                int words = head.split("\\s+").length;
                boolean sentence = head.strip().matches(".*[.;]$");
                Matcher vm = VERB.matcher(headF);
                boolean verb = false;
                while (vm.find()) {
                    if (headF.substring(0, vm.start()).strip().split("\\s+").length >= 2) {
                        verb = true;
                        break;
                    }
                }
                boolean isHeading = !sentence && !head.strip().endsWith(":") && (words <= 25 || !verb);
                if (isHeading) {
                    name = head.replaceAll("[:.]+$", "").strip();
                } else {
                    Matcher m = VERB.matcher(headF);
                    int cut = -1;
                    while (m.find()) {
                        if (headF.substring(0, m.start()).strip().split("\\s+").length >= 2) {
                            cut = m.start();
                            break;
                        }
                    }
                    name = cut > 0 ? head.substring(0, cut).strip().replaceAll("[,:]+$", "") : String.join(" ", java.util.Arrays.copyOf(head.split("\\s+"), Math.min(8, head.split("\\s+").length)));
                    duties.add(new Duty(null, null, rest, null));
                }
                continue;
            }
            if (name == null) {
                continue; // text before the first unit: left for the unplaced-text warnings
            }
            lines.add(l);
            if (label.type() == Labels.Type.LETTER) {
                duties.add(new Duty(null, label.label(), label.rest(), null));
            } else if (!duties.isEmpty() && duties.getLast().label() != null) {
                Duty last = duties.removeLast();
                duties.add(new Duty(null, last.label(), last.text() + "\n" + l.text(), null));
            } else {
                duties.add(new Duty(null, null, l.text(), null));
            }
        }
        if (name != null) {
            sections.add(build(sections.size(), name, requested, heading, duties, lines, out));
        }
        return sections;
    }

    private static Section build(int index, String name, boolean requested, Line heading, List<Duty> duties, List<Line> lines, Findings out) {
        String path = "responsibilities[" + index + "]";
        UnitRef unit = out.unit(name, path + ".unit", heading);
        out.field(path + ".unit.name", unit.name(), heading, 0.8);
        out.field(path + ".requested", requested, heading, 0.9);
        for (int d = 0; d < duties.size(); d++) {
            out.field(path + ".duties[" + d + "].text", duties.get(d).text(), lines.isEmpty() ? heading : lines.get(Math.min(d + 1, lines.size() - 1)), 0.8);
        }
        if (duties.isEmpty()) {
            out.warn(path + ".duties", heading, "Không tìm thấy nhiệm vụ của đơn vị \"" + name + "\".");
        }
        return new Section(new Responsibility(null, unit, requested, duties), heading, lines);
    }
}
