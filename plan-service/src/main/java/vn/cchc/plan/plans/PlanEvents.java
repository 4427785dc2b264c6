package vn.cchc.plan.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cchc.platform.events.PendingEvent;
import vn.cchc.platform.units.UnitPath;

/**
 * The public plan events; data = the full issued plan (contracts/events/vn.cchc.plan.*.v1). JSON-native values only:
 * nested parts as maps with the records' names, dates as yyyy-mm-dd, enums as names. {@code effectiveFrom} is the
 * day targets count from ({@link PlanContent#effectiveStart()}), always present; older events lack it (consumers
 * read 1 January of {@code year}).
 */
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
                "minimum", t.minimum(), "period", t.period().name(), "scope", t.scope().name(), "unitId", t.unitId(),
                "responsible", ref(t.responsible()), "subject", t.subject(), "text", t.text())).toList());
        data.put("scheduledItems", c.scheduledItems().stream().map(s -> map(
                "id", s.id(), "title", s.title(), "date", str(s.date()), "startTime", s.startTime(), "endTime", s.endTime(),
                "unitId", s.unitId(), "channel", s.channel().name(), "kind", s.kind().name(),
                "presenter", s.presenter(), "topic", s.topic(), "text", s.text())).toList());
        data.put("tasks", c.tasks().stream().map(t -> map(
                "id", t.id(), "number", t.number(), "title", t.title(), "leadUnitId", t.leadUnitId(),
                "coordinatingUnitIds", new ArrayList<>(t.coordinatingUnitIds()),
                "timeFrame", timeFrame(t.timeFrame()),
                "products", new ArrayList<>(t.products()),
                "lead", ref(t.lead()), "coordinators", t.coordinators().stream().map(PlanEvents::ref).toList(),
                "alternativeTimeFrame", timeFrame(t.alternativeTimeFrame()), "details", t.details())).toList());
        data.put("reportingDuties", c.reportingDuties().stream().map(d -> map(
                "period", d.period() == null ? null : d.period().name(), "recipient", d.recipient(),
                "periods", names(d.periods()), "periodic", d.periodic(), "onRequest", d.onRequest(), "integrated", d.integrated(),
                "deadline", str(d.deadline()), "reporter", ref(d.reporter()), "chain", d.chain().stream().map(PlanEvents::ref).toList(),
                "text", d.text())).toList());
        data.put("issuingBody", c.issuingBody());
        data.put("issuedDate", date(c.issuedDate()));
        data.put("effectiveFrom", str(c.effectiveStart()));
        data.put("legalBases", c.legalBases().stream().map(b -> map(
                "kind", b.kind().name(), "number", b.number(), "date", str(b.date()), "issuer", b.issuer(), "title", b.title(),
                "planId", b.planId(), "text", b.text())).toList());
        data.put("contents", new ArrayList<>(c.contents()));
        data.put("channels", names(c.channels()));
        data.put("responsibilities", c.responsibilities().stream().map(r -> map(
                "id", r.id(), "unit", ref(r.unit()), "requested", r.requested(),
                "duties", r.duties().stream().map(d -> map("id", d.id(), "label", d.label(), "text", d.text(), "taskId", d.taskId()))
                        .toList())).toList());
        data.put("milestones", c.milestones().stream().map(m -> map(
                "id", m.id(), "title", m.title(), "kind", m.kind().name(), "date", date(m.date()), "scale", m.scale(),
                "unit", ref(m.unit()), "text", m.text())).toList());
        data.put("signatory", c.signatory() == null ? null : map(
                "authority", c.signatory().authority(), "position", c.signatory().position(), "name", c.signatory().name(),
                "mandates", new ArrayList<>(c.signatory().mandates())));
        data.put("changedAt", plan.getChangedAt().toString());
        return data;
    }

    private static Map<String, Object> timeFrame(TimeFrame tf) {
        return tf == null ? null : map("type", tf.type().name(), "date", str(tf.date()), "month", tf.month(), "quarter", tf.quarter(),
                "year", tf.year(), "text", tf.text(), "fromMonth", tf.fromMonth(), "toMonth", tf.toMonth(), "half", tf.half(),
                "recurrence", tf.recurrence() == null ? null : tf.recurrence().name());
    }

    private static Map<String, Object> ref(UnitRef ref) {
        return ref == null ? null : map("unitId", ref.unitId(), "name", ref.name());
    }

    private static Map<String, Object> date(PartialDate date) {
        return date == null ? null : map("year", date.year(), "month", date.month(), "day", date.day(), "text", date.text());
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
