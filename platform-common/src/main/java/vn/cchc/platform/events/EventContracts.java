package vn.cchc.platform.events;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns which events: each family of event types ({@code vn.cchc.plan.*}, ...) has one topic and one producing
 * service, named by the CloudEvents {@code source} its outbox sets ({@code cchc.outbox.source}). The bus trusts an event
 * only from its owner, on its owner's topic. The known types are the ones with a contract in {@code contracts/events}
 * (copied to the classpath under {@code contracts/events/}); a test keeps this list and that folder equal.
 */
public final class EventContracts {

    /** A family of event types: the type prefix, the topic it travels on and the source of the only service that may send it. */
    public record Family(String typePrefix, String topic, String ownerSource) {
        public boolean contains(String type) {
            return type.startsWith(typePrefix);
        }
    }

    public static final String PLAN_SERVICE = "/cchc/plan-service";
    public static final String TASK_SERVICE = "/cchc/task-service";
    public static final String PUBLICATION_SERVICE = "/cchc/publication-service";
    public static final String REPORTING_SERVICE = "/cchc/reporting-service";

    public static final List<Family> FAMILIES = List.of(
            new Family("vn.cchc.unit.", "cchc.unit.events", PLAN_SERVICE),
            new Family("vn.cchc.plan.", "cchc.plan.events", PLAN_SERVICE),
            new Family("vn.cchc.task.", "cchc.task.events", TASK_SERVICE),
            new Family("vn.cchc.publication.", "cchc.publication.events", PUBLICATION_SERVICE),
            new Family("vn.cchc.compliance.", "cchc.compliance.events", REPORTING_SERVICE));

    /** Every type with a published contract schema; others of a known family are newer versions, ignored by consumers. */
    public static final Set<String> KNOWN_TYPES = Set.of(
            "vn.cchc.unit.changed.v1",
            "vn.cchc.plan.issued.v1",
            "vn.cchc.plan.amended.v1",
            "vn.cchc.plan.closed.v1",
            "vn.cchc.task.created.v1",
            "vn.cchc.task.status-changed.v1",
            "vn.cchc.publication.recorded.v1",
            "vn.cchc.publication.corrected.v1",
            "vn.cchc.publication.retracted.v1",
            "vn.cchc.compliance.target-status-changed.v1");

    private EventContracts() {
    }

    public static Optional<Family> familyOf(String type) {
        return FAMILIES.stream().filter(f -> f.contains(type)).findFirst();
    }

    public static boolean isKnown(String type) {
        return KNOWN_TYPES.contains(type);
    }

    /** Where the contract schema of {@code type} lies on the classpath. */
    public static String schemaResource(String type) {
        return "contracts/events/" + type + ".schema.json";
    }
}
