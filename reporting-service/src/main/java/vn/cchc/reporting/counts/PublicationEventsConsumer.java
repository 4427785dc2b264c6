package vn.cchc.reporting.counts;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;
import vn.cchc.platform.events.CloudEventHeaders;

/** The Spring Cloud Stream binding {@code publicationEvents-in-0} on {@code cchc.publication.events}. */
@Configuration
class PublicationEventsConsumer {
    private static final Logger log = LoggerFactory.getLogger(PublicationEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> publicationEvents(PublicationFactProjection projection, JsonMapper json) {
        return message -> {
            String type = CloudEventHeaders.type(message);
            if (type == null || !type.startsWith("vn.cchc.publication.")) {
                log.warn("Skipping a message without a publication event type: {}", type);
                return;
            }
            projection.apply(type, json.readTree(message.getPayload()));
        };
    }
}
