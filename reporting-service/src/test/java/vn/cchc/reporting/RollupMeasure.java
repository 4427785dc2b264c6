package vn.cchc.reporting;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.reporting.compliance.ComplianceService;
import vn.cchc.reporting.compliance.ComplianceState;
import vn.cchc.reporting.compliance.PeriodCompliance;
import vn.cchc.reporting.compliance.StoredTarget;
import vn.cchc.reporting.compliance.TargetCompliance;
import vn.cchc.reporting.compliance.TargetDef;
import vn.cchc.reporting.counts.DayCounts;
import vn.cchc.reporting.overview.OverviewService;
import vn.cchc.reporting.plans.PlanProjection;
import vn.cchc.reporting.plans.PlanView;
import vn.cchc.reporting.readmodel.ReadModels;
import vn.cchc.reporting.readmodel.ReadStore;

/**
 * A quick micro-measure of the province roll-up against the number of communes (not a test): seeds N communes
 * directly into the Mongo wire server (in this JVM, over TCP) — each a ward with its unit, a plan of three targets
 * (website articles ≥ 12 a year, radio ≥ 2 a month, social network ≥ 6 a quarter), four tasks, a year of items as
 * day counts (36 by default) and the stored compliance state the tracker would write for them — then times the
 * province roll-up and overview served from the stored state, and the roll-up recomputed from the counts, at each
 * size. Run (after {@code ./mvnw -B -q -pl reporting-service -am test-compile}):
 * <pre>
 * ./mvnw -q -o -pl reporting-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp reporting-service/target/test-classes:reporting-service/target/classes:$(cat /tmp/cp.txt) \
 *     vn.cchc.reporting.RollupMeasure 100,300,1000 36
 * </pre>
 */
