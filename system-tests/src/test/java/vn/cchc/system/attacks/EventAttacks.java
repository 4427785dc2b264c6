package vn.cchc.system.attacks;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.platform.test.ConsumerGroups;
import vn.cchc.system.LocalStack;

/**
 * Forged and malformed records produced straight onto every topic of the stack's broker, as anyone on the network
 * could: well-formed CloudEvents of the owners' types from source {@code /outside/system}, bodies that are not JSON,
 * records without the CloudEvents headers, and data that breaks the contract schema under the owner's own source. Each
 * would have a visible effect if a consumer applied it (an item counted on a channel nobody else uses, a task of the
 * victim DONE or CANCELLED, a plan's tasks created, a unit made known or retired).
 * <p>
 * The barrier, before any check: all records are produced, then a legitimate publication is recorded through the API
 * and awaited in the counts, then every consumer group is awaited past the end of the topics (a group that cannot get
 * past a record makes every event attack a HANG). Only then is each effect looked for.
 */
final class EventAttacks {
    static final String PUBLICATIONS = "cchc.publication.events";
    static final String PLANS = "cchc.plan.events";
    static final String TASKS = "cchc.task.events";
    static final String UNITS = "cchc.unit.events";
    static final String COMPLIANCE = "cchc.compliance.events";
    static final String OUTSIDE = "/outside/system";

    private final Victim victim;
    private final List<Attack> attacks = new ArrayList<>();
    private final List<Runnable> producers = new ArrayList<>();
    private KafkaProducer<String, byte[]> producer;
    private boolean settled;
    private String barrierFailure;
    private JsonNode countsBefore;
    private final Map<String, JsonNode> examples = new java.util.HashMap<>();

    private EventAttacks(Victim victim) {
        this.victim = victim;
    }

    static List<Attack> all(Victim victim) {
        EventAttacks catalogue = new EventAttacks(victim);
        catalogue.define();
        return catalogue.attacks;
    }

    // ---------- the forged records

