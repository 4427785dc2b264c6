package vn.cchc.plan.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.plan.common.Caller;
import vn.cchc.plan.common.PageView;
import vn.cchc.plan.imports.extract.DocumentText;
import vn.cchc.plan.imports.extract.ExtractedField;
import vn.cchc.plan.imports.extract.Extraction;
import vn.cchc.plan.imports.extract.ExtractionHints;
import vn.cchc.plan.imports.extract.ImportWarning;
import vn.cchc.plan.imports.extract.KnownUnit;
import vn.cchc.plan.imports.extract.PlanExtractor;
import vn.cchc.plan.imports.extract.ProposedUnit;
import vn.cchc.plan.plans.Plan;
import vn.cchc.plan.plans.PlanContent;
import vn.cchc.plan.plans.PlanRepository;
import vn.cchc.plan.plans.PlanService;
import vn.cchc.plan.units.Unit;
import vn.cchc.plan.units.UnitStatus;
import vn.cchc.platform.units.UnitPath;
import vn.cchc.platform.web.FieldError;
import vn.cchc.platform.web.InvalidRequestException;
import vn.cchc.platform.web.NotFoundException;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;
import vn.cchc.security.ForbiddenException;

/**
 * Imports a plan document: checks the caller (MANAGE_PLANS_AND_TASKS; a given unit within the caller's units, before
 * anything is read), reads the file, extracts the plan, settles the issuing unit, creates the DRAFT through
 * {@link PlanService#create} (same rules, audited CREATED by the caller, revision 0, no event) after taking out the
 * values the rules refuse (as warnings), and stores the import. Anything refused stores nothing.
 */
