package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matches unit names as a plan writes them against the directory: accent- and case-insensitive, through the usual
 * abbreviations (UBND, HĐND, VH-XH, TTPVHCC, MTTQ…), ignoring the commune suffix ("… phường Phú Khương",
 * "… xã"), with a string-distance fallback above a threshold. Units in the issuing unit's subtree are preferred.
 * "Ủy ban nhân dân phường", "UBND tỉnh" without a name resolve to the issuing unit's own level, if any.
 */
final class UnitMatcher {
    static final double THRESHOLD = 0.88;
    private static final Set<String> AREA_KINDS = Set.of("PROVINCE", "COMMUNE", "WARD", "SPECIAL_ZONE");
    private static final String LEVEL = "(?:phuong|xa|thi tran|dac khu|tinh|thanh pho|huyen|quan|thi xa)";
    private static final Pattern GROUP = Pattern.compile("(^| )(cac|nhung|toan the|moi)( |$)|co quan don vi|don vi lien quan|^lanh dao ");
    private static final Pattern HIGHER = Pattern.compile("^(so|bo|ban chi dao|chinh phu|thu tuong|tinh uy|thanh uy|quoc hoi)( |$)|( |^)(tinh|thanh pho|trung uong|quoc gia)( |$)");
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("ubnd", "uy ban nhan dan"), Map.entry("hdnd", "hoi dong nhan dan"),
            Map.entry("ubmttqvn", "uy ban mat tran to quoc viet nam"), Map.entry("ubmttq", "uy ban mat tran to quoc"),
            Map.entry("mttqvn", "mat tran to quoc viet nam"), Map.entry("mttq", "mat tran to quoc"),
            Map.entry("vhxh", "van hoa xa hoi"), Map.entry("vh xh", "van hoa xa hoi"),
            Map.entry("ttpvhcc", "trung tam phuc vu hanh chinh cong"), Map.entry("ttpvhc", "trung tam phuc vu hanh chinh cong"),
            Map.entry("ttphvhc", "trung tam phuc vu hanh chinh cong"),
            Map.entry("ttdvsnc", "trung tam dich vu su nghiep cong"), Map.entry("ttdvth", "trung tam dich vu tong hop"),
            Map.entry("vp", "van phong"), Map.entry("hc qt", "hanh chinh quan tri"), Map.entry("hcqt", "hanh chinh quan tri"),
            Map.entry("cntt", "cong nghe thong tin"), Map.entry("ttdt", "thong tin dien tu"), Map.entry("tn", "thanh nien"),
            Map.entry("kt", "kinh te"), Map.entry("ct", "chu tich"), Map.entry("pct", "pho chu tich"));

    record Match(KnownUnit unit, double score) {
    }

    private final List<KnownUnit> units;
    private final List<String> localities = new ArrayList<>();
    private String context;

    UnitMatcher(List<KnownUnit> directory) {
        this.units = directory == null ? List.of() : List.copyOf(directory);
        Set<String> locs = new LinkedHashSet<>();
        for (KnownUnit u : units) {
            if (isArea(u)) {
                String k = expand(Fold.key(u.name())).replaceFirst("^" + LEVEL + " ", "");
                if (!k.isBlank()) {
                    locs.add(k);
                }
            }
        }
        localities.addAll(locs);
        localities.sort(Comparator.comparingInt(String::length).reversed());
    }

    void context(String issuingUnitId) {
        this.context = issuingUnitId;
    }

    String context() {
        return context;
    }

    KnownUnit byId(String id) {
        return units.stream().filter(u -> u.unitId().equals(id)).findFirst().orElse(null);
    }

    static String expand(String key) {
        String s = " " + key + " ";
        s = s.replace(" vh xh ", " vhxh ").replace(" hc qt ", " hcqt ");
        for (Map.Entry<String, String> e : ABBREVIATIONS.entrySet()) {
            s = s.replace(" " + e.getKey() + " ", " " + e.getValue() + " ");
        }
        return Fold.collapse(s);
    }

    /** The name without its locality suffix ("… phường Phú Khương", "… xã") and without "Việt Nam". */
    String core(String name) {
        String s = expand(Fold.key(name));
        s = s.replaceAll(" viet nam( |$)", "$1").strip();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String loc : localities) {
                String suffix = " " + loc;
                if (s.endsWith(suffix) && s.length() > suffix.length()) {
                    s = s.substring(0, s.length() - suffix.length()).strip();
                    changed = true;
                }
            }
            String t = s.replaceFirst(" " + LEVEL + "$", "");
            if (!t.equals(s) && !t.isBlank()) {
                s = t;
                changed = true;
            }
        }
        return s;
    }

    static boolean isGroup(String name) {
        return GROUP.matcher(Fold.key(name)).find();
    }

    static boolean isHigherLevel(String name) {
        return HIGHER.matcher(expand(Fold.key(name))).find();
    }

    /** The best unit for a name, or null under the threshold. */
    Match match(String name) {
        if (name == null || name.isBlank() || units.isEmpty()) {
            return null;
        }
        String key = expand(Fold.key(name));
        Match area = matchArea(key);
        if (area != null) {
            return area;
        }
        Match own = ownKind(key);
        if (own != null) {
            return own;
        }
        String core = core(name);
        if (core.length() < 4) {
            return null;
        }
        Match best = null;
        for (KnownUnit u : units) {
            if (isArea(u)) {
                continue;
            }
            String uc = core(u.name());
            double score = uc.equals(core) ? 1.0 : Fold.similarity(uc, core);
            if (score < THRESHOLD) {
                continue;
            }
            boolean inContext = context != null && (u.unitId().equals(context) || u.unitId().startsWith(context + "."));
            String parent = parentOf(u.unitId());
            // a unit of the issuer's own line: its parent is the issuing unit or one of its ancestors (siblings, higher bodies)
            boolean onLine = context != null && !inContext && parent != null && (context.equals(parent) || context.startsWith(parent + "."));
            if (context != null && !inContext && !onLine) {
                // another commune's / district's unit: only when the name says which ("… xã Tiên Minh")
                String loc = localityOf(u);
                if (loc == null || !(" " + key + " ").contains(" " + loc + " ")) {
                    continue;
                }
            }
            double rank = score + (inContext ? 0.2 : onLine ? 0.1 : 0) + 0.01 * commonDepth(u.unitId(), context);
            if (best == null || rank > best.score()) {
                best = new Match(u, rank);
            }
        }
        if (best == null) {
            return shortened(core);
        }
        return new Match(best.unit(), Math.min(1.0, best.score() > 1 ? best.score() - 0.2 : best.score()));
    }

    /**
     * "Sở" alone ("báo cáo về Sở (qua Phòng …)"): the issuing body's own kind names the nearest unit at or above the
     * context of that kind.
     */
    private Match ownKind(String key) {
        if (context == null || !key.equals("so")) {
            return null;
        }
        String id = context;
        while (id != null) {
            KnownUnit u = byId(id);
            if (u != null && Fold.key(u.name()).startsWith(key + " ")) {
                return new Match(u, 0.85);
            }
            id = parentOf(id);
        }
        return null;
    }

    /**
     * A shortened name ("Phòng Xây dựng chính quyền" for "Phòng Xây dựng chính quyền và Công tác thanh niên"): the
     * leading words of exactly one unit of the context's subtree.
     */
    private Match shortened(String core) {
        if (context == null || core.split(" ").length < 3) {
            return null;
        }
        KnownUnit found = null;
        for (KnownUnit u : units) {
            if (isArea(u) || !(u.unitId().equals(context) || u.unitId().startsWith(context + "."))) {
                continue;
            }
            if (core(u.name()).startsWith(core + " ")) {
                if (found != null) {
                    return null;
                }
                found = u;
            }
        }
        return found == null ? null : new Match(found, 0.75);
    }

    /** An area: a province, commune, ward…, or a unit of another kind named like one ("Huyện Tư Nghĩa"). */
    static boolean isArea(KnownUnit u) {
        if (u.kind() != null && AREA_KINDS.contains(u.kind())) {
            return true;
        }
        return (u.kind() == null || "OTHER".equals(u.kind())) && Fold.key(u.name()).matches(LEVEL + " .+");
    }

    private static String parentOf(String id) {
        return id.contains(".") ? id.substring(0, id.lastIndexOf('.')) : null;
    }

    private static int commonDepth(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int d = 0;
        while (d < x.length && d < y.length && x[d].equals(y[d])) {
            d++;
        }
        return d;
    }

    /** The locality (folded, without its level word) of the nearest area at or above the unit. */
    private String localityOf(KnownUnit u) {
        String id = u.unitId();
        while (id != null) {
            KnownUnit a = byId(id);
            if (a != null && isArea(a)) {
                return expand(Fold.key(a.name())).replaceFirst("^" + LEVEL + " ", "");
            }
            id = parentOf(id);
        }
        return null;
    }

    /** "Ủy ban nhân dân phường Phú Khương", "Phường Phú Khương", "UBND xã" (the context's own level). */
    private Match matchArea(String key) {
        String s = key.replaceFirst("^uy ban nhan dan ", "");
        boolean ubnd = !s.equals(key);
        if (!s.matches(LEVEL + "( .*)?")) {
            return null;
        }
        String level = s.replaceFirst("^(" + LEVEL + ").*$", "$1");
        String rest = s.substring(level.length()).strip();
        if (rest.isEmpty()) {
            if (!ubnd || context == null) {
                return null;
            }
            // the nearest area at or above the context with that level
            String id = context;
            while (id != null) {
                KnownUnit u = byId(id);
                if (u != null && Fold.key(u.name()).startsWith(level + " ")) {
                    return new Match(u, 0.9);
                }
                id = id.contains(".") ? id.substring(0, id.lastIndexOf('.')) : null;
            }
            return null;
        }
        Match best = null;
        for (KnownUnit u : units) {
            if (!isArea(u)) {
                continue;
            }
            String uk = expand(Fold.key(u.name()));
            double score = uk.equals(s) ? 1.0 : Fold.similarity(uk, s);
            if (score >= THRESHOLD && (best == null || score > best.score())) {
                best = new Match(u, score);
            }
        }
        return best;
    }

    /** The area unit whose name ends with the place ("Phú Khương" → Phường Phú Khương). */
    Match matchPlace(String place) {
        if (place == null || place.isBlank()) {
            return null;
        }
        String p = Fold.key(place);
        Match best = null;
        for (KnownUnit u : units) {
            if (!isArea(u) || "PROVINCE".equals(u.kind())) {
                continue;
            }
            String loc = Fold.key(u.name()).replaceFirst("^" + LEVEL + " ", "");
            double score = loc.equals(p) ? 1.0 : Fold.similarity(loc, p);
            if (score >= 0.9 && (best == null || score > best.score())) {
                best = new Match(u, score * 0.9);
            }
        }
        return best;
    }

    static String slug(String s) {
        String k = Fold.key(s).replace(' ', '-');
        if (k.length() > 40) {
            k = k.substring(0, 40);
            int dash = k.lastIndexOf('-');
            if (dash > 10) {
                k = k.substring(0, dash);
            }
        }
        return k.replaceAll("-+$", "");
    }
}
