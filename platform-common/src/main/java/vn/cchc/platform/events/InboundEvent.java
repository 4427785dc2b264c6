package vn.cchc.platform.events;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An event that passed the {@link EventGate}: from its owner, on its topic, its data valid against its contract.
 *
 * @param time the {@code ce_time} header, null when absent or unreadable (it is optional in CloudEvents)
 */
public record InboundEvent(String id, String type, String source, String subject, Instant time, JsonNode data) {
}
