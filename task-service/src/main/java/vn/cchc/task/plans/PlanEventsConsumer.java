package vn.cchc.task.plans;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.CloudEventHeaders;

/** The Spring Cloud Stream binding {@code planEvents-in-0} on {@code cchc.plan.events}. */
@Configuration
class PlanEventsConsumer {
    private static final Logger log = LoggerFactory.getLogger(PlanEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> planEvents(PlanTaskSync sync, JsonMapper json) {
        return message -> {
            String type = CloudEventHeaders.type(message);
            switch (type == null ? "" : type) {
                case "vn.cchc.plan.issued.v1", "vn.cchc.plan.amended.v1", "vn.cchc.plan.closed.v1" ->
                        sync.apply(json.readTree(message.getPayload()));
                default -> log.debug("Ignoring plan event type {}", type);
            }
        };
    }
}