public final class RollupMeasure {
    static final int YEAR = 2026;
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 20);
    static final String PROVINCE = "vinh-long";

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100,300,1000").split(",")).mapToInt(Integer::parseInt).toArray();
        int itemsPerCommune = args.length > 1 ? Integer.parseInt(args[1]) : 36;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        JsonMapper json = JsonMapper.builder().build();
        String db = "rollup-measure";
        try (MongoClient client = MongoClients.create(MongoWireServer.uri(db))) {
            MongoTemplate mongo = new MongoTemplate(client, db);
            ReadModels models = new ReadModels(mongo);
            ReadStore store = new ReadStore(mongo, models, json);
            ComplianceState state = new ComplianceState(mongo);
            ComplianceService stored = new ComplianceService(store, state);
            ComplianceService scratch = new ComplianceService(store);
            var constructor = OverviewService.class.getDeclaredConstructor(ComplianceService.class, ReadStore.class);
            constructor.setAccessible(true);
            OverviewService overview = constructor.newInstance(stored, store);
            mongo.getCollection(ReadModels.UNITS).insertOne(new Document("_id", PROVINCE).append("name", "Tỉnh Vĩnh Long")
                    .append("kind", "PROVINCE").append("revision", 1L));
            System.out.println("| communes | items | roll-up (stored) median / p95 ms | overview (stored) median / p95 ms | roll-up (recomputed from counts) median / p95 ms |");
            System.out.println("|---|---|---|---|---|");
            int seeded = 0;
            for (int n : sizes) {
                seed(mongo, store, state, json, seeded, n, itemsPerCommune);
                seeded = n;
                long[] rollUp = time(runs, () -> check(stored.province(PROVINCE, YEAR, AS_OF).communes().size(), n));
                long[] view = time(runs, () -> check(overview.province(PROVINCE, YEAR, AS_OF, List.of(PROVINCE)).communes().size(), n));
                long[] recomputed = time(Math.max(3, runs / 3), () -> check(scratch.province(PROVINCE, YEAR, AS_OF).communes().size(), n));
                System.out.printf("| %d | %d | %d / %d | %d / %d | %d / %d |%n", n, n * itemsPerCommune, rollUp[0], rollUp[1],
                        view[0], view[1], recomputed[0], recomputed[1]);
                if (System.getProperty("parts") != null) {
                    List<PlanView> ps = store.plansIn(PROVINCE, YEAR);
                    java.util.Set<String> ids = new java.util.HashSet<>();
                    ps.forEach(p -> p.targets().forEach(t -> ids.add(ComplianceState.documentId(YEAR, t.unitId()))));
                    System.out.printf("parts: plans %d, state %d, evaluateStored %d, tasks %d, units %d, counts %d%n",
                            time(runs, () -> store.plansIn(PROVINCE, YEAR))[0], time(runs, () -> state.documents(ids))[0],
                            time(runs, () -> stored.evaluateStored(ps, AS_OF, t -> true))[0],
                            time(runs, () -> store.tasks(PROVINCE, null))[0],
                            time(runs, () -> store.unitsUnder(PROVINCE, List.of("COMMUNE", "WARD")))[0],
                            time(runs, () -> store.countedItems(ps, t -> true))[0]);
                }
            }
        }
        System.exit(0);
    }

    static void check(int communes, int expected) {
        if (communes != expected) {
            throw new IllegalStateException(communes + " communes, expected " + expected);
        }
    }

    /** Median and p95 in ms after two warm-up runs. */
    static long[] time(int runs, Runnable call) {
        call.run();
        call.run();
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        return new long[] {ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1]};
    }

    /** Communes {@code from}..{@code to}-1: units, plans, tasks, day counts, then the stored state evaluated from them. */
    static void seed(MongoTemplate mongo, ReadStore store, ComplianceState state, JsonMapper json, int from, int to, int items) {
        PlanProjection plans = new PlanProjection(mongo, json);
        List<Document> units = new ArrayList<>();
        List<Document> tasks = new ArrayList<>();
        List<Document> counts = new ArrayList<>();
        String[][] kinds = {{"WEBSITE", "ARTICLE"}, {"RADIO", "BROADCAST"}, {"SOCIAL_NETWORK", "ARTICLE"}};
        for (int i = from; i < to; i++) {
            String commune = PROVINCE + ".xa-" + i;
            units.add(new Document("_id", commune).append("name", "Xã Số " + i).append("kind", "COMMUNE").append("revision", 1L)
                    .append("parentId", PROVINCE));
            plans.apply(json.readTree("""
                    {"planId": "kh-%1$s", "revision": 1, "status": "ISSUED", "issuingUnitId": "%2$s", "year": %3$d,
                     "number": "%1$s/KH-UBND", "title": "Kế hoạch tuyên truyền CCHC năm %3$d",
                     "targets": [
                       {"id": "t-web", "description": "Ít nhất 12 tin, bài trên trang thông tin điện tử", "kinds": ["ARTICLE"],
                        "channels": ["WEBSITE"], "minimum": 12, "period": "YEAR", "scope": "SUBTREE", "unitId": "%2$s"},
                       {"id": "t-radio", "description": "Ít nhất 02 tin, bài mỗi tháng trên Đài truyền thanh", "kinds": ["BROADCAST"],
                        "channels": ["RADIO"], "minimum": 2, "period": "MONTH", "scope": "UNIT", "unitId": "%2$s"},
                       {"id": "t-social", "description": "Ít nhất 06 tin, bài mỗi quý trên mạng xã hội", "kinds": ["ARTICLE"],
                        "channels": ["SOCIAL_NETWORK"], "minimum": 6, "period": "QUARTER", "scope": "SUBTREE", "unitId": "%2$s"}]}
                    """.formatted(i, commune, YEAR)), ReadModels.PLANS);
            for (int t = 0; t < 4; t++) {
                tasks.add(new Document("_id", "task-" + i + "-" + t).append("revision", 1L).append("planId", "kh-" + i)
                        .append("unitId", commune).append("title", "Nhiệm vụ " + t)
                        .append("status", List.of("PLANNED", "IN_PROGRESS", "DONE", "OVERDUE").get(t)).append("dueDate", "2026-06-30"));
            }
            Document own = new Document();
            Document tree = new Document();
            for (int k = 0; k < items; k++) {
                LocalDate day = LocalDate.of(YEAR, 1, 1).plusDays((k * 347L / items + i) % 354);
                String[] ck = kinds[(k + i) % 3];
                String field = DayCounts.field(day, ck[0], ck[1]);
                own.merge(field, 1, (a, b) -> (Integer) a + (Integer) b);
                tree.merge(field, 1, (a, b) -> (Integer) a + (Integer) b);
            }
            counts.add(new Document("_id", DayCounts.id(YEAR, DayCounts.OWN, commune)).append("unitId", commune).append("year", YEAR).append("c", own));
            counts.add(new Document("_id", DayCounts.id(YEAR, DayCounts.TREE, commune)).append("unitId", commune).append("year", YEAR).append("c", tree));
        }
        mongo.getCollection(ReadModels.UNITS).insertMany(units);
        mongo.getCollection(ReadModels.TASKS).insertMany(tasks);
        mongo.getCollection(DayCounts.COLLECTION).insertMany(counts);
        // the state the tracker stores after evaluating each target (what events keep current)
        ComplianceState.Writes writes = state.writes();
        List<PlanView> seededPlans = store.plansIn(PROVINCE, YEAR).stream()
                .filter(p -> { int n = Integer.parseInt(p.planId().substring(3)); return n >= from && n < to; }).toList();
        Map<String, TargetDef> byKey = new java.util.HashMap<>();
        seededPlans.forEach(p -> p.targets().forEach(t -> byKey.put(p.planId() + "|" + t.id(), t)));
        for (TargetCompliance t : ComplianceService.evaluate(seededPlans, store.countedItems(seededPlans, x -> true), AS_OF, x -> true)) {
            PlanView plan = seededPlans.stream().filter(p -> p.planId().equals(t.planId())).findFirst().orElseThrow();
            TargetDef def = byKey.get(t.planId() + "|" + t.targetId());
            List<PeriodCompliance> periods = t.periods();
            writes.put(plan, def, StoredTarget.of(plan, def, periods, t.monthly(), AS_OF));
        }
        writes.write();
    }
}
