package vn.cchc.platform.events.deadletters;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.util.MimeType;

/**
 * {@code /actuator/deadletters} on each service's own port (the gateway routes no actuator path; the services' security
 * lets only the OPS role reach actuator endpoints other than health, info and prometheus):
 * <ul>
 * <li>{@code GET /actuator/deadletters}: this service's dead-letter topics, how many records each holds and how many
 * wait for a replay: {@code {"topics":[{"topic","originalTopic","group","binding","records","waiting"}]}}.</li>
 * <li>{@code POST /actuator/deadletters/{topic}/replay}: sends the records not replayed yet back to the original topic
 * ({@link DeadLetterReplay}); answers {@code {"topic","originalTopic","replayed","waiting"}}. An unknown topic is 404,
 * another action than {@code replay} 400, both Problem Details.</li>
 * </ul>
 */
@WebEndpoint(id = "deadletters")
public class DeadLettersEndpoint {
    private static final MimeType PROBLEM = MimeType.valueOf("application/problem+json");

    private final DeadLetterTopics topics;
    private final DeadLetterReplay replay;

    public DeadLettersEndpoint(DeadLetterTopics topics, DeadLetterReplay replay) {
        this.topics = topics;
        this.replay = replay;
    }

    @ReadOperation
    public Map<String, List<DeadLetterReplay.Backlog>> topics() {
        return Map.of("topics", topics.all().stream().map(replay::backlog).toList());
    }

    @WriteOperation
    public WebEndpointResponse<Object> replay(@Selector String topic, @Selector String action) {
        if (!"replay".equals(action)) {
            return problem(400, "action", "one-of", "the only action on a dead-letter topic is 'replay', not '" + printable(action) + "'");
        }
        return topics.find(topic)
                .<WebEndpointResponse<Object>>map(found -> new WebEndpointResponse<>(replay.replay(found), 200))
                .orElseGet(() -> problem(404, "topic", "known-dead-letter-topic", "'" + printable(topic)
                        + "' is not a dead-letter topic of this service; GET /actuator/deadletters lists them"));
    }

    private static WebEndpointResponse<Object> problem(int status, String field, String rule, String message) {
        Map<String, Object> body = Map.of("type", "about:blank", "title", status == 404 ? "Not Found" : "Bad Request",
                "status", status, "detail", message, "errors", List.of(Map.of("field", field, "rule", rule, "message", message)));
        return new WebEndpointResponse<>(body, status, PROBLEM);
    }

    private static String printable(String value) {
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
