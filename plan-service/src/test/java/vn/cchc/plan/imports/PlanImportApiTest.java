package vn.cchc.plan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.cchc.plan.imports.SampleDocuments.PK;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.plan.imports.extract.Extraction;
import vn.cchc.plan.imports.extract.PlanExtractor;
import vn.cchc.plan.plans.PlanContent;
import vn.cchc.plan.plans.PlanEvents;
import vn.cchc.plan.plans.PlanRepository;
import vn.cchc.plan.plans.PlanTask;
import vn.cchc.plan.plans.Target;
import vn.cchc.plan.plans.TargetPeriod;
import vn.cchc.plan.plans.TargetScope;
import vn.cchc.plan.plans.TimeFrame;
import vn.cchc.plan.plans.TimeFrameType;
import vn.cchc.plan.units.UnitEvents;
import vn.cchc.plan.units.UnitRepository;
import vn.cchc.platform.test.Http;
import vn.cchc.platform.test.MongoWireServer;
import vn.cchc.security.test.TestTokens;

/**
 * POST / GET /api/plans/imports through real HTTP with signed tokens, the MongoDB wire server and an embedded broker.
 * The extractor is a test one ({@link BasicPlanExtractor}, which a test may rewrite the output of), so these tests
 * show the API contract, not the quality of the extraction engine.
 */
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cchc.kafka.brokers=${spring.embedded.kafka.brokers}", TestTokens.PUBLIC_KEY_PROPERTY})
@EmbeddedKafka(partitions = 1, topics = {PlanEvents.TOPIC, UnitEvents.TOPIC})
class PlanImportApiTest {
    static final String TM = "hai-phong.tien-minh";
    static final String ADMIN = TestTokens.token("admin", List.of("PROVINCE_ADMIN"), List.of("vinh-long", "hai-phong"));
    static final String COORD_PK = TestTokens.coordinator(PK);
    static final String COORD_TM = TestTokens.coordinator(TM);
    static final String EDITOR_PK = TestTokens.editor(PK);
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** What the test extractor does to the stand-in's extraction; reset after each test. */
    static volatile UnaryOperator<Extraction> rewrite = UnaryOperator.identity();

    @TestConfiguration
    static class TestExtractor {
        @Bean
        @Primary
        PlanExtractor testPlanExtractor() {
            BasicPlanExtractor basic = new BasicPlanExtractor();
            return (text, directory, hints) -> rewrite.apply(basic.extract(text, directory, hints));
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.uri("plan-import-api-test"));
    }