    private void define() {
        String v = Victim.UNIT;
        // publications: each variant on its own channel, so that a counted one shows on that channel alone
        forged(PUBLICATIONS, "a publication recorded, from " + OUTSIDE + ", naming the victim's task", OUTSIDE,
                "vn.cchc.publication.recorded.v1", () -> publication("BANNER", "BANNER", victim.taskIds.get(3)).toString(),
                () -> unchangedChannel("BANNER", () -> notDone(3)));
        forged(PUBLICATIONS, "a publication retraction of the victim's item, from " + OUTSIDE, OUTSIDE,
                "vn.cchc.publication.retracted.v1", () -> {
                    ObjectNode data = publication("WEBSITE", "ARTICLE", null);
                    data.put("publicationId", victim.publicationId).put("revision", 99).put("retracted", true)
                            .put("retractionReason", "giả mạo").put("retractedAt", Instant.now().toString()).put("changedAt", Instant.now().toString());
                    return data.toString();
                }, () -> unchangedChannel("WEBSITE", null));
        malformed(PUBLICATIONS, "/cchc/publication-service", "vn.cchc.publication.recorded.v1", "LEAFLET",
                () -> publication("LEAFLET", "LEAFLET", null), ch -> unchangedChannel(ch, null));
        schemaBreaking(PUBLICATIONS, "/cchc/publication-service", "vn.cchc.publication.recorded.v1",
                () -> {
                    ObjectNode data = publication("MEETING", "DIALOGUE", null);
                    data.remove("unitPath");
                    data.remove("recordedAt");
                    data.put("title", 42).put("revision", -3);
                    return data;
                }, () -> unchangedChannel("MEETING", null));

        // plans: an issued plan would give tasks in task-service and targets in reporting; an amendment without tasks cancels them
        String forgedPlan = "atk-forged-" + UUID.randomUUID();
        forged(PLANS, "a plan issued for the victim commune, from " + OUTSIDE, OUTSIDE, "vn.cchc.plan.issued.v1",
                () -> plan(forgedPlan).toString(), () -> noPlan(forgedPlan));
        forged(PLANS, "an amendment of the victim's plan dropping one task, from " + OUTSIDE, OUTSIDE, "vn.cchc.plan.amended.v1",
                () -> {
                    ObjectNode data = plan(victim.planId);
                    data.put("revision", 99).put("status", "AMENDED").put("amendmentNote", "giả mạo");
                    var tasks = data.putArray("tasks");
                    for (int i = 0; i < victim.taskIds.size(); i++) {
                        if (i == 2) {
                            continue;
                        }
                        ObjectNode task = tasks.addObject();
                        task.put("id", "atk-task-" + (i + 1)).put("number", String.valueOf(i + 1)).put("title", victim.taskTitles.get(i))
                                .put("leadUnitId", Victim.UNIT);
                        task.putArray("coordinatingUnitIds");
                        task.putArray("products");
                        task.putObject("timeFrame").put("type", "DATE").put("date", Stack.year() + "-12-31");
                    }
                    return data.toString();
                }, () -> taskUnchanged(2, "CANCELLED"));
        String headerless = "atk-forged-" + UUID.randomUUID();
        malformed(PLANS, "/cchc/plan-service", "vn.cchc.plan.issued.v1", headerless, () -> plan(headerless), this::noPlan);
        String schemaPlan = "atk-forged-" + UUID.randomUUID();
        schemaBreaking(PLANS, "/cchc/plan-service", "vn.cchc.plan.issued.v1", () -> {
            ObjectNode data = plan(schemaPlan);
            data.remove("place");
            data.remove("reportingDuties");
            data.put("year", "hai nghìn").put("revision", "một");
            return data;
        }, () -> noPlan(schemaPlan));

        // tasks: only reporting-service reads them; a DONE would show in its task report of the commune
        forged(TASKS, "a task status change to DONE of the victim's task, from " + OUTSIDE, OUTSIDE, "vn.cchc.task.status-changed.v1",
                () -> task(4).toString(), () -> notReportedDone(4));
        malformed(TASKS, "/cchc/task-service", "vn.cchc.task.status-changed.v1", "task", () -> task(5),
                ignored -> notReportedDone(5));
        schemaBreaking(TASKS, "/cchc/task-service", "vn.cchc.task.status-changed.v1", () -> {
            ObjectNode data = task(6);
            data.remove("unitPath");
            data.remove("entryId");
            data.put("evidence", "không phải danh sách").put("revision", 1000);
            return data;
        }, () -> notReportedDone(6));

        // units: publication-service records only for units it knows and that are active
        String forgedUnit = v + "-gia-mao";
        forged(UNITS, "a new unit, from " + OUTSIDE, OUTSIDE, "vn.cchc.unit.changed.v1", () -> unit(forgedUnit, "ACTIVE", 1).toString(),
                () -> unknownUnit(forgedUnit));
        forged(UNITS, "the victim unit retired, from " + OUTSIDE, OUTSIDE, "vn.cchc.unit.changed.v1",
                () -> unit(v, "RETIRED", 99).toString(), this::victimUnitActive);
        String headerlessUnit = v + "-gia-mao-2";
        malformed(UNITS, "/cchc/plan-service", "vn.cchc.unit.changed.v1", headerlessUnit, () -> unit(headerlessUnit, "ACTIVE", 1),
                this::unknownUnit);
        String schemaUnit = v + "-gia-mao-3";
        schemaBreaking(UNITS, "/cchc/plan-service", "vn.cchc.unit.changed.v1", () -> {
            ObjectNode data = unit(schemaUnit, "ACTIVE", 1);
            data.remove("unitPath");
            data.put("kind", 7).put("parentId", (String) null);
            return data;
        }, () -> unknownUnit(schemaUnit));

        // compliance events have no consumer inside the platform; a forged one must change nothing there either
        forged(COMPLIANCE, "a target status change of the victim's plan, from " + OUTSIDE, OUTSIDE,
                "vn.cchc.compliance.target-status-changed.v1", () -> {
                    ObjectNode data = example("vn.cchc.compliance.target-status-changed.v1");
                    data.put("planId", victim.planId).put("unitId", v).put("status", "MET").put("revision", 99);
                    data.set("unitPath", unitPath(v));
                    return data.toString();
                }, () -> unchangedChannel("YOUTUBE", null));
    }

    @FunctionalInterface
    interface Data {
        String get() throws Exception;
    }

    @FunctionalInterface
    interface Node {
        ObjectNode get() throws Exception;
    }

    @FunctionalInterface
    interface Effect {
        Outcome check() throws Exception;
    }

    private void forged(String topic, String what, String source, String type, Data data, Effect effect) {
        String key = UUID.randomUUID().toString();
        producers.add(() -> send(topic, key, headers(source, type, key), bytes(data)));
        add(topic, what, "CloudEvent " + type + " source " + source + " onto " + topic, effect);
    }

