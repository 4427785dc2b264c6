package vn.cchc.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.ContractSchemas;
import vn.cchc.platform.units.UnitPath;

/**
 * The scripted year of Phường Phú Khương used by the reporting tests, built from the published example events
 * (copies of the plan, unit and task examples live in src/test/resources/events; the publication example is read
 * from contracts/). Expected figures are computed by hand in the tests' comments.
 *
 * <ul>
 *   <li>Plan kh-pk-2026: t-web ≥ 12 (amended to 10) website articles in 2026, subtree; t-radio ≥ 2 radio items a month,
 *       the ward itself only.</li>
 *   <li>Website articles by the culture office: w01 20/12/2025, w02 10/01, w03 15/02 (retracted), w04 14/03 23:59:59
 *       Vietnam time, w05 15/03 00:00 Vietnam time (still 14/03 in UTC), w06 05/05, w07 14/06, w08 15/06, w09–w13 the
 *       10th of July–November, w14 15/12.</li>
 *   <li>Radio by the ward: r01 05/01, r02 20/01, r03 10/02, r04 02/03, r05 03/03 corrected to 02/04.</li>
 *   <li>Tasks: task-1 done on 10/02 (after a PLANNED revision), task-2 overdue (due 01/03), task-3 in progress
 *       (due 31/12), task-4 cancelled.</li>
 * </ul>
 */
public final class Scenario {
    public static final String WARD = "vinh-long.phu-khuong";
    public static final String OFFICE = "vinh-long.phu-khuong.vhxh";
    public static final String PLAN = "kh-pk-2026";

    public record Event(String topic, String type, String key, String json) {
    }

    private final JsonMapper json;
    private final String ward;
    private final String wardName;
    private final String provinceName;
    private final String office;
    private final String plan;
    private final String prefix;

    public Scenario(JsonMapper json) {
        this(json, WARD, "Phường Phú Khương", "Tỉnh Vĩnh Long", PLAN, "");
    }

    /**
     * The same year for another ward (its office is {@code <ward>.vhxh}); publication and task ids get {@code prefix}
     * so several wards can share one broker. The security tests use it for units a caller must not see.
     */
    public Scenario(JsonMapper json, String ward, String wardName, String provinceName, String plan, String prefix) {
        this.json = json;
        this.ward = ward;
        this.wardName = wardName;
        this.provinceName = provinceName;
        this.office = ward + ".vhxh";
        this.plan = plan;
        this.prefix = prefix;
    }

    public List<Event> events() {
        List<Event> events = new ArrayList<>();
        String province = ward.substring(0, ward.indexOf('.'));
        events.add(unit(province, null, provinceName, "PROVINCE"));
        events.add(unit(ward, province, wardName, "WARD"));
        events.add(unit(office, ward, "Phòng Văn hóa - Xã hội " + lowerFirst(wardName), "OFFICE"));
        if (ward.equals(WARD)) {
            events.add(unit("vinh-long.tan-hanh", "vinh-long", "Phường Tân Hạnh", "WARD"));
        }
        events.add(plan(1, "vn.cchc.plan.issued.v1", "ISSUED", 12));
        events.add(plan(2, "vn.cchc.plan.amended.v1", "AMENDED", 10));

        events.add(web("w01", "2025-12-20T02:00:00Z"));
        events.add(web("w02", "2026-01-10T02:00:00Z"));
        events.add(web("w03", "2026-02-15T02:00:00Z"));
        events.add(publication("w03", 2, "vn.cchc.publication.retracted.v1", office, "WEBSITE", "ARTICLE", "2026-02-15T02:00:00Z", true));
        events.add(web("w04", "2026-03-14T16:59:59Z"));
        events.add(web("w05", "2026-03-14T17:00:00Z"));
        events.add(web("w06", "2026-05-05T02:00:00Z"));
        events.add(web("w07", "2026-06-14T02:00:00Z"));
        events.add(web("w08", "2026-06-15T02:00:00Z"));
        for (int m = 7; m <= 11; m++) {
            events.add(web("w%02d".formatted(m + 2), "2026-%02d-10T02:00:00Z".formatted(m)));
        }
        events.add(web("w14", "2026-12-15T02:00:00Z"));

        events.add(radio("r01", "2026-01-05T12:00:00Z"));
        events.add(radio("r02", "2026-01-20T12:00:00Z"));
        events.add(radio("r03", "2026-02-10T12:00:00Z"));
        events.add(radio("r04", "2026-03-02T12:00:00Z"));
        events.add(radio("r05", "2026-03-03T12:00:00Z"));
        events.add(publication("r05", 2, "vn.cchc.publication.corrected.v1", ward, "RADIO", "BROADCAST", "2026-04-02T12:00:00Z", false));

        events.add(task("task-1", 1, "PLANNED", "2026-02-28", "2026-01-15T03:00:00Z", "Đăng tin bài về dịch vụ công trực tuyến"));
        events.add(task("task-1", 2, "DONE", "2026-02-28", "2026-02-10T03:00:00Z", "Đăng tin bài về dịch vụ công trực tuyến"));
        events.add(task("task-2", 1, "OVERDUE", "2026-03-01", "2026-03-02T00:00:00Z", "Tổ chức đối thoại trực tuyến với người dân"));
        events.add(task("task-3", 1, "IN_PROGRESS", "2026-12-31", "2026-04-01T03:00:00Z", "Cuộc thi tìm hiểu về cải cách hành chính"));
        events.add(task("task-4", 1, "CANCELLED", "2026-06-30", "2026-05-01T03:00:00Z", "In tờ rơi tuyên truyền"));
        return events;
    }