    @LocalServerPort
    int port;
    @Autowired
    PlanRepository plans;
    @Autowired
    UnitRepository units;
    @Autowired
    PlanImportRepository imports;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void setUp() {
        plans.deleteAll();
        units.deleteAll();
        imports.deleteAll();
        for (String[] unit : new String[][]{{"vinh-long", "Tỉnh Vĩnh Long", "PROVINCE"}, {PK, "Phường Phú Khương", "WARD"},
                {PK + ".vhxh", "Phòng Văn hóa - Xã hội", "OFFICE"}, {PK + ".ttdvth", "Trung tâm Dịch vụ tổng hợp", "CENTRE"},
                {PK + ".cu", "Trung tâm cũ", "CENTRE"},
                {"hai-phong", "Thành phố Hải Phòng", "PROVINCE"}, {TM, "Xã Tiên Minh", "COMMUNE"}}) {
            Http.Response added = Http.postJson(url("/api/units"), """
                    {"unitId":"%s","name":"%s","kind":"%s"}""".formatted(unit[0], unit[1], unit[2]), auth(ADMIN));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
    }

    @AfterEach
    void tearDown() {
        rewrite = UnaryOperator.identity();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static String[] auth(String token) {
        return new String[]{"Authorization", TestTokens.bearer(token)};
    }

    JsonNode body(Http.Response response) {
        return json.readTree(response.body());
    }

    Http.Response get(String path, String token) {
        return Http.get(url(path), auth(token));
    }

    /** POST /api/plans/imports as multipart/form-data: the file part, and unitId when not null. */
    Http.Response upload(String token, String fileName, String contentType, byte[] content, String unitId) {
        String boundary = "----cchc" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (unitId != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"unitId\"\r\n\r\n" + unitId + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/plans/imports")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return Http.send(request, token == null ? new String[0] : auth(token));
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    void assertFieldError(Http.Response response, int status, String field, String rule) {
        assertProblem(response, status);
        JsonNode errors = body(response).get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        List<String> pairs = new ArrayList<>();
        errors.forEach(e -> pairs.add(e.get("field").asString() + ":" + e.get("rule").asString()));
        assertThat(pairs).contains(field + ":" + rule);
    }

    /** The created import: 201, Location, the body's shape; the draft readable at /api/plans/{planId}. */
    JsonNode assertImported(Http.Response created, String token, ImportFormat format) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode imported = body(created);
        assertThat(created.header("Location")).isEqualTo("/api/plans/imports/" + imported.get("id").asString());
        assertThat(imported.get("format").asString()).isEqualTo(format.name());
        assertThat(imported.get("issuingUnitId").asString()).isEqualTo(PK);
        for (String part : List.of("id", "planId", "fileName", "createdAt", "createdBy", "lines", "fields", "warnings",
                "proposedUnits", "summary")) {
            assertThat(imported.has(part)).as(part).isTrue();
        }
        assertThat(imported.get("summary").get("tasks").asInt()).isEqualTo(2);
        assertThat(imported.get("summary").get("fields").asInt()).isEqualTo(imported.get("fields").size());
        assertThat(imported.get("summary").get("warnings").asInt()).isEqualTo(imported.get("warnings").size());
        JsonNode field = imported.get("fields").get(0);
        for (String part : List.of("field", "value", "fromLine", "toLine", "confidence", "source")) {
            assertThat(field.has(part)).as(part).isTrue();
        }

        Http.Response plan = get("/api/plans/" + imported.get("planId").asString(), token);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        JsonNode draft = body(plan);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("revision").asLong()).isZero();
        assertThat(draft.get("plan").get("title").asString()).isEqualTo("Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026");
        assertThat(draft.get("plan").get("year").asInt()).isEqualTo(2026);
        JsonNode tasks = draft.get("plan").get("tasks");
        assertThat(tasks.size()).isEqualTo(2);
        assertThat(tasks.get(0).get("title").asString()).isEqualTo("Viết tin, bài về cải cách hành chính");
        assertThat(tasks.get(0).get("leadUnitId").asString()).isEqualTo(PK + ".vhxh");
        assertThat(tasks.get(1).get("timeFrame").get("month").asInt()).isEqualTo(4);

        JsonNode audit = body(get("/api/plans/" + imported.get("planId").asString() + "/audit", token));
        assertThat(audit.size()).isEqualTo(1);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("CREATED");
        assertThat(audit.get(0).get("by").asString()).isEqualTo(imported.get("createdBy").asString());

        Http.Response again = get("/api/plans/imports/" + imported.get("id").asString(), token);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(body(again)).isEqualTo(imported);
        return imported;
    }

    @Test
    void aTextPlanBecomesADraftAndTheImportCanBeReadAgainAndListed() {
        Http.Response created = upload(COORD_PK, "ke-hoach.txt", "text/plain", SampleDocuments.text().getBytes(StandardCharsets.UTF_8), PK);
        JsonNode imported = assertImported(created, COORD_PK, ImportFormat.TXT);
        assertThat(imported.get("fileName").asString()).isEqualTo("ke-hoach.txt");
        assertThat(imported.get("createdBy").asString()).isNotBlank();
        assertThat(imported.get("lines").get(4).asString()).isEqualTo("Thông tin, tuyên truyền cải cách hành chính năm 2026");
        assertThat(plans.count()).isEqualTo(1);
        assertThat(imports.count()).isEqualTo(1);

        // Markdown and UTF-16 with a BOM are read too
        assertImported(upload(COORD_PK, "ke-hoach.md", "text/markdown", SampleDocuments.text().getBytes(StandardCharsets.UTF_8), PK),
                COORD_PK, ImportFormat.MD);
        byte[] utf16 = ("\uFEFF" + SampleDocuments.text()).getBytes(StandardCharsets.UTF_16LE);
        assertImported(upload(COORD_PK, "ke-hoach-utf16.txt", "text/plain", utf16, null), COORD_PK, ImportFormat.TXT);

        // listed newest first, without the lines; another commune's coordinator neither lists nor reads it
        Http.Response list = get("/api/plans/imports?unitId=" + PK + "&page=0&size=2", COORD_PK);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode page = body(list);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("fileName").asString()).isEqualTo("ke-hoach-utf16.txt");
        assertThat(page.get("items").get(0).has("lines")).isFalse();
        assertThat(page.get("items").get(0).get("summary").get("tasks").asInt()).isEqualTo(2);
        assertThat(body(get("/api/plans/imports", COORD_TM)).get("total").asLong()).isZero();
        assertProblem(get("/api/plans/imports/" + imported.get("id").asString(), COORD_TM), 404);
        assertProblem(get("/api/plans/imports/nope", COORD_PK), 404);
    }

    @Test
    void aWordPlanIsReadParagraphByParagraphWithItsTaskTableAsTabSeparatedRows() {
        // no unitId: the coordinator has one unit, so the plan is that unit's
        JsonNode imported = assertImported(upload(COORD_PK, "Kế hoạch 2026.docx", DOCX, SampleDocuments.docx(), null),
                COORD_PK, ImportFormat.DOCX);
        List<String> lines = new ArrayList<>();
        imported.get("lines").forEach(l -> lines.add(l.asString()));
        assertThat(lines).startsWith(SampleDocuments.HEAD.toArray(String[]::new));
        assertThat(lines).contains("<b>STT</b>\t<b>Nội dung nhiệm vụ</b>\t<b>Đơn vị chủ trì</b>\t<b>Đơn vị phối hợp</b>\t<b>Sản phẩm</b>"
                + "\t<b>Thời gian thực hiện</b>");
        assertThat(lines).contains("1\t<p><b>Viết tin, bài về cải cách hành chính</b></p> <p>- Nội dung: <b>trọng tâm</b> năm 2026</p>"
                + "\tPhòng Văn hóa - Xã hội\tCác cơ quan, đơn vị\tTin, bài\tThường xuyên");
        assertThat(lines).hasSize(SampleDocuments.HEAD.size() + 3);
        assertThat(String.join("\n", lines)).doesNotContain("ĐẦU TRANG").doesNotContain("Trang 1/1");
    }

    @Test
    void aPdfWithATextLayerIsRead() throws IOException {
        byte[] fixture;
        try (InputStream in = getClass().getResourceAsStream(SampleDocuments.PDF_FIXTURE)) {
            fixture = in.readAllBytes();
        }
        rewrite = PlanImportApiTest::withSampleTasks;
        JsonNode imported = assertImported(upload(COORD_PK, "ke-hoach.pdf", "application/pdf", fixture, PK), COORD_PK, ImportFormat.PDF);
        assertThat(imported.get("lines").toString()).contains("Viết tin, bài về cải cách hành chính");
        assertThat(imported.get("lines").get(0).asString()).isEqualTo("ỦY BAN NHÂN DÂN PHƯỜNG PHÚ KHƯƠNG");
    }

    @Test
    void aPdfMadeHereWithAVietnameseFontIsRead() {
        assumeTrue(Files.isReadable(SampleDocuments.FONT), "needs the DejaVu Sans font (fonts-dejavu-core) at " + SampleDocuments.FONT
                + "; the committed fixture covers PDFs without it");
        rewrite = PlanImportApiTest::withSampleTasks;
        JsonNode imported = assertImported(upload(COORD_PK, "ke-hoach.pdf", "application/pdf",
                SampleDocuments.pdf(SampleDocuments.FONT.toFile()), PK), COORD_PK, ImportFormat.PDF);
        assertThat(imported.get("lines").get(3).asString()).isEqualTo("KẾ HOẠCH");
    }

    @Test
    void badDocumentsAreProblemDetailsAndStoreNothing() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] text = SampleDocuments.text().getBytes(StandardCharsets.UTF_8);
        byte[] latin = "Kế hoạch năm 2026".getBytes(java.nio.charset.Charset.forName("windows-1252").newEncoder().canEncode('ế')
                ? java.nio.charset.Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1);
        byte[] windows1258 = {'K', (byte) 0xEA, (byte) 0xF2, ' ', 'h', 'o', (byte) 0xB5, 'c', 'h', ' ', (byte) 0xFF, (byte) 0xFE, 'x'};