    /** Not JSON under the owner's headers, and the JSON of a real-looking event without any CloudEvents header. */
    @FunctionalInterface
    interface LabelEffect {
        Outcome check(String label) throws Exception;
    }

    private void malformed(String topic, String ownerSource, String type, String label, Node data, LabelEffect effectOf) {
        String key = UUID.randomUUID().toString();
        producers.add(() -> send(topic, key, headers(ownerSource, type, key), "{\"this is\": not JSON <at all>".getBytes(StandardCharsets.UTF_8)));
        // such a body can name nothing to change: the danger is a consumer stuck on it, which the barrier turns into a HANG
        add(topic, "a body that is not JSON", type + " headers of " + ownerSource + ", body not JSON, onto " + topic,
                () -> Outcome.refused("every consumer got past it"));
        String key2 = UUID.randomUUID().toString();
        producers.add(() -> send(topic, key2, List.of(), bytes(() -> data.get().toString())));
        add(topic, "an event without CloudEvents headers", "the JSON of a " + type + " without any ce_* header, onto " + topic,
                () -> effectOf.check(label));
    }

    private void schemaBreaking(String topic, String ownerSource, String type, Node data, Effect effect) {
        String key = UUID.randomUUID().toString();
        producers.add(() -> send(topic, key, headers(ownerSource, type, key), bytes(() -> data.get().toString())));
        add(topic, "data that breaks the contract schema, under the owner's source", type + " from " + ownerSource
                + " with required fields missing and wrong types, onto " + topic, effect);
    }

    private void add(String topic, String what, String request, Effect effect) {
        attacks.add(new Attack(topic + ": " + what, Kind.FORGED_EVENT, Route.KAFKA, request,
                "after the barrier (a legitimate change visible, every consumer group past the record) nothing changed",
                () -> {
                    settle();
                    if (barrierFailure != null) {
                        return Outcome.hang(barrierFailure);
                    }
                    return effect.check();
                }));
    }

    // ---------- producing and the barrier

    private synchronized void settle() {
        if (settled) {
            return;
        }
        settled = true;
        try {
            // a stable baseline: every item of the victim recorded so far counted, every consumer at the end of its topics
            await("the victim's items all counted").atMost(Victim.WAIT).until(() ->
                    Stack.json(new Probe().get(Stack.GATEWAY + "/api/publications?size=1&unit=" + Victim.UNIT, "Authorization",
                            Stack.bearer(Victim.ADMIN))).path("total").asLong() == Victim.counts(Victim.UNIT).path("total").asLong());
            awaitConsumers();
            countsBefore = Victim.counts(Victim.UNIT);
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
            try {
                producers.forEach(Runnable::run);
            } finally {
                producer.close();
            }
            // a legitimate change through the API that must show (an item of the attackers' unit, which no forged record
            // touches), then every consumer group past the end of its topics
            long before = Victim.counts(Victim.ATTACKER_UNIT).path("total").asLong();
            Probe.Reply legit = new Probe().post(Stack.GATEWAY + "/api/publications", CrossUnitAttacks.json(Map.of(
                    "unitId", Victim.ATTACKER_UNIT, "channel", "PRINT", "kind", "LEAFLET", "title", "Tờ rơi hợp lệ sau các sự kiện giả mạo",
                    "publishedAt", Victim.minutesAgo(1200), "confirmDuplicate", true)), "Authorization", Stack.bearer(Victim.ADMIN));
            if (legit.status() != 201) {
                throw new IllegalStateException("the legitimate change was refused: " + legit);
            }
            await("the legitimate item counted").atMost(Victim.WAIT)
                    .until(() -> Victim.counts(Victim.ATTACKER_UNIT).path("total").asLong() > before);
            awaitConsumers();
        } catch (Exception | AssertionError stuck) {
            barrierFailure = "the barrier did not complete (consumers stuck on a forged record?): " + stuck;
        }
    }

    private static void awaitConsumers() {
        ConsumerGroups.awaitCaughtUp(Stack.KAFKA, "reporting-service", Victim.WAIT, UNITS, PLANS, TASKS, PUBLICATIONS);
        ConsumerGroups.awaitCaughtUp(Stack.KAFKA, "task-service", Victim.WAIT, PLANS, PUBLICATIONS);
        ConsumerGroups.awaitCaughtUp(Stack.KAFKA, "publication-service", Victim.WAIT, UNITS);
    }