@Service
public class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int MAX_REPAIR_ROUNDS = 8;

    private final DocumentReader reader;
    private final PlanExtractor extractor;
    private final PlanService plans;
    private final PlanRepository planRepository;
    private final PlanImportRepository imports;
    private final MongoTemplate mongo;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;

    ImportService(DocumentReader reader, PlanExtractor extractor, PlanService plans, PlanRepository planRepository,
                  PlanImportRepository imports, MongoTemplate mongo, Validator validator, JsonMapper json, Clock clock) {
        this.reader = reader;
        this.extractor = extractor;
        this.plans = plans;
        this.planRepository = planRepository;
        this.imports = imports;
        this.mongo = mongo;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    /** 403 unless the caller may manage plans somewhere, and (when given) for that unit; before any parsing. */
    public void checkCaller(CurrentUser user, String unitId) {
        if (!Action.MANAGE_PLANS_AND_TASKS.allowedFor(user.roles())) {
            throw new ForbiddenException("Importing a plan needs PROVINCE_ADMIN or COORDINATOR.");
        }
        if (unitId != null) {
            if (!UnitPath.isValid(unitId)) {
                throw new InvalidRequestException("unitId", "pattern", "must be a dot-separated unit id such as vinh-long.phu-khuong");
            }
            user.requireWrite(unitId, Action.MANAGE_PLANS_AND_TASKS);
        }
    }

    public PlanImport importDocument(String fileName, byte[] bytes, String unitId, CurrentUser user) {
        checkCaller(user, unitId);
        DocumentReader.Read read = reader.read(fileName, bytes);
        Extraction extraction = extractor.extract(new DocumentText(read.lines()), directory(user), new ExtractionHints(unitId));
        PlanContent draft = extraction == null ? null : extraction.draft();
        if (!isPlan(draft)) {
            throw ImportProblem.unprocessable("no-plan", "No plan was found in the document: it needs a title, a year and at "
                    + "least one target, task, scheduled item, responsibility or dated event.");
        }
        List<ImportWarning> warnings = new ArrayList<>(orEmpty(extraction.warnings()));
        String issuer = issuingUnit(unitId, draft.issuingUnitId(), user, warnings);
        user.requireWrite(issuer, Action.MANAGE_PLANS_AND_TASKS);

        ObjectNode tree = json.valueToTree(draft);
        tree.put("issuingUnitId", issuer);
        DraftRepair repair = new DraftRepair(json, tree, nativeValues(orEmpty(extraction.fields())), warnings,
                orEmpty(extraction.proposedUnits()));
        String planId = UUID.randomUUID().toString();
        Plan plan = create(planId, repair, Caller.of(user));
        PlanContent content = plan.getContent();
        PlanImport imported = new PlanImport(UUID.randomUUID().toString(), plan.getId(), fileName(fileName), read.format(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), user.username(), issuer, read.lines(), repair.fields, repair.warnings, repair.proposedUnits,
                new ImportSummary(repair.fields.size(), repair.warnings.size(), repair.proposedUnits.size(), content.targets().size(),
                        content.tasks().size(), content.responsibilities().size(), content.scheduledItems().size()));
        try {
            return imports.insert(imported);
        } catch (RuntimeException e) {
            // no transactions: take the fresh draft (no events, nobody has seen it) back rather than leave it orphaned
            planRepository.deleteById(plan.getId());
            throw e;
        }
    }

    /** Title, year and at least one of the parts that drive tracking. */
    static boolean isPlan(PlanContent draft) {
        return draft != null && draft.title() != null && !draft.title().isBlank() && draft.year() != null
                && (!draft.targets().isEmpty() || !draft.tasks().isEmpty() || !draft.scheduledItems().isEmpty()
                || !draft.responsibilities().isEmpty() || !draft.milestones().isEmpty());
    }

    /** The unit sent; else the one the extractor matched; else the caller's only unit; else 400 unitId required. */
    private static String issuingUnit(String sent, String matched, CurrentUser user, List<ImportWarning> warnings) {
        if (sent != null) {
            if (matched != null && !matched.equals(sent)) {
                warnings.add(new ImportWarning("issuingUnitId", null, null, "Văn bản có vẻ do đơn vị " + matched
                        + " ban hành, nhưng đã được nhập cho đơn vị " + sent + "; vui lòng kiểm tra.", matched));
            }
            return sent;
        }
        if (matched != null && !matched.isBlank()) {
            return matched;
        }
        if (user.scopes().size() == 1) {
            return user.scopes().getFirst();
        }
        throw new InvalidRequestException("unitId", "required",
                "The issuing unit could not be read from the document; send unitId.");
    }

    private Plan create(String planId, DraftRepair repair, Caller caller) {
        for (int round = 0; round < MAX_REPAIR_ROUNDS; round++) {
            PlanContent content = json.treeToValue(repair.tree(), PlanContent.class);
            List<FieldError> errors = shape(content);
            if (errors.isEmpty()) {
                try {
                    return plans.create(planId, content, caller);
                } catch (InvalidRequestException e) {
                    errors = e.errors();
                }
            }
            for (FieldError error : errors) {
                switch (error.field()) {
                    case "issuingUnitId" -> throw new InvalidRequestException("unitId", error.rule(), error.message());
                    case "title", "year" -> throw ImportProblem.unprocessable("no-plan",
                            "The plan's " + error.field() + " read from the document is not usable: " + error.message());
                    default -> { }
                }
            }
            if (!repair.apply(errors)) {
                break;
            }
        }
        log.warn("An imported draft could not be repaired into a valid plan");
        throw ImportProblem.unprocessable("no-plan", "No valid draft plan could be made from the document.");
    }

    /** Bean Validation of the content, as the controller does for POST /api/plans, with the same paths and rule names. */
    private List<FieldError> shape(PlanContent content) {
        Set<ConstraintViolation<PlanContent>> violations = validator.validate(content);
        return violations.stream()
                .map(v -> new FieldError(path(v.getPropertyPath().toString()),
                        rule(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    static String path(String property) {
        return property.replaceAll("\\.<[^>]+>", "");
    }

    private static String rule(String constraint) {
        return constraint.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The active units of the caller's provinces, for the extractor to match names against. */
    private List<KnownUnit> directory(CurrentUser user) {
        List<Criteria> provinces = user.readableScopes().stream().map(s -> s.split("\\.")[0]).distinct()
                .map(p -> Criteria.where("_id").regex(UnitPath.subtreeRegex(p))).toList();
        if (provinces.isEmpty()) {
            return List.of();
        }
        Query query = new Query(new Criteria().andOperator(Criteria.where("status").is(UnitStatus.ACTIVE),
                new Criteria().orOperator(provinces))).limit(20_000);
        query.fields().include("parentId", "name", "kind", "status");
        return mongo.find(query, Unit.class).stream()
                .map(u -> new KnownUnit(u.getId(), u.getParentId(), u.getName(), u.getKind() == null ? null : u.getKind().name()))
                .toList();
    }

    /** Values as JSON-native types (String, Number, Boolean, Map, List), so they store and read back as sent. */
    private List<ExtractedField> nativeValues(List<ExtractedField> fields) {
        return fields.stream().filter(Objects::nonNull).map(f -> new ExtractedField(f.field(),
                f.value() == null ? null : json.convertValue(f.value(), Object.class), f.fromLine(), f.toLine(), f.confidence(),
                f.source())).toList();
    }

    private static String fileName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    /** An import the caller may read; 404 outside the caller's units, as for plans. */
    public PlanImport get(String id, Caller caller) {
        PlanImport found = imports.findById(id).orElseThrow(() -> new NotFoundException("No import " + id));
        if (!caller.canRead(found.issuingUnitId())) {
            throw new NotFoundException("No import " + id);
        }
        return found;
    }

    /** Imports within the caller's units (optionally of one unit's subtree), newest first, without their lines. */
    public PageView<PlanImport> list(String unitId, int page, int size, Caller caller) {
        List<Criteria> criteria = new ArrayList<>();
        if (unitId != null && !unitId.isBlank()) {
            if (!UnitPath.isValid(unitId)) {
                throw new InvalidRequestException("unitId", "pattern", "must be a dot-separated unit id such as vinh-long.phu-khuong");
            }
            criteria.add(Criteria.where("issuingUnitId").regex(UnitPath.subtreeRegex(unitId)));
        }
        Criteria inScope = caller.readCriteria("issuingUnitId");
        if (inScope != null) {
            criteria.add(inScope);
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, PlanImport.class);
        query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        query.fields().exclude("lines", "fields", "warnings", "proposedUnits");
        return new PageView<>(mongo.find(query, PlanImport.class), page, size, total);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
