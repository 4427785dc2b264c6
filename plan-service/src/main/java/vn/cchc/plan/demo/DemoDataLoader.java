package vn.cchc.plan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.plan.common.Caller;
import vn.cchc.plan.plans.Plan;
import vn.cchc.plan.plans.PlanContent;
import vn.cchc.plan.plans.PlanService;
import vn.cchc.plan.plans.PlanStatus;
import vn.cchc.plan.units.AddUnitRequest;
import vn.cchc.plan.units.UnitService;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.platform.web.NotFoundException;

/**
 * Loads the demo units and the sample plans (classpath:demo/) when {@code cchc.demo-data.enabled=true}.
 * Goes through the normal domain services, so their events leave through the outbox like any other.
 * Idempotent: what exists is left alone; a plan left as a draft by an interrupted run is issued. No user is
 * signed in: it runs as {@link Caller#SYSTEM} (audit entries by "system").
 */
@Component
@ConditionalOnProperty(name = "cchc.demo-data.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final UnitService units;
    private final PlanService plans;
    private final JsonMapper json;

    DemoDataLoader(UnitService units, PlanService plans, JsonMapper json) {
        this.units = units;
        this.plans = plans;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int addedUnits = 0;
        int issuedPlans = 0;
        // parents come before children in the file
        for (JsonNode node : read(new PathMatchingResourcePatternResolver().getResource("classpath:demo/units.json"))) {
            AddUnitRequest unit = json.treeToValue(node, AddUnitRequest.class);
            if (units.find(unit.unitId()).isEmpty()) {
                try {
                    units.add(unit, Caller.SYSTEM);
                    addedUnits++;
                } catch (ConflictException e) {
                    log.info("Demo unit {} was added meanwhile (another instance)", unit.unitId());
                }
            }
        }
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/plans/*.json");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            ObjectNode node = (ObjectNode) read(file);
            String id = node.remove("planId").asString();
            PlanContent content = json.treeToValue(node, PlanContent.class);
            Plan plan = find(id);
            try {
                if (plan == null) {
                    plan = plans.create(id, content, Caller.SYSTEM);
                }
                if (plan.getStatus() == PlanStatus.DRAFT) {
                    plans.issue(id, null, Caller.SYSTEM);
                    issuedPlans++;
                }
            } catch (ConflictException | OptimisticLockingFailureException e) {
                // two instances starting together: the other one created or issued it
                log.info("Demo plan {} was created or issued meanwhile (another instance)", id);
            }
        }
        log.info("Demo data: {} units added, {} plans issued", addedUnits, issuedPlans);
    }

    private Plan find(String id) {
        try {
            return plans.get(id, Caller.SYSTEM);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private JsonNode read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        }
    }
}