    private void send(String topic, String key, List<RecordHeader> headers, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, new ArrayList<>(headers))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce onto " + topic, e);
        }
    }

    private static List<RecordHeader> headers(String source, String type, String subject) {
        return List.of(header("ce_specversion", "1.0"), header("ce_id", UUID.randomUUID().toString()), header("ce_source", source),
                header("ce_type", type), header("ce_subject", subject), header("ce_time", OffsetDateTime.now().toString()),
                header("content-type", "application/json"));
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Data data) {
        try {
            return data.get().getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------- event data, from the published examples (contracts/examples)

    private ObjectNode example(String type) throws Exception {
        JsonNode example = examples.get(type);
        if (example == null) {
            example = Stack.JSON.readTree(Files.readString(LocalStack.ROOT.resolve("contracts/examples/" + type + ".json")));
            examples.put(type, example);
        }
        return (ObjectNode) example.deepCopy();
    }

    private static ObjectNode unitPath(String unit) {
        ObjectNode path = Stack.JSON.createObjectNode();
        path.put("province", unit.substring(0, unit.indexOf('.'))).put("commune", unit).put("unit", unit);
        return path;
    }

    private ObjectNode publication(String channel, String kind, String taskId) throws Exception {
        ObjectNode data = example("vn.cchc.publication.recorded.v1");
        data.put("publicationId", UUID.randomUUID().toString()).put("unitId", Victim.UNIT).put("channel", channel).put("kind", kind)
                .put("title", "Tin giả mạo từ bên ngoài").put("url", (String) null).put("taskId", taskId)
                .put("publishedAt", Instant.now().minusSeconds(7200).toString()).put("recordedAt", Instant.now().toString());
        data.set("unitPath", unitPath(Victim.UNIT));
        return data;
    }

    private ObjectNode plan(String planId) throws Exception {
        ObjectNode data = example("vn.cchc.plan.issued.v1");
        data.put("planId", planId).put("issuingUnitId", Victim.UNIT).put("year", Stack.year()).put("issuedOn", Stack.year() + "-01-05");
        data.set("unitPath", unitPath(Victim.UNIT));
        data.putArray("scheduledItems");
        ObjectNode target = data.putArray("targets").addObject();
        target.put("id", "gia-mao").put("description", "Chỉ tiêu giả mạo").put("minimum", 1).put("period", "YEAR")
                .put("scope", "SUBTREE").put("unitId", Victim.UNIT);
        target.putArray("kinds");
        target.putArray("channels");
        ObjectNode task = data.putArray("tasks").addObject();
        task.put("id", "gia-mao-1").put("number", "1").put("title", "Nhiệm vụ giả mạo").put("leadUnitId", Victim.UNIT);
        task.putArray("coordinatingUnitIds");
        task.putArray("products");
        task.putObject("timeFrame").put("type", "DATE").put("date", Stack.year() + "-12-31").put("text", "31/12");
        return data;
    }

    private ObjectNode task(int i) throws Exception {
        ObjectNode data = example("vn.cchc.task.status-changed.v1");
        data.put("taskId", victim.taskIds.get(i)).put("revision", 99).put("planId", victim.planId).put("entryId", "atk-task-" + (i + 1))
                .put("source", "CATALOGUE").put("title", victim.taskTitles.get(i)).put("unitId", Victim.UNIT)
                .put("dueDate", Stack.year() + "-12-31").put("status", "DONE").put("previousStatus", "PLANNED")
                .put("changedAt", Instant.now().toString());
        data.set("unitPath", unitPath(Victim.UNIT));
        data.putNull("window");
        return data;
    }

    private ObjectNode unit(String unitId, String status, int revision) throws Exception {
        ObjectNode data = example("vn.cchc.unit.changed.v1");
        data.put("unitId", unitId).put("revision", revision).put("parentId", "lai-chau").put("name", "Xã Giả Mạo")
                .put("kind", "COMMUNE").put("status", status).put("changedAt", Instant.now().toString());
        data.set("unitPath", unitPath(unitId));
        data.putArray("channels").addObject().put("channel", "PRINT").put("name", "Ấn phẩm").putNull("url");
        return data;
    }

    // ---------- the effects looked for

    /** The victim's count on {@code channel} is what it was (plus {@code legit} items the barrier added there). */
    private Outcome unchangedChannel(String channel, Effect andThen, long legit) throws Exception {
        JsonNode now = Victim.counts(Victim.UNIT);
        long before = countsBefore.path("byChannel").path(channel).asLong(0);
        long after = now.path("byChannel").path(channel).asLong(0);
        if (after != before + legit) {
            return Outcome.leaked("the victim's " + channel + " count went from " + before + " to " + after
                    + (legit > 0 ? " (" + legit + " legitimate)" : ""));
        }
        return andThen == null ? Outcome.refused(channel + " count unchanged") : andThen.check();
    }

    private Outcome unchangedChannel(String channel, Effect andThen) throws Exception {
        return unchangedChannel(channel, andThen, 0);
    }

    private Outcome notDone(int task) throws Exception {
        JsonNode state = victim.task(task);
        return "DONE".equals(state.path("status").asString()) || state.path("evidence").size() > 0
                ? Outcome.leaked("the victim's task is " + state.path("status").asString() + " with evidence " + state.path("evidence"))
                : Outcome.refused("task still " + state.path("status").asString());
    }

    private Outcome taskUnchanged(int task, String forbidden) throws Exception {
        String status = victim.task(task).path("status").asString();
        return forbidden.equals(status) ? Outcome.leaked("the victim's task is " + status) : Outcome.refused("task still " + status);
    }

    private Outcome noPlan(String planId) throws Exception {
        Probe.Reply tasks = new Probe().get(Stack.GATEWAY + "/api/tasks?plan=" + planId, "Authorization", Stack.bearer(Victim.ADMIN));
        if (tasks.status() == 200 && Stack.json(tasks).size() > 0) {
            return Outcome.leaked("task-service created tasks of the forged plan " + planId + ": " + tasks);
        }
        Probe.Reply compliance = new Probe().get(Stack.GATEWAY + "/api/reports/units/" + Victim.UNIT + "/compliance?year=" + Stack.year(),
                "Authorization", Stack.bearer(Victim.ADMIN));
        if (compliance.body() != null && compliance.body().contains(planId)) {
            return Outcome.leaked("reporting-service judges the forged plan " + planId);
        }
        return Outcome.refused("no task, no target of " + planId);
    }

    /**
     * reporting-service must not hold the victim's task {@code i} as done (only a forged task event says so: its owner,
     * task-service, never made it DONE): it must be absent from the year report's {@code tasksDone}.
     */
    private Outcome notReportedDone(int i) throws Exception {
        JsonNode report = Stack.json(new Probe().get(Stack.GATEWAY + "/api/reports/units/" + Victim.UNIT + "/periodic/" + Stack.year() + "-Y",
                "Authorization", Stack.bearer(Victim.ADMIN)));
        String owner = victim.task(i).path("status").asString();
        return report.path("tasksDone").toString().contains(victim.taskIds.get(i))
                ? Outcome.leaked("reporting-service lists the victim's task as done; task-service (its owner) has it " + owner)
                : Outcome.refused("not among the year report's done tasks (owner: " + owner + ")");
    }

    private Outcome unknownUnit(String unitId) throws Exception {
        Probe.Reply reply = new Probe().post(Stack.GATEWAY + "/api/publications", CrossUnitAttacks.json(Map.of(
                "unitId", unitId, "channel", "PRINT", "kind", "LEAFLET", "title", "Tờ rơi của đơn vị giả mạo",
                "publishedAt", Victim.minutesAgo(1000))), "Authorization", Stack.bearer(Victim.ADMIN));
        return reply.status() < 300 ? Outcome.leaked("publication-service records for the forged unit " + unitId + ": " + reply)
                : Outcome.refused(reply.status() + ": " + unitId + " unknown");
    }

    private Outcome victimUnitActive() throws Exception {
        Probe.Reply reply = new Probe().post(Stack.GATEWAY + "/api/publications", CrossUnitAttacks.json(Map.of(
                "unitId", Victim.UNIT, "channel", "ON_SITE", "kind", "DIALOGUE", "title", "Đối thoại trực tiếp về CCHC",
                "publishedAt", Victim.minutesAgo(1100), "confirmDuplicate", true)), "Authorization", Stack.bearer(Victim.ADMIN));
        return reply.status() < 300 ? Outcome.refused("the victim unit still records (" + reply.status() + ")")
                : Outcome.leaked("the victim unit can no longer record: " + reply);
    }
}