    /** The same events, each sent twice, in a random order: what redelivery and reordering can do. */
    public List<Event> duplicatedAndShuffled(long seed) {
        List<Event> events = new ArrayList<>(events());
        events.addAll(events());
        Collections.shuffle(events, new Random(seed));
        return events;
    }

    Event web(String id, String at) {
        return publication(id, 1, "vn.cchc.publication.recorded.v1", office, "WEBSITE", "ARTICLE", at, false);
    }

    Event radio(String id, String at) {
        return publication(id, 1, "vn.cchc.publication.recorded.v1", ward, "RADIO", "BROADCAST", at, false);
    }

    Event publication(String shortId, int revision, String type, String unitId, String channel, String kind, String at, boolean retracted) {
        String id = prefix + shortId;
        ObjectNode data = (ObjectNode) json.readTree(ContractSchemas.example("vn.cchc.publication.recorded.v1"));
        data.put("publicationId", id).put("revision", revision).put("unitId", unitId)
                .put("channel", channel).put("kind", kind).put("publishedAt", at)
                .put("title", (channel.equals("RADIO") ? "Chương trình phát thanh CCHC " : "Tin bài CCHC ") + id)
                .put("planId", plan);
        data.set("unitPath", json.valueToTree(UnitPath.of(unitId)));
        if (retracted) {
            data.put("retracted", true).put("retractionReason", "Đăng nhầm nội dung").put("retractedAt", at);
        }
        return new Event("cchc.publication.events", type, id, json.writeValueAsString(data));
    }

    Event unit(String id, String parent, String name, String kind) {
        ObjectNode data = (ObjectNode) json.readTree(resource("vn.cchc.unit.changed.v1.json"));
        data.put("unitId", id).put("parentId", parent).put("name", name).put("kind", kind);
        data.set("unitPath", json.valueToTree(UnitPath.of(id)));
        return new Event("cchc.unit.events", "vn.cchc.unit.changed.v1", id, json.writeValueAsString(data));
    }

    Event plan(int revision, String type, String status, int webMinimum) {
        ObjectNode data = (ObjectNode) json.readTree(resource("vn.cchc.plan.issued.v1.json"));
        data.put("planId", plan).put("revision", revision).put("status", status).put("issuingUnitId", ward)
                .put("place", wardName.substring(wardName.indexOf(' ') + 1)).put("issuedOn", "2026-01-15")
                .put("number", "12/KH-UBND");
        data.set("unitPath", json.valueToTree(UnitPath.of(ward)));
        data.set("targets", json.valueToTree(List.of(
                Map.of("id", "t-web", "description", "Ít nhất 12 tin, bài về CCHC trên Trang thông tin điện tử phường",
                        "kinds", List.of("ARTICLE"), "channels", List.of("WEBSITE"), "minimum", webMinimum,
                        "period", "YEAR", "scope", "SUBTREE", "unitId", ward),
                Map.of("id", "t-radio", "description", "Ít nhất 02 tin, bài mỗi tháng trên Đài truyền thanh phường",
                        "kinds", List.of("ARTICLE", "BROADCAST"), "channels", List.of("RADIO"), "minimum", 2,
                        "period", "MONTH", "scope", "UNIT", "unitId", ward))));
        data.set("reportingDuties", json.valueToTree(List.of(Map.of("period", "QUARTER", "recipient", "Sở Nội vụ " + lowerFirst(provinceName)),
                Map.of("period", "YEAR", "recipient", "Ủy ban nhân dân " + lowerFirst(provinceName)))));
        return new Event("cchc.plan.events", type, plan, json.writeValueAsString(data));
    }

    Event task(String shortId, int revision, String status, String due, String changedAt, String title) {
        ObjectNode data = (ObjectNode) json.readTree(resource("vn.cchc.task.status-changed.v1.json"));
        String id = prefix + shortId;
        data.put("taskId", id).put("revision", revision).put("planId", plan).put("unitId", office).put("status", status)
                .put("dueDate", due).put("changedAt", changedAt).put("title", title).put("source", "CATALOGUE");
        data.set("unitPath", json.valueToTree(UnitPath.of(office)));
        String type = revision == 1 ? "vn.cchc.task.created.v1" : "vn.cchc.task.status-changed.v1";
        if (revision == 1) {
            data.putNull("previousStatus"); // a created task has none (its contract says so)
        }
        return new Event("cchc.task.events", type, id, json.writeValueAsString(data));
    }

    static String lowerFirst(String name) {
        return name.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + name.substring(1);
    }

    static String resource(String name) {
        try (InputStream in = Scenario.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
