package vn.cchc.plan.imports.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cchc.plan.units.Channel;

/** Channels named in a text (folded, OCR-tolerant spellings), in order of first mention. */
final class Channels {
    private static final Map<Channel, Pattern> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put(Channel.NATIONAL_PUBLIC_SERVICE_PORTAL, p("cong dich vu cong quoc gia|cong dvc quoc gia|cong dvcqg"));
        PATTERNS.put(Channel.PROVINCIAL_PORTAL, p("cong (thong tin dien tu|ttdt|thong tin|tt dien tu)( cua)? (tinh|thanh pho)"));
        PATTERNS.put(Channel.WEBSITE, p("trang (thong tin dien tu|ttdt|tt dien tu|thong tin)|cong (thong tin dien tu|ttdt|tt dien tu)(?! (cua )?(tinh|thanh pho))|trang web|website|trang tin"));
        PATTERNS.put(Channel.RADIO, p("dai truyen thanh|he thong truyen thanh|(?<!loa )truyen thanh|phat thanh|dai phat thanh"));
        PATTERNS.put(Channel.ZALO_OA, p("za ?lo\\b"));
        PATTERNS.put(Channel.FACEBOOK, p("facebook|fanpage|face book"));
        PATTERNS.put(Channel.YOUTUBE, p("youtube|you tube"));
        PATTERNS.put(Channel.ELECTRONIC_BOARD, p("bang tin|bang dien tu|man hinh (led|dien tu)|bang led"));
        PATTERNS.put(Channel.TELEVISION, p("truyen hinh"));
        PATTERNS.put(Channel.PRESS, p("(?<!phat thanh, )\\bbao chi\\b|\\bbao (in|dien tu|va)\\b|\\bbao [a-z]+ [a-z]+ (tinh|thanh pho)|co quan thong tan"));
        PATTERNS.put(Channel.LOUDSPEAKER, p("\\bloa\\b"));
        PATTERNS.put(Channel.BANNER, p("bang ron|khau hieu|pano|panô|ap phich|cổ động trực quan|co dong truc quan"));
        PATTERNS.put(Channel.LEAFLET, p("to roi|to gap|so tay"));
        PATTERNS.put(Channel.PRINT, p("an pham|tai lieu in|sach nho"));
        PATTERNS.put(Channel.MEETING, p("hoi nghi|giao ban|hop dinh ky|cuoc hop|toa dam|hoi thao"));
    }

    /** The multi-word alternatives of each pattern without spaces (those free of word boundaries and look-arounds). */
    private static final Map<Channel, Pattern> COMPACT = new LinkedHashMap<>();

    static {
        for (Map.Entry<Channel, Pattern> e : PATTERNS.entrySet()) {
            List<String> alts = new ArrayList<>();
            for (String alt : e.getValue().pattern().split("\\|(?![^(]*\\))")) {
                if (alt.contains(" ") && !alt.contains("\\b") && !alt.contains("(?")) {
                    alts.add(alt.replace(" ", ""));
                }
            }
            if (!alts.isEmpty()) {
                COMPACT.put(e.getKey(), Pattern.compile(String.join("|", alts)));
            }
        }
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    private Channels() {
    }

    static List<Channel> in(String text) {
        String f = Fold.ocr(Fold.fold(text));
        // OCR splits and merges words ("c uochop", "trangthong tin"): multi-word phrases are also looked for without spaces
        StringBuilder compact = new StringBuilder();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) != ' ') {
                compact.append(f.charAt(i));
                at.add(i);
            }
        }
        TreeMap<Integer, Channel> found = new TreeMap<>();
        for (Map.Entry<Channel, Pattern> e : PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(f);
            if (m.find()) {
                found.putIfAbsent(m.start(), e.getKey());
                continue;
            }
            Pattern loose = COMPACT.get(e.getKey());
            if (loose != null) {
                Matcher c = loose.matcher(compact);
                if (c.find()) {
                    found.putIfAbsent(at.get(c.start()), e.getKey());
                }
            }
        }
        // a provincial portal is not also the unit's website
        List<Channel> out = new ArrayList<>();
        for (Channel c : found.values()) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
