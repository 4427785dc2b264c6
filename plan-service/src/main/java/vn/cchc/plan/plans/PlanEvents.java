package vn.cchc.plan.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.units.UnitPath;

/** The public plan events; data = the full issued plan (contracts/events/vn.cchc.plan.*.v1). JSON-native values only. */
public final class PlanEvents {
    public static final String TOPIC = "cchc.plan.events";
    public static final String ISSUED = "vn.cchc.plan.issued.v1";
    public static final String AMENDED = "vn.cchc.plan.amended.v1";
    public static final String CLOSED = "vn.cchc.plan.closed.v1";

    private PlanEvents() {
    }

    static PendingEvent event(String type, Plan plan, String note) {
        Map<String, Object> data = state(plan);
        if (AMENDED.equals(type)) {
            data.put("amendmentNote", note);
        }
        return PendingEvent.of(type, TOPIC, plan.getId(), plan.getChangedAt(), data);
    }

    static Map<String, Object> state(Plan plan) {
        PlanContent c = plan.getContent();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", plan.getId());
        data.put("revision", plan.getRevision());
        data.put("status", plan.getStatus().name());
        data.put("issuingUnitId", c.issuingUnitId());
        data.put("unitPath", UnitPath.of(c.issuingUnitId()));
        data.put("number", c.number());
        data.put("title", c.title());
        data.put("year", c.year());
        data.put("place", c.place());
        data.put("issuedOn", str(c.issuedOn()));
        data.put("parentPlan", c.parentPlan() == null ? null : map(
                "planId", c.parentPlan().planId(), "number", c.parentPlan().number(),
                "date", str(c.parentPlan().date()), "issuer", c.parentPlan().issuer()));
        data.put("targets", c.targets().stream().map(t -> map(
                "id", t.id(), "description", t.description(), "kinds", names(t.kinds()), "channels", names(t.channels()),
                "minimum", t.minimum(), "period", t.period().name(), "scope", t.scope().name(), "unitId", t.unitId())).toList());
        data.put("scheduledItems", c.scheduledItems().stream().map(s -> map(
                "id", s.id(), "title", s.title(), "date", str(s.date()), "startTime", s.startTime(), "endTime", s.endTime(),
                "unitId", s.unitId(), "channel", s.channel().name(), "kind", s.kind().name())).toList());
        data.put("tasks", c.tasks().stream().map(t -> map(
                "id", t.id(), "number", t.number(), "title", t.title(), "leadUnitId", t.leadUnitId(),
                "coordinatingUnitIds", new ArrayList<>(t.coordinatingUnitIds()),
                "timeFrame", map("type", t.timeFrame().type().name(), "date", str(t.timeFrame().date()),
                        "month", t.timeFrame().month(), "quarter", t.timeFrame().quarter(), "year", t.timeFrame().year(),
                        "text", t.timeFrame().text()),
                "products", new ArrayList<>(t.products()))).toList());
        data.put("reportingDuties", c.reportingDuties().stream().map(d -> map(
                "period", d.period().name(), "recipient", d.recipient())).toList());
        data.put("changedAt", plan.getChangedAt().toString());
        return data;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    /** Like Map.of but ordered and allowing nulls (the contract has explicit nulls). */
    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
