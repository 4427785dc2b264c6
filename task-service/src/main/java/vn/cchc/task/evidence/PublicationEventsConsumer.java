package vn.cchc.task.evidence;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.cchc.platform.events.EventGate;

/**
 * The Spring Cloud Stream binding {@code publicationEvents-in-0} on {@code cchc.publication.events}. Events pass the
 * {@link EventGate} first: one not from publication-service, or not valid against its contract, goes to the dead-letter
 * topic and links no evidence.
 */
@Configuration
class PublicationEventsConsumer {
    static final String BINDING = "publicationEvents-in-0";

    @Bean
    Consumer<Message<byte[]>> publicationEvents(EvidenceLinker linker, EventGate gate) {
        return message -> gate.admit(BINDING, message).ifPresent(event -> {
            switch (event.type()) {
                case "vn.cchc.publication.recorded.v1", "vn.cchc.publication.corrected.v1" -> linker.apply(event.data(), false);
                case "vn.cchc.publication.retracted.v1" -> linker.apply(event.data(), true);
                default -> { }
            }
        });
    }
}
