package vn.cchc.plan.imports.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.plan.plans.PlanContent;
import vn.cchc.plan.plans.PlanTask;
import vn.cchc.plan.plans.TimeFrame;
import vn.cchc.plan.plans.UnitRef;

/**
 * Compares an extraction with the expected JSON written by hand, field by field: every leaf of the expected JSON is one
 * field (a list of objects adds one field for its length; a list of values one per expected value plus its length).
 * Text compares accent- and case-insensitively, long text (≥ 12 characters) by similarity ≥ 0.85 so OCR variants of a
 * title still count; ids, enums, numbers and dates compare exactly.
 */
final class ExtractionScoring {
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Score(int right, int expected, List<String> misses) {
        double ratio() {
            return expected == 0 ? 1 : (double) right / expected;
        }
    }

    private ExtractionScoring() {
    }

    static String resource(String path) {
        try (InputStream in = ExtractionScoring.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<KnownUnit> directory() {
        List<Map<String, Object>> units = JSON.readValue(resource("/imports/units.json"), List.class);
        List<KnownUnit> out = new ArrayList<>();
        for (Map<String, Object> u : units) {
            String id = (String) u.get("unitId");
            out.add(new KnownUnit(id, id.contains(".") ? id.substring(0, id.lastIndexOf('.')) : null, (String) u.get("name"), (String) u.get("kind")));
        }
        return out;
    }

    static Object expected(String name) {
        String path = "/imports/expected/" + name + ".json";
        if (ExtractionScoring.class.getResource(path) == null) {
            path = "/imports/samples/expected/" + name + ".json";
        }
        return JSON.readValue(resource(path), Object.class);
    }

    /** The extraction in the shape of the expected JSON. */
    static Map<String, Object> project(Extraction e) {
        PlanContent p = e.draft();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuingUnitId", p.issuingUnitId());
        m.put("issuingBody", p.issuingBody());
        m.put("number", p.number());
        m.put("title", p.title());
        m.put("year", p.year());
        m.put("place", p.place());
        if (p.issuedDate() != null) {
            m.put("issuedDate", map("year", p.issuedDate().year(), "month", p.issuedDate().month(), "day", p.issuedDate().day()));
        }
        m.put("legalBases", p.legalBases().stream().map(b -> map("kind", b.kind().name(), "number", b.number(),
                "date", str(b.date()), "issuer", b.issuer(), "title", b.title())).toList());
        m.put("counts", map("purposes", p.purposes().size(), "requirements", p.requirements().size(), "audiences", p.audiences().size(),
                "contents", p.contents().size(), "forms", p.forms().size(), "recipients", p.recipients().size(), "tasks", p.tasks().size(),
                "scheduledItems", p.scheduledItems().size(), "targets", p.targets().size(), "proposedUnits", e.proposedUnits().size()));
        m.put("channels", p.channels().stream().map(Enum::name).toList());
        m.put("targets", p.targets().stream().map(t -> map("minimum", t.minimum(), "period", t.period().name(),
                "channels", t.channels().stream().map(Enum::name).toList(), "kinds", t.kinds().stream().map(Enum::name).toList(),
                "subject", t.subject(), "responsibleUnitId", t.responsible() == null ? null : t.responsible().unitId(),
                "description", t.description())).toList());
        m.put("tasks", p.tasks().stream().map(ExtractionScoring::task).toList());
        m.put("scheduledItems", p.scheduledItems().stream().map(s -> map("date", str(s.date()), "startTime", s.startTime(),
                "endTime", s.endTime(), "title", s.title(), "topic", s.topic(), "presenter", s.presenter(),
                "channel", s.channel().name(), "kind", s.kind().name(), "unitId", s.unitId())).toList());
        m.put("responsibilities", p.responsibilities().stream().map(r -> map("unitId", r.unit().unitId(), "name", r.unit().name(),
                "requested", r.requested(), "labels", r.duties().stream().map(d -> d.label()).toList())).toList());
        m.put("reportingDuties", p.reportingDuties().stream().map(d -> map("periodic", d.periodic(), "onRequest", d.onRequest(),
                "integrated", d.integrated(), "periods", d.periods().stream().map(Enum::name).toList(), "recipient", d.recipient(),
                "deadline", str(d.deadline()), "chain", d.chain().stream().map(ExtractionScoring::ref).toList(),
                "reporterUnitId", d.reporter() == null ? null : d.reporter().unitId())).toList());
        m.put("milestones", p.milestones().stream().map(ms -> map("kind", ms.kind().name(), "date", ms.date() == null ? null
                : map("year", ms.date().year(), "month", ms.date().month(), "day", ms.date().day()))).toList());
        if (p.signatory() != null) {
            m.put("signatory", map("mandates", p.signatory().mandates(), "position", p.signatory().position(), "name", p.signatory().name()));
        }
        return m;
    }

    private static Map<String, Object> task(PlanTask t) {
        return map("number", t.number(), "title", t.title(), "leadUnitId", t.leadUnitId(), "lead", t.lead() == null ? null : t.lead().name(),
                "coordinators", t.coordinators().stream().map(ExtractionScoring::ref).toList(), "timeFrame", tf(t.timeFrame()),
                "alternativeTimeFrame", tf(t.alternativeTimeFrame()), "products", t.products().size(), "details", t.details());
    }

    private static Object tf(TimeFrame f) {
        if (f == null) {
            return null;
        }
        return map("type", f.type().name(), "date", str(f.date()), "month", f.month(), "quarter", f.quarter(), "year", f.year(),
                "fromMonth", f.fromMonth(), "toMonth", f.toMonth(), "half", f.half(), "recurrence", f.recurrence() == null ? null : f.recurrence().name(),
                "text", f.text());
    }

    private static String ref(UnitRef r) {
        return r.unitId() != null ? r.unitId() : r.name();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Score score(Object expected, Object actual) {
        List<String> misses = new ArrayList<>();
        int[] counts = new int[2];
        compare("", expected, actual, counts, misses);
        return new Score(counts[0], counts[1], misses);
    }

    @SuppressWarnings("unchecked")
    private static void compare(String path, Object exp, Object act, int[] c, List<String> misses) {
        if (exp instanceof Map<?, ?> em) {
            Map<String, Object> am = act instanceof Map<?, ?> x ? (Map<String, Object>) x : Map.of();
            for (Map.Entry<?, ?> e : em.entrySet()) {
                compare(path + "." + e.getKey(), e.getValue(), am.get(e.getKey()), c, misses);
            }
            return;
        }
        if (exp instanceof List<?> el) {
            List<Object> al = act instanceof List<?> x ? (List<Object>) x : List.of();
            boolean objects = el.stream().anyMatch(o -> o instanceof Map);
            field(path + ".size", el.size() == al.size(), el.size(), al.size(), c, misses);
            if (objects) {
                for (int i = 0; i < el.size(); i++) {
                    compare(path + "[" + i + "]", el.get(i), i < al.size() ? al.get(i) : null, c, misses);
                }
            } else {
                List<Object> pool = new ArrayList<>(al);
                for (Object o : el) {
                    int hit = -1;
                    for (int i = 0; i < pool.size(); i++) {
                        if (same(o, pool.get(i))) {
                            hit = i;
                            break;
                        }
                    }
                    if (hit >= 0) {
                        pool.remove(hit);
                    }
                    field(path + "[" + o + "]", hit >= 0, o, al, c, misses);
                }
            }
            return;
        }
        field(path, same(exp, act), exp, act, c, misses);
    }

    private static void field(String path, boolean ok, Object exp, Object act, int[] c, List<String> misses) {
        c[1]++;
        if (ok) {
            c[0]++;
        } else {
            misses.add(path + ": expected " + exp + ", got " + act);
        }
    }

    static boolean same(Object exp, Object act) {
        if (exp == null || act == null) {
            return exp == null && act == null;
        }
        if (exp instanceof Number en && act instanceof Number an) {
            return en.longValue() == an.longValue();
        }
        if (exp instanceof String es && act instanceof String as) {
            String a = Fold.key(es);
            String b = Fold.key(as);
            return a.equals(b) || (a.length() >= 12 && Fold.similarity(a, b) >= 0.85);
        }
        return exp.equals(act) || String.valueOf(exp).equals(String.valueOf(act));
    }
}
