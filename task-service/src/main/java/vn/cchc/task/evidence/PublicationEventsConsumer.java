package vn.cchc.task.evidence;

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
    Consumer<Message<byte[]>> publicationEvents(EvidenceLinker linker, JsonMapper json) {
        return message -> {
            String type = CloudEventHeaders.type(message);
            switch (type == null ? "" : type) {
                case "vn.cchc.publication.recorded.v1", "vn.cchc.publication.corrected.v1" ->
                        linker.apply(json.readTree(message.getPayload()), false);
                case "vn.cchc.publication.retracted.v1" -> linker.apply(json.readTree(message.getPayload()), true);
                default -> log.debug("Ignoring publication event type {}", type);
            }
        };
    }
}