        assertFieldError(upload(COORD_PK, "ke-hoach.txt", "text/plain", new byte[0], PK), 400, "file", "not-empty");
        assertFieldError(upload(COORD_PK, "ke-hoach.docx", DOCX, png, PK), 415, "file", "type");
        assertFieldError(upload(COORD_PK, "ke-hoach.docx", DOCX, text, PK), 415, "file", "type");
        assertFieldError(upload(COORD_PK, "ke-hoach.pdf", "application/pdf", SampleDocuments.docx(), PK), 415, "file", "type");
        assertFieldError(upload(COORD_PK, "ke-hoach.txt", "text/plain", SampleDocuments.docx(), PK), 415, "file", "type");
        assertFieldError(upload(COORD_PK, "anh.png", "image/png", png, PK), 415, "file", "type");
        assertFieldError(upload(COORD_PK, "ke-hoach.txt", "text/plain", windows1258, PK), 415, "file", "encoding");
        assertThat(latin).isNotEmpty();
        assertFieldError(upload(COORD_PK, "scan.pdf", "application/pdf", SampleDocuments.pdfWithoutText(), PK), 422, "file", "no-text-layer");
        assertFieldError(upload(COORD_PK, "thu-moi.txt", "text/plain",
                "Kính mời các đồng chí dự họp lúc 8 giờ ngày 12/3/2026.\nTrân trọng.".getBytes(StandardCharsets.UTF_8), PK),
                422, "file", "no-plan");
        // a title and a year but nothing to track is not a plan either
        assertFieldError(upload(COORD_PK, "ke-hoach.txt", "text/plain", String.join("\n", SampleDocuments.HEAD)
                .getBytes(StandardCharsets.UTF_8), PK), 422, "file", "no-plan");
        // the caller has several units and the document names none: say which
        assertFieldError(upload(ADMIN, "ke-hoach.txt", "text/plain", text, null), 400, "unitId", "required");

        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertProblem(upload(COORD_PK, "ke-hoach.txt", "text/plain", big, PK), 413);

