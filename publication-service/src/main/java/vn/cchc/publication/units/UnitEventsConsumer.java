package vn.cchc.publication.units;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.CloudEventHeaders;

/** The Spring Cloud Stream binding {@code unitEvents-in-0} on {@code cchc.unit.events}. */
@Configuration
class UnitEventsConsumer {
    private static final Logger log = LoggerFactory.getLogger(UnitEventsConsumer.class);
    static final String UNIT_CHANGED = "vn.cchc.unit.changed.v1";

    @Bean
    Consumer<Message<byte[]>> unitEvents(UnitDirectory directory, JsonMapper json) {
        return message -> {
            String type = CloudEventHeaders.type(message);
            if (!UNIT_CHANGED.equals(type)) {
                log.debug("Skipping unit-topic event of type {}", type);
                return;
            }
            directory.apply(json.readTree(message.getPayload()));
        };
    }
}