        assertThat(plans.count()).isZero();
        assertThat(imports.count()).isZero();
    }

    @Test
    void onlyCoordinatorsAndAdminsOfTheIssuingUnitImportAndRefusalsStoreNothing() {
        byte[] text = SampleDocuments.text().getBytes(StandardCharsets.UTF_8);
        assertProblem(upload(null, "ke-hoach.txt", "text/plain", text, PK), 401);
        assertProblem(upload(COORD_TM, "ke-hoach.txt", "text/plain", text, PK), 403);
        // checked before the file is read: even an empty or bogus file is 403
        assertProblem(upload(COORD_TM, "ke-hoach.docx", DOCX, new byte[0], PK), 403);
        assertProblem(upload(EDITOR_PK, "ke-hoach.txt", "text/plain", text, PK), 403);
        assertProblem(upload(TestTokens.viewer(PK), "ke-hoach.txt", "text/plain", text, PK), 403);
        // the extractor matched Phú Khương: not Tiên Minh's to import
        rewrite = e -> new Extraction(withIssuer(e.draft(), PK), e.fields(), e.warnings(), e.proposedUnits());
        assertProblem(upload(COORD_TM, "ke-hoach.txt", "text/plain", text, null), 403);
        assertThat(plans.count()).isZero();
        assertThat(imports.count()).isZero();

        // an admin of the province may, naming the unit
        rewrite = UnaryOperator.identity();
        assertThat(upload(ADMIN, "ke-hoach.txt", "text/plain", text, PK).status()).isEqualTo(201);
        assertThat(plans.count()).isEqualTo(1);
    }

    @Test
    void valuesTheRulesRefuseBecomeWarningsAndTheDraftIsStillMade() {
        Http.Response retired = Http.send(HttpRequest.newBuilder(URI.create(url("/api/units/" + PK + ".cu/retire")))
                .POST(HttpRequest.BodyPublishers.noBody()), auth(ADMIN));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        rewrite = e -> {
            PlanContent d = e.draft();
            List<PlanTask> tasks = new ArrayList<>(d.tasks());
            PlanTask first = tasks.getFirst();
            tasks.set(0, new PlanTask(null, first.number(), first.title(), PK + ".cu", List.of(TM, "khong-co.don-vi"),
                    first.timeFrame(), first.products()));
            tasks.add(new PlanTask(null, "3", "Nhiệm vụ thiếu tháng", PK, List.of(), new TimeFrame(TimeFrameType.MONTH, null, null,
                    null, null, null), List.of()));
            List<Target> targets = List.of(new Target(null, "Ít nhất 12 tin, bài", List.of(), List.of(), 12, TargetPeriod.YEAR,
                    TargetScope.SUBTREE, PK + ".cu"));
            PlanContent changed = new PlanContent(d.issuingUnitId(), d.number(), d.title(), d.year(), d.place(), d.issuedOn(), null,
                    null, null, null, null, null, null, null, null, targets, null, tasks, null);
            return new Extraction(changed, e.fields(), e.warnings(), e.proposedUnits());
        };
        Http.Response created = upload(COORD_PK, "ke-hoach.txt", "text/plain", SampleDocuments.text().getBytes(StandardCharsets.UTF_8), PK);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode imported = body(created);
        List<String> warned = new ArrayList<>();
        imported.get("warnings").forEach(w -> warned.add(w.get("field").asString()));
        assertThat(warned).contains("targets[0].unitId");
        // a task whose lead unit is refused loses the lead (or, where the rules want one, the whole task goes to the warnings)
        assertThat(warned.contains("tasks[0]") || warned.containsAll(List.of("tasks[0].leadUnitId", "tasks[0].coordinatingUnitIds[1]")))
                .as(warned.toString()).isTrue();
        assertThat(imported.get("warnings").toString()).contains("ngừng hoạt động").contains("retired-unit");

        JsonNode draft = body(get("/api/plans/" + imported.get("planId").asString(), COORD_PK)).get("plan");
        assertThat(draft.get("targets").get(0).get("unitId").asString()).isEqualTo(PK);   // the issuing unit, by default
        assertThat(draft.toString()).doesNotContain(PK + ".cu").doesNotContain("khong-co.don-vi").doesNotContain("thiếu tháng");
        assertThat(imported.get("summary").get("targets").asInt()).isEqualTo(1);
        assertThat(imported.get("summary").get("tasks").asInt()).isEqualTo(draft.get("tasks").size());
    }

    @Test
    void theOpenApiDescriptionListsTheImportEndpoints() {
        JsonNode docs = body(Http.get(url("/v3/api-docs")));
        assertThat(docs.get("paths").has("/api/plans/imports")).isTrue();
        assertThat(docs.get("paths").has("/api/plans/imports/{id}")).isTrue();
        assertThat(docs.get("paths").get("/api/plans/imports").has("post")).isTrue();
        assertThat(docs.get("paths").get("/api/plans/imports").get("post").toString()).contains("multipart/form-data");
    }

    /** The stand-in reads tasks from tab-separated rows only; a PDF's table is text in columns, so the test gives them. */
    private static Extraction withSampleTasks(Extraction e) {
        PlanContent d = e.draft() != null ? e.draft() : new PlanContent(null, null, "Kế hoạch thông tin, tuyên truyền cải cách hành chính "
                + "năm 2026", 2026, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        List<PlanTask> tasks = List.of(
                new PlanTask(null, "1", SampleDocuments.ROWS[0][1], PK + ".vhxh", List.of(), new TimeFrame(TimeFrameType.ONGOING, null,
                        null, null, null, null), List.of()),
                new PlanTask(null, "2", SampleDocuments.ROWS[1][1], PK + ".ttdvth", List.of(), new TimeFrame(TimeFrameType.MONTH, null,
                        4, null, 2026, null), List.of()));
        PlanContent withTasks = new PlanContent(d.issuingUnitId(), d.number(), d.title(), d.year(), d.place(), d.issuedOn(), null, null,
                null, null, null, null, null, null, null, null, null, tasks, null);
        return new Extraction(withTasks, e.fields(), e.warnings(), e.proposedUnits());
    }

    private static PlanContent withIssuer(PlanContent d, String issuer) {
        return new PlanContent(issuer, d.number(), d.title(), d.year(), d.place(), d.issuedOn(), d.parentPlan(), d.purposes(),
                d.requirements(), d.audiences(), d.themes(), d.forms(), d.budgetNote(), d.recipients(), d.signatory(), d.targets(),
                d.scheduledItems(), d.tasks(), d.reportingDuties());
    }
}
